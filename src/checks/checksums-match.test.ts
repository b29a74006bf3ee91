import { describe, expect, it } from 'vitest';
import type { ChecksumOutcome } from '../spec/index.ts';
import { checksumsMatch } from './checksums-match.ts';
import { runChecks } from './run-checks.ts';
import { buildEvidence } from './test-support/evidence-builder.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const WEIGHTS = ['model-00001.safetensors', 'model-00002.safetensors'];

function withChecksums(checksums: ChecksumOutcome[], weights = true) {
  return buildEvidence({
    components: weights ? { 'final-parameters': { files: WEIGHTS } } : {},
    checksums,
  });
}

describe('checksums-match', () => {
  it('passes when every declared digest matches', () => {
    const result = checksumsMatch.run(
      withChecksums([
        { path: WEIGHTS[0]!, expected: A, actual: A, method: 'computed' },
        { path: WEIGHTS[1]!, expected: B, actual: B.toUpperCase(), method: 'computed' },
      ]),
    );
    expect(result.score).toBe(10);
    expect(result.remediation).toBeNull();
    expect(result.evidence).toContainEqual({ file: WEIGHTS[0], note: 'sha256 matches (computed)' });
  });

  it('says which digests came from the source rather than being computed', () => {
    const result = checksumsMatch.run(
      withChecksums([
        { path: WEIGHTS[0]!, expected: A, actual: A, method: 'source' },
        { path: WEIGHTS[1]!, expected: B, actual: B, method: 'computed' },
      ]),
    );
    expect(result.score).toBe(10);
    expect(result.reason).toContain('1 compared with source digests, not computed');
    expect(result.details).toContainEqual(
      expect.stringContaining(`Hub LFS ids), not computed from the bytes: ${WEIGHTS[0]}`),
    );
  });

  it('fails on any mismatch and names it', () => {
    const result = checksumsMatch.run(
      withChecksums([
        { path: WEIGHTS[0]!, expected: A, actual: B, method: 'computed' },
        { path: WEIGHTS[1]!, expected: B, actual: B, method: 'computed' },
      ]),
    );
    expect(result.score).toBe(0);
    expect(result.reason).toBe(`1 of 2 declared sha256 digest(s) do not match: ${WEIGHTS[0]}`);
    expect(result.details).toContain(`mismatch: ${WEIGHTS[0]} declared ${A}, computed ${B}`);
  });

  it('lowers the score for files that could not be hashed', () => {
    const result = checksumsMatch.run(
      withChecksums([
        { path: WEIGHTS[0]!, expected: A, actual: A, method: 'computed' },
        {
          path: 'gone.bin',
          expected: B,
          actual: null,
          method: 'computed',
          error: 'file not found in the pack',
        },
      ]),
    );
    expect(result.score).toBe(5);
    expect(result.details).toContain('not hashed: gone.bin: file not found in the pack');
  });

  it('asks released weights to declare digests, pointing at source digests when the Hub has them', () => {
    const evidence = withChecksums([]);
    evidence.files = evidence.files.map((file) =>
      file.path === WEIGHTS[0] ? { ...file, sourceSha256: A } : file,
    );
    const result = checksumsMatch.run(evidence);
    expect(result.score).toBeNull();
    expect(result.reason).toMatch(/^integrity not verifiable/);
    expect(result.remediation).toContain('sha256');
    expect(result.remediation).toContain('publishes LFS sha256 digests for 1');
  });

  it('asks for weight digests when digests cover other files but no weight file', () => {
    const result = checksumsMatch.run(
      withChecksums([{ path: 'tokenizer.json', expected: A, actual: A, method: 'computed' }]),
    );
    expect(result.score).toBe(10);
    expect(result.remediation).toContain('Declare the sha256 of each weight file');
    expect(result.details).toContainEqual(
      expect.stringContaining('no digest is declared for any weight file'),
    );
  });

  it('does not ask digests of shard indexes and configs that travel with the weights', () => {
    const evidence = withChecksums([{ path: WEIGHTS[0]!, expected: A, actual: A, method: 'computed' }]);
    const weights = evidence.components.find((component) => component.id === 'final-parameters')!;
    weights.files = [...WEIGHTS, 'model.safetensors.index.json', 'config.json'];
    const result = checksumsMatch.run(evidence);
    expect(result.details?.join('\n')).toContain(`weight files without a declared digest: ${WEIGHTS[1]}`);
    expect(result.details?.join('\n')).not.toContain('index.json');
  });

  it('does not apply when nothing is declared and no weights are released', () => {
    expect(checksumsMatch.run(withChecksums([], false)).score).toBeNull();
  });

  it('survives malformed digests and garbage outcomes', () => {
    const [outcome] = runChecks(
      withChecksums([
        { path: WEIGHTS[0]!, expected: 'not-a-digest\u0000', actual: A, method: 'computed' },
        {
          path: WEIGHTS[1]!,
          expected: undefined as unknown as string,
          actual: 42 as unknown as string,
          method: 'computed',
        },
      ]),
      [checksumsMatch],
    );
    expect(outcome!.reason).not.toContain('unexpectedly');
    expect(outcome!.score).toBe(0);
    expect(outcome!.details?.[0]).toMatch(/^malformed: model-00001.safetensors declares "not-a-digest�"/);
  });
});
