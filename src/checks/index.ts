export type { Check, CheckOutcome, Risk } from './check.ts';
export { ALL_CHECKS } from './registry.ts';
export { runChecks } from './run-checks.ts';
