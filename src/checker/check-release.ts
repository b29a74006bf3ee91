import { runChecks } from '../checks/index.ts';
import { buildProfile, evaluatePolicy } from '../profile/index.ts';
import type { Pack } from '../scan/index.ts';
import { type CollectProgress, collectEvidence, openSource } from '../scan/index.ts';
import type { Policy } from '../spec/index.ts';
import { type CheckReport, REPORT_VERSION } from './check-report.ts';
import { toolVersion } from './tool-version.ts';

/** Options of one check. */
export interface CheckReleaseOptions {
  /** Judge schedules as of this day (YYYY-MM-DD); today by default. */
  asOf?: string;
  /** A gate to apply; see combineGate. */
  gate?: Policy | null;
  hashWorkers?: number;
  onProgress?: CollectProgress;
}

/**
 * Checks one release end to end: open the source, collect evidence, run every check, build the profile
 * and apply the gate. The CLI, the API, the arena and the programs all call this, so they agree.
 *
 * @example
 * const report = await checkRelease('examples/open-science-pack');
 * console.log(report.profile.score, report.profile.mof.class);
 */
export async function checkRelease(target: string, options: CheckReleaseOptions = {}): Promise<CheckReport> {
  const pack = await openSource(target);
  try {
    return await checkPack(pack, target, options);
  } finally {
    await pack.close();
  }
}

/** Checks an already opened pack (used by tests with memory packs). */
export async function checkPack(
  pack: Pack,
  target: string,
  options: CheckReleaseOptions = {},
): Promise<CheckReport> {
  const evidence = await collectEvidence(pack, {
    asOf: options.asOf,
    hashWorkers: options.hashWorkers,
    onProgress: options.onProgress,
  });
  const checks = runChecks(evidence);
  const profile = buildProfile(evidence, checks);
  const largest = [...evidence.files].sort((a, b) => b.size - a.size).slice(0, 5);
  return {
    reportVersion: REPORT_VERSION,
    tool: { name: 'aperture', version: toolVersion() },
    target,
    profile,
    checks,
    manifest: evidence.manifest,
    checksums: evidence.checksums,
    files: {
      count: evidence.files.length,
      bytes: evidence.files.reduce((sum, file) => sum + file.size, 0),
      largest,
    },
    warnings: evidence.warnings,
    gate: options.gate ? evaluatePolicy(options.gate, profile, checks) : null,
  };
}
