export type { LeaderboardEntryView, LeaderboardView, PrizeStandingView } from './arena/leaderboard-view.ts';
export { renderLeaderboard } from './arena/render-leaderboard.ts';
export { renderLeaderboardCsv } from './arena/render-leaderboard-csv.ts';
export type { PrizeClaimView } from './arena/render-prize-claim.ts';
export { renderPrizeClaim } from './arena/render-prize-claim.ts';
export type { RoundResultView } from './arena/render-round-results.ts';
export { renderRoundResults } from './arena/render-round-results.ts';
export type { ProgramView } from './programs/render-program.ts';
export { renderProgram } from './programs/render-program.ts';
export type { ProgramListItemView } from './programs/render-program-list.ts';
export { renderProgramList } from './programs/render-program-list.ts';
export type { VerificationView, VerifiedDeliverableView } from './programs/render-verification.ts';
export { renderVerification } from './programs/render-verification.ts';
export type { BadgeOptions } from './render-badge.ts';
export { badgeColour, escapeXml, renderBadge, textWidth } from './render-badge.ts';
export { renderJson } from './render-json.ts';
export { escapeMarkdown, renderMarkdown } from './render-markdown.ts';
export {
  LINKED_UNVERIFIED_RULE_ID,
  OPEN_WASHING_RULE_ID,
  renderSarif,
  SARIF_LEVEL_BY_RISK,
  SARIF_SCHEMA_URI,
} from './render-sarif.ts';
export type { TextOptions } from './render-text.ts';
export { renderText } from './render-text.ts';
export type { Fix } from './top-fixes.ts';
export { topFixes } from './top-fixes.ts';
