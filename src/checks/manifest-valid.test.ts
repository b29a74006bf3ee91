import { describe, expect, it } from 'vitest';
import { manifestValid } from './manifest-valid.ts';
import { buildEvidence } from './test-support/evidence-builder.ts';

describe('manifest-valid', () => {
  it('passes a valid manifest', () => {
    expect(manifestValid.run(buildEvidence())).toMatchObject({ score: 10, remediation: null });
  });

  it('fails an absent manifest, pointing at aperture init', () => {
    const result = manifestValid.run(buildEvidence({ manifest: { state: 'absent' } }));
    expect(result.score).toBe(0);
    expect(result.remediation).toContain('aperture init');
  });

  it('lists each problem of an invalid manifest with its line', () => {
    const result = manifestValid.run(
      buildEvidence({
        manifest: {
          state: 'invalid',
          file: 'release-pack.yaml',
          issues: [
            {
              path: 'model.country',
              line: 4,
              column: 12,
              message: 'must be an ISO 3166-1 alpha-2 country code',
            },
            { path: '', message: '\u0000garbage' },
          ],
        },
      }),
    );
    expect(result.score).toBe(0);
    expect(result.reason).toContain('2 problem(s), first: model.country');
    expect(result.evidence[0]).toEqual({ file: 'release-pack.yaml', line: 4, note: expect.any(String) });
    expect(result.details?.[0]).toBe('4:12 model.country: must be an ISO 3166-1 alpha-2 country code');
  });
});
