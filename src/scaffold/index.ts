export type { CardMetadata, ModelIndexEntry } from './card-metadata.ts';
export { cardMetadata, updateCardFrontMatter } from './card-metadata.ts';
export { renderDocumentTemplate } from './render-document-template.ts';

export type { ScaffoldResult } from './scaffold-pack.ts';
export { scaffoldPack } from './scaffold-pack.ts';
