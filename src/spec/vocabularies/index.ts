/*
 * The closed lists the API and the store share (accessibility values, regions, statuses, sorts, …): plain
 * constants and their literal unions, no zod, so the dashboard can import values from this door.
 */
export type { AccessibilityFilter, AccessibilityValue } from './accessibility.ts';
export {
  ACCESSIBILITY_FILTERS,
  ACCESSIBILITY_VALUES,
  accessibilitiesOf,
  CLOSED_ACCESSIBILITIES,
  OPEN_ACCESSIBILITIES,
} from './accessibility.ts';
export type { ModelSort, OrganizationSort } from './catalog-sorts.ts';
export { MODEL_SORTS, ORGANIZATION_SORTS } from './catalog-sorts.ts';
export type { ImportRunStatus } from './import-run-statuses.ts';
export { IMPORT_RUN_STATUSES } from './import-run-statuses.ts';
export type { ItemSplit } from './item-splits.ts';
export { ITEM_SPLITS } from './item-splits.ts';
export type { LadderKind } from './ladder-kinds.ts';
export { LADDER_KINDS } from './ladder-kinds.ts';
export type { OpennessScheme } from './openness-schemes.ts';
export { OPENNESS_SCHEMES } from './openness-schemes.ts';
export type { PortfolioClass } from './portfolio-classes.ts';
export { PORTFOLIO_CLASSES } from './portfolio-classes.ts';
export type { ProgramKind } from './program-kinds.ts';
export { PROGRAM_KINDS } from './program-kinds.ts';
export type { Region } from './regions.ts';
export { REGIONS } from './regions.ts';
export type { RoundPhase } from './round-phases.ts';
export { ROUND_PHASES } from './round-phases.ts';
export type { RoundStatus } from './round-statuses.ts';
export { ROUND_STATUSES } from './round-statuses.ts';
export type { TokenScope } from './token-scopes.ts';
export { TOKEN_SCOPES } from './token-scopes.ts';
export type { DeliverableStatus, VerificationStatus } from './verification-statuses.ts';
export { DELIVERABLE_STATUSES, VERIFICATION_STATUSES } from './verification-statuses.ts';
