export { manifestFromAiBom, UNKNOWN_ORGANIZATION } from './ai-bom-manifest.ts';
export { collectEvidence } from './collect-evidence.ts';
export type { CollectProgress } from './collect-options.ts';
export { openFolderPack } from './folder-pack.ts';
export type { FollowLimits } from './follow-links.ts';

export { parseGitTarget } from './git-url.ts';

export type { LocationOpener } from './location-opener.ts';
export { networkLocationOpener, readsNetworkTarget } from './location-opener.ts';
export { memoryPack } from './memory-pack.ts';
export type { SourceOptions } from './open-source.ts';
export { classifyTarget, openSource } from './open-source.ts';
export type { Pack } from './pack.ts';
export type { AiBom, AiBomComponent, ParsedAiBom } from './parse-ai-bom.ts';
export { MAX_AI_BOM_BYTES, parseAiBom } from './parse-ai-bom.ts';
