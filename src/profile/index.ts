export { buildProfile } from './build-profile.ts';
export { detectOpenWashing } from './detect-open-washing.ts';
export type { MofComponentInput } from './evaluate-mof.ts';
export { evaluateMof, mofRequiredComponents } from './evaluate-mof.ts';
export type { PolicyOutcome, RuleOutcome } from './evaluate-policy.ts';
export { evaluatePolicy, meetsClass } from './evaluate-policy.ts';
export { osaidVerdict } from './osaid-verdict.ts';
export type {
  Completeness,
  ComponentRating,
  MofEvaluation,
  OpennessProfile,
  OpenWashing,
  OsaidVerdict,
} from './profile-types.ts';
export type { Verification } from './rate-components.ts';
export {
  RATING_FACTORS,
  rateComponent,
  rateComponents,
  VERIFICATION_FACTORS,
  verificationOf,
} from './rate-components.ts';
