export { buildProfile } from './build-profile.ts';

export type { MofComponentInput } from './evaluate-mof.ts';
export { evaluateMof, mofRequiredComponents } from './evaluate-mof.ts';
export type { RuleOutcome } from './evaluate-policy.ts';
export { evaluatePolicy } from './evaluate-policy.ts';
export { osaidVerdict } from './osaid-verdict.ts';
export type { ComponentRating, OpennessProfile, OpenWashing } from './profile-types.ts';

export { RATING_FACTORS, rateComponent, VERIFICATION_FACTORS } from './rate-components.ts';
