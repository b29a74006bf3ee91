import type { CheckReport } from '../checker/index.ts';

/**
 * The digests the checker verified: computed or vouched for by the source, and equal to the declared
 * one. Path → sha256; a BOM writes a hash only for these.
 *
 * @example
 * const verified = verifiedDigests(report);
 * verified.get('weights/model.safetensors'); // the sha256, or undefined when unverified
 */
export function verifiedDigests(report: CheckReport): Map<string, string> {
  const digests = new Map<string, string>();
  for (const outcome of report.checksums) {
    if (outcome.actual !== null && outcome.actual === outcome.expected)
      digests.set(outcome.path, outcome.actual);
  }
  return digests;
}
