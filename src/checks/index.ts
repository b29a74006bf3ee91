export type { Check, CheckOutcome, CheckResult, Risk } from './check.ts';
export { ALL_CHECKS, findCheck } from './registry.ts';
export { runChecks } from './run-checks.ts';
