export { renderLeaderboard } from './arena/render-leaderboard.ts';
export { renderLeaderboardCsv } from './arena/render-leaderboard-csv.ts';

export { renderPrizeClaim } from './arena/render-prize-claim.ts';

export { renderRoundResults } from './arena/render-round-results.ts';

export { renderProgram } from './programs/render-program.ts';

export { renderProgramList } from './programs/render-program-list.ts';

export { renderVerification } from './programs/render-verification.ts';

export { renderBadge } from './render-badge.ts';
export type { CycloneDxOptions } from './render-cyclonedx.ts';
export { CYCLONEDX_SPEC_VERSION, MODEL_BOM_REF, renderCycloneDx } from './render-cyclonedx.ts';
export { renderJson } from './render-json.ts';
export { renderMarkdown } from './render-markdown.ts';
export { renderSarif } from './render-sarif.ts';
export type { Spdx3Options } from './render-spdx3.ts';
export { renderSpdx3, SPDX3_CONTEXT, SPDX3_SPEC_VERSION } from './render-spdx3.ts';

export { renderText } from './render-text.ts';

export { topFixes } from './top-fixes.ts';
