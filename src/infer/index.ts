export type { LicenseMatch } from './identify-license-text.ts';
export { identifyLicenseText } from './identify-license-text.ts';
export { inferRelease } from './infer-release.ts';
export type { Inference, InferenceInput, InferredComponent } from './inference.ts';
