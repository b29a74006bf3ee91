import { type CheckReport, checkReleaseWithEvidence } from '../../checker/index.ts';
import type { Policy, ReleaseEvidence } from '../../spec/index.ts';
import type { CliIo } from '../io.ts';
import { createHashProgress } from './progress.ts';

/** How `check` and `ci` check their targets. */
export interface CheckReleasesOptions {
  gate: Policy | null;
  asOf: string | undefined;
  /** All targets are the locations of one release (one report), not one release each. */
  asOneRelease?: boolean;
  /** False: follow no links (see followLinksOption). */
  follow: false | undefined;
  /** Show a hashing progress bar on a TTY (never for machine formats). */
  progress: boolean;
  /** Called with each report as soon as it is ready (to stream text). */
  onReport?: (report: CheckReport) => void;
  /** Called with the evidence each report was built from (for exports that carry more than the report). */
  onEvidence?: (evidence: ReleaseEvidence) => void;
}

/**
 * Checks each target as a release of its own (or all of them as one release), in order, with a progress
 * bar per release on a TTY; the reports in target order.
 *
 * @example
 * const reports = await checkReleases(io, ['examples/open-science-pack'], { gate: null, asOf: undefined, follow: undefined, progress: true });
 */
export async function checkReleases(
  io: CliIo,
  targets: readonly string[],
  options: CheckReleasesOptions,
): Promise<CheckReport[]> {
  const reports: CheckReport[] = [];
  const releases = options.asOneRelease ? [targets] : targets.map((target) => [target]);
  for (const [target, ...rest] of releases as Array<[string, ...string[]]>) {
    const progress = options.progress ? createHashProgress(io, target) : undefined;
    let report: CheckReport;
    try {
      const checked = await checkReleaseWithEvidence(target, {
        gate: options.gate,
        asOf: options.asOf,
        onProgress: progress?.update,
        with: rest,
        follow: options.follow,
      });
      report = checked.report;
      options.onEvidence?.(checked.evidence);
    } finally {
      progress?.stop();
    }
    reports.push(report);
    options.onReport?.(report);
  }
  return reports;
}
