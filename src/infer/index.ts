export { MAX_EVIDENCE, STATUS_RANK } from './component-findings.ts';

export { classifyUrl } from './find-links.ts';

export { identifyLicenseText } from './identify-license-text.ts';
export { inferRelease } from './infer-release.ts';
export type { Inference, InferredComponent } from './inference.ts';

export { isOwnLink, type ReleaseLink } from './release-link.ts';
