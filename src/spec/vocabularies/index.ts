/*
 * The closed lists the API and the store share (accessibility values, regions, statuses, sorts, …): plain
 * constants and their literal unions, no zod, so the dashboard can import values from this door.
 */
export type { AccessibilityFilter, AccessibilityValue } from './accessibility.ts';
export type { ModelSort, OrganizationSort } from './catalog-sorts.ts';
export type { ImportRunStatus } from './import-run-statuses.ts';
export { IMPORT_RUN_STATUSES } from './import-run-statuses.ts';
export type { ProgramKind } from './program-kinds.ts';
export type { Region } from './regions.ts';
export { REGION_LABELS, REGIONS } from './regions.ts';
export type { DeliverableStatus } from './verification-statuses.ts';
