import type { CheckReport } from '../../src/checker/index.ts';

/** The digest the manifest of `weightsDigestReport` declares for weights/model.safetensors. */
export const DECLARED_WEIGHTS_DIGEST = 'a'.repeat(64);

/**
 * A check report whose manifest declares `weights/model.safetensors` as the final parameters with
 * DECLARED_WEIGHTS_DIGEST, and whose checker computed `actual` for that file: a lying digest when
 * `actual` differs, an honest one when it is the same. For the BOM exports' "hash only where verified".
 *
 * @example
 * const lying = weightsDigestReport(await reportOf(OPEN_PACK), 'b'.repeat(64));
 * const honest = weightsDigestReport(await reportOf(OPEN_PACK), DECLARED_WEIGHTS_DIGEST);
 */
export function weightsDigestReport(report: CheckReport, actual: string): CheckReport {
  return {
    ...report,
    manifest:
      report.manifest.state === 'valid'
        ? {
            ...report.manifest,
            value: {
              ...report.manifest.value,
              components: {
                ...report.manifest.value.components,
                'final-parameters': {
                  status: 'released',
                  location: 'weights/model.safetensors',
                  license: 'Apache-2.0',
                  sha256: DECLARED_WEIGHTS_DIGEST,
                },
              },
            },
          }
        : report.manifest,
    checksums: [
      { path: 'weights/model.safetensors', expected: DECLARED_WEIGHTS_DIGEST, actual, method: 'computed' },
    ],
  };
}
