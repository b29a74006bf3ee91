export type { DraftComponent, ManifestDraft } from './manifest-draft.ts';
export { blankDraft, draftFromEvidence } from './manifest-draft.ts';
export { REPRODUCIBILITY_CHECKLIST, renderDocumentTemplate } from './render-document-template.ts';
export { renderManifest } from './render-manifest.ts';
export type { ScaffoldOptions, ScaffoldResult } from './scaffold-pack.ts';
export { scaffoldPack } from './scaffold-pack.ts';
