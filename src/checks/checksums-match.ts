import type { ChecksumOutcome, EvidenceRef } from '../spec/index.ts';
import type { Check } from './check.ts';
import { capDetails, findComponent, isShipped, quote, summarise } from './shared/release-parts.ts';

const SHA256 = /^[0-9a-f]{64}$/;
const WEIGHT_FILE = /\.(safetensors|bin|gguf|ggml|pt|pth|ckpt|onnx|h5|msgpack|npz|tflite|mlmodel|keras)$/i;

/** Every declared sha256 matches the file it names. */
export const checksumsMatch: Check = {
  id: 'checksums-match',
  title: 'Checksums match',
  risk: 'critical',
  judges: ['final-parameters'],
  docs: {
    why: 'Weights are large opaque files copied through mirrors, caches and hubs; a published sha256 is the only way a user can tell that the file they run is the one that was evaluated and released, and not a corrupted or tampered copy. A digest that does not match means exactly that.',
    how: 'Declare a sha256 for every weight file: `sha256:` on a component whose `location` is a single file, or an `artifacts:` list of `{path, sha256}` for components spread over several files (`sha256sum model-*.safetensors` prints them). Aperture hashes every declared file (in parallel, streaming) and, for Hugging Face sources, compares with the LFS sha256 the Hub publishes.',
    scoring:
      '10 × matching digests / declared digests; any mismatch scores 0. With no digest declared there is nothing to verify: not applicable (no effect on the score), but released weights still get the fix "declare their sha256".',
  },
  run(evidence) {
    const weights = findComponent(evidence, 'final-parameters');
    const weightsShipped = isShipped(weights);
    // Only tensor files need digests; configs and shard indexes travel with them but are not weights.
    const weightFiles = weightsShipped ? weights.files.filter((file) => WEIGHT_FILE.test(file)) : [];
    const outcomes: ChecksumOutcome[] = Array.isArray(evidence.checksums) ? evidence.checksums : [];
    if (outcomes.length === 0) {
      if (!weightsShipped) {
        return {
          score: null,
          reason: 'no digest is declared and no weights are released',
          evidence: [],
          remediation: null,
        };
      }
      const vouched = (evidence.files ?? []).filter(
        (file) => weightFiles.includes(file.path) && typeof file.sourceSha256 === 'string',
      );
      // Missing digests are an integrity gap, not an openness one: say so, but do not scale the weights' points.
      return {
        score: null,
        reason: `integrity not verifiable: weights are released but no sha256 is declared for ${weightFiles.length > 0 ? summarise(weightFiles) : 'them'}`,
        evidence: weightFiles.slice(0, 10).map((file) => ({ file, note: 'no declared sha256' })),
        remediation: `Declare the sha256 of each weight file in release-pack.yaml (\`sha256:\` for a single file, \`artifacts:\` for several)${
          vouched.length > 0
            ? `; the source already publishes LFS sha256 digests for ${vouched.length} of them`
            : ''
        }.`,
        details: vouched.map(
          (file) => `${file.path}: the source publishes sha256 ${file.sourceSha256}; declare it`,
        ),
      };
    }

    const matched: ChecksumOutcome[] = [];
    const mismatched: ChecksumOutcome[] = [];
    const unhashable: ChecksumOutcome[] = [];
    const malformed: ChecksumOutcome[] = [];
    for (const outcome of outcomes) {
      const expected = String(outcome.expected ?? '')
        .trim()
        .toLowerCase();
      const actual = typeof outcome.actual === 'string' ? outcome.actual.trim().toLowerCase() : null;
      if (!SHA256.test(expected)) malformed.push(outcome);
      else if (actual === null || outcome.error) unhashable.push(outcome);
      else if (actual === expected) matched.push(outcome);
      else mismatched.push(outcome);
    }
    const fromSource = outcomes.filter((outcome) => outcome.method === 'source');
    const details: string[] = [];
    for (const outcome of mismatched) {
      details.push(
        `mismatch: ${outcome.path} declared ${outcome.expected}, ${outcome.method === 'source' ? 'source publishes' : 'computed'} ${outcome.actual}`,
      );
    }
    for (const outcome of unhashable) {
      details.push(`not hashed: ${outcome.path}${outcome.error ? `: ${outcome.error}` : ''}`);
    }
    for (const outcome of malformed) {
      details.push(
        `malformed: ${outcome.path} declares ${quote(String(outcome.expected ?? ''), 80)}, not 64 hexadecimal characters`,
      );
    }
    if (fromSource.length > 0) {
      details.push(
        `${fromSource.length} digest(s) compared with the sha256 the source publishes (Hub LFS ids), not computed from the bytes: ${summarise(fromSource.map((outcome) => outcome.path))}`,
      );
    }
    const covered = new Set(outcomes.map((outcome) => outcome.path));
    const weightsWithout = weightFiles.filter((file) => !covered.has(file));
    if (weightFiles.length > 0 && weightsWithout.length === weightFiles.length) {
      details.push(`no digest is declared for any weight file (${summarise(weightFiles)})`);
    } else if (weightsWithout.length > 0) {
      details.push(`weight files without a declared digest: ${summarise(weightsWithout)}`);
    }

    const total = outcomes.length;
    const score = mismatched.length > 0 ? 0 : Math.round((10 * matched.length) / total);
    const refs: EvidenceRef[] = [
      ...mismatched.map((outcome) => ({ file: outcome.path, note: 'sha256 mismatch' })),
      ...unhashable.map((outcome) => ({ file: outcome.path, note: 'not hashed' })),
      ...matched.map((outcome) => ({
        file: outcome.path,
        note: outcome.method === 'source' ? 'sha256 matches (source digest)' : 'sha256 matches (computed)',
      })),
    ];
    const sourceNote =
      fromSource.length > 0 ? ` (${fromSource.length} compared with source digests, not computed)` : '';
    const reason =
      mismatched.length > 0
        ? `${mismatched.length} of ${total} declared sha256 digest(s) do not match: ${summarise(mismatched.map((outcome) => outcome.path))}`
        : matched.length === total
          ? `all ${total} declared sha256 digest(s) match${sourceNote}`
          : `${matched.length} of ${total} declared sha256 digest(s) verified; ${unhashable.length + malformed.length} could not be checked${sourceNote}`;
    const todo: string[] = [];
    if (mismatched.length > 0)
      todo.push(
        `Replace ${summarise(mismatched.map((outcome) => outcome.path))} with the released files, or correct the declared digests if the files changed on purpose`,
      );
    if (unhashable.length > 0)
      todo.push(
        `Make ${summarise(unhashable.map((outcome) => outcome.path))} available for hashing (in the pack, at the declared path)`,
      );
    if (malformed.length > 0) todo.push('Write each sha256 as 64 lowercase hexadecimal characters');
    if (weightsWithout.length > 0) todo.push('Declare the sha256 of each weight file');
    return {
      score,
      reason,
      evidence: refs.slice(0, 30),
      remediation: todo.length === 0 ? null : `${todo.join('. ')}.`,
      details: capDetails(details),
    };
  },
};
