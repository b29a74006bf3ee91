import { runChecks } from '../checks/index.ts';
import { buildProfile, evaluatePolicy } from '../profile/index.ts';
import type { FollowLimits, LocationOpener, Pack, SourceOptions } from '../scan/index.ts';
import { type CollectProgress, collectEvidence, networkLocationOpener, openSource } from '../scan/index.ts';
import type { PackFile, Policy, ReleaseEvidence } from '../spec/index.ts';
import { allowedHostsFromEnv } from '../util/index.ts';
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
  /**
   * Further locations of the same release (its code repository, its datasets), checked as one release
   * with the target: one profile, every piece of evidence naming its location.
   */
  with?: readonly string[];
  /**
   * Whether to follow the links the release's texts contain (weights on the Hub, code on GitHub,
   * datasets): true by default (unless the environment sets `APERTURE_NO_FOLLOW=1`), through Aperture's
   * own Hub and git sources with the destination rule; `false` makes no request beyond opening the
   * sources named; an object sets the opener or the limits.
   */
  follow?: boolean | { opener?: LocationOpener; limits?: Partial<FollowLimits> };
  /** Options of the sources (limits, the git destination rule), for the targets and followed links. */
  sources?: SourceOptions;
  /** The AI-BOM of the target to read (a path in it), instead of every file named as one. */
  bom?: string;
}

/**
 * Collects the evidence of a release as `aperture check` does before it runs the checks: the target and
 * the locations named with it, and the locations its links lead to (unless told not to), read through
 * Aperture's own Hub and git sources with the destination rule. `aperture init --from` drafts from it,
 * so that the draft and the check agree.
 *
 * @example
 * const evidence = await collectReleaseEvidence('hf:org/model', { with: ['https://github.com/org/code'] });
 */
export async function collectReleaseEvidence(
  target: string,
  options: CheckReleaseOptions = {},
): Promise<ReleaseEvidence> {
  const opened: Pack[] = [];
  try {
    const pack = await openSource(target, options.sources);
    opened.push(pack);
    for (const other of options.with ?? []) opened.push(await openSource(other, options.sources));
    const follow = options.follow ?? process.env.APERTURE_NO_FOLLOW !== '1';
    return await collectEvidence(pack, {
      bom: options.bom,
      asOf: options.asOf,
      hashWorkers: options.hashWorkers,
      onProgress: options.onProgress,
      given: opened.slice(1),
      follow: followOption({ ...options, follow }),
    });
  } finally {
    await Promise.all(opened.map((pack) => pack.close()));
  }
}

/**
 * Checks one release end to end: open the source (and the locations named with it), collect evidence
 * (following the release's links unless told not to), run every check, build the profile and apply
 * the gate. The CLI, the API, the arena and the programs all call this, so they agree.
 *
 * @example
 * const report = await checkRelease('examples/open-science-pack');
 * console.log(report.profile.score, report.profile.mof.class);
 * const whole = await checkRelease('hf:org/model', { with: ['https://github.com/org/code'] });
 */
export async function checkRelease(target: string, options: CheckReleaseOptions = {}): Promise<CheckReport> {
  return reportOf(await collectReleaseEvidence(target, options), target, options);
}

/**
 * checkRelease, also handing back the evidence the report was built from, for the exports that carry
 * more than the report (the AI-BOM's model card, from `releaseFacts(evidence)`).
 *
 * @example
 * const { report, evidence } = await checkReleaseWithEvidence('examples/open-science-pack');
 */
export async function checkReleaseWithEvidence(
  target: string,
  options: CheckReleaseOptions = {},
): Promise<{ report: CheckReport; evidence: ReleaseEvidence }> {
  const evidence = await collectReleaseEvidence(target, options);
  return { report: reportOf(evidence, target, options), evidence };
}

/**
 * Checks an already opened pack (used by tests with memory packs); `given` are further locations.
 * Links are followed only when `follow` says so.
 */
export async function checkPack(
  pack: Pack,
  target: string,
  options: CheckReleaseOptions & { given?: readonly Pack[] } = {},
): Promise<CheckReport> {
  return (await checkPackWithEvidence(pack, target, options)).report;
}

/**
 * checkPack, also handing back the evidence the report was built from (the texts read, for readers
 * of the documents such as the calibration's projection on the OSAI index).
 *
 * @example
 * const { report, evidence } = await checkPackWithEvidence(pack, 'hf:org/model', { follow: { opener } });
 */
export async function checkPackWithEvidence(
  pack: Pack,
  target: string,
  options: CheckReleaseOptions & { given?: readonly Pack[] } = {},
): Promise<{ report: CheckReport; evidence: ReleaseEvidence }> {
  const evidence = await collectEvidence(pack, {
    asOf: options.asOf,
    hashWorkers: options.hashWorkers,
    onProgress: options.onProgress,
    given: options.given,
    follow: followOption(options),
  });
  return { report: reportOf(evidence, target, options), evidence };
}

/** Runs the checks on collected evidence, builds the profile and applies the gate. */
function reportOf(evidence: ReleaseEvidence, target: string, options: CheckReleaseOptions): CheckReport {
  const checks = runChecks(evidence);
  const profile = buildProfile(evidence, checks);
  const largest = largestFiles(evidence.files, 5);
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
    locations: evidence.locations,
    warnings: evidence.warnings,
    gate: options.gate ? evaluatePolicy(options.gate, profile, checks) : null,
  };
}

/** The opener links are followed through: the network one when `follow` is true, none when it is absent or false. */
function followOption(
  options: CheckReleaseOptions,
): { opener: LocationOpener; limits?: Partial<FollowLimits>; allowHosts: readonly string[] } | undefined {
  if (options.follow === undefined || options.follow === false) return undefined;
  const custom = typeof options.follow === 'object' ? options.follow : {};
  // Followed links always pass the destination rule, whoever asked for the check.
  const destination = options.sources?.git?.destination ?? { allowHosts: allowedHostsFromEnv(process.env) };
  const opener =
    custom.opener ??
    networkLocationOpener({ hf: options.sources?.hf, git: { ...options.sources?.git, destination } });
  return { opener, limits: custom.limits, allowHosts: destination.allowHosts ?? [] };
}

/** The `count` largest files, largest first, in one pass (a release may list hundreds of thousands). */
function largestFiles(files: readonly PackFile[], count: number): PackFile[] {
  const top: PackFile[] = [];
  for (const file of files) {
    if (top.length === count && file.size <= top[count - 1]!.size) continue;
    top.push(file);
    top.sort((a, b) => b.size - a.size);
    if (top.length > count) top.pop();
  }
  return top;
}
