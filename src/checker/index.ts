export type { CheckReleaseOptions } from './check-release.ts';
export {
  checkPack,
  checkPackWithEvidence,
  checkRelease,
  checkReleaseWithEvidence,
  collectReleaseEvidence,
} from './check-release.ts';
export type { CheckReport } from './check-report.ts';
export { REPORT_VERSION } from './check-report.ts';
export { combineGate, loadPolicy, parseMofClass } from './load-policy.ts';
export type { EvalMetric, ReleaseFacts } from './release-facts.ts';
export { releaseFacts } from './release-facts.ts';
export { rewardGate } from './reward-gate.ts';
export { toolVersion } from './tool-version.ts';
