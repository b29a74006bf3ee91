/**
 * The example release packs under examples/ give the profiles their READMEs promise.
 *
 * The expected numbers (scores, MOF classes, OSAID verdicts, completeness, policy outcomes) come from
 * the scoring rules documented in docs/scoring.md (rendered by scripts/docs/render-scoring-doc.ts from
 * the code). Scores are asserted within ±3 points so that small, deliberate changes to a check's
 * scoring do not break this test, while a pack that stops meeting a check does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildExampleArtifacts,
  decodeSafetensorsHeader,
  sha256,
} from '../scripts/examples/generate-example-artifacts.ts';
import { type CheckReport, checkRelease, loadPolicy } from '../src/checker/index.ts';
import { main } from '../src/cli/main.ts';
import { recordingIo } from '../src/cli/test-support/recording-io.ts';
import { evaluatePolicy } from '../src/profile/index.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const AS_OF = '2026-06-01';
const EXAMPLES = [
  'open-science-pack',
  'open-weights-only',
  'harness-only',
  'broken-pack',
  'hub-style-no-manifest',
  'linked-release',
] as const;
type Example = (typeof EXAMPLES)[number];

interface Expected {
  score: number;
  mofClass: 'I' | 'II' | 'III' | null;
  osaid: 'open-source-ai' | 'not-open-source-ai';
  completeness: number;
  inferred: boolean;
}

const EXPECTED: Record<Example, Expected> = {
  'open-science-pack': {
    score: 100,
    mofClass: 'I',
    osaid: 'open-source-ai',
    completeness: 100,
    inferred: false,
  },
  'open-weights-only': {
    score: 45,
    mofClass: 'III',
    osaid: 'not-open-source-ai',
    completeness: 50,
    inferred: false,
  },
  'harness-only': {
    score: 53,
    mofClass: null,
    osaid: 'not-open-source-ai',
    completeness: 100,
    inferred: false,
  },
  'broken-pack': { score: 16, mofClass: null, osaid: 'not-open-source-ai', completeness: 18, inferred: true },
  'hub-style-no-manifest': {
    score: 38,
    mofClass: null,
    osaid: 'not-open-source-ai',
    completeness: 25,
    inferred: true,
  },
  'linked-release': {
    score: 39,
    mofClass: null,
    osaid: 'not-open-source-ai',
    completeness: 13,
    inferred: true,
  },
};

const reports = {} as Record<Example, CheckReport>;

beforeAll(async () => {
  for (const example of EXAMPLES) {
    reports[example] = await checkRelease(path.join(ROOT, 'examples', example), { asOf: AS_OF });
  }
});

function component(example: Example, id: string) {
  const found = reports[example].profile.components.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`${example}: no component ${id}`);
  return found;
}

function check(example: Example, id: string) {
  const found = reports[example].checks.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`${example}: no check ${id}`);
  return found;
}

function fakeIo() {
  return recordingIo({ cwd: ROOT, env: { NO_COLOR: '1' } });
}

describe('example release packs', () => {
  for (const example of EXAMPLES) {
    it(`${example}: class, verdict, completeness and score as documented`, () => {
      const { profile } = reports[example];
      const expected = EXPECTED[example];
      expect(profile.mof.class).toBe(expected.mofClass);
      expect(profile.osaid.verdict).toBe(expected.osaid);
      expect(profile.completeness.percent).toBe(expected.completeness);
      expect(profile.inferred).toBe(expected.inferred);
      expect(profile.score).toBeGreaterThanOrEqual(expected.score - 3);
      expect(profile.score).toBeLessThanOrEqual(expected.score + 3);
    });
  }

  it('open-science-pack: every component open and every check passing', () => {
    const { profile, checks, checksums } = reports['open-science-pack'];
    expect(profile.components.every((rating) => rating.rating === 'open')).toBe(true);
    expect(component('open-science-pack', 'final-parameters')).toMatchObject({ points: 15, maxPoints: 15 });
    expect(component('open-science-pack', 'intermediate-checkpoints').rating).toBe('open');
    expect(component('open-science-pack', 'training-datasets').license.expression).toBe('CC-BY-4.0');
    expect(profile.mof.progress).toEqual({ I: 100, II: 100, III: 100 });
    const failing = checks.filter((outcome) => outcome.score !== null && outcome.score < 10);
    expect(failing.map((outcome) => `${outcome.id}: ${outcome.reason}`)).toEqual([]);
    // Three declared digests (final weights and two checkpoints), all computed and matching.
    expect(checksums).toHaveLength(3);
    for (const outcome of checksums) expect(outcome.actual).toBe(outcome.expected);
    expect(profile.stages.map((stage) => stage.state)).toEqual([
      'released',
      'released',
      'released',
      'released',
    ]);
  });

  it('open-weights-only: open model, closed pipeline with reasons', () => {
    expect(component('open-weights-only', 'final-parameters').rating).toBe('open');
    expect(component('open-weights-only', 'inference-code').rating).toBe('open');
    expect(component('open-weights-only', 'training-code')).toMatchObject({
      rating: 'closed',
      status: 'withheld',
      reason: 'withheld (commercial)',
    });
    expect(component('open-weights-only', 'training-datasets').reason).toBe('withheld (legal)');
    expect(reports['open-weights-only'].profile.mof.unmet.II.map((item) => item.id)).toEqual([
      'training-code',
      'evaluation-code',
      'evaluation-data',
    ]);
    expect(check('open-weights-only', 'checksums-match').score).toBe(10);
  });

  it('harness-only: weights withheld for safety, harness runnable, no stage overdue', () => {
    const { profile } = reports['harness-only'];
    expect(component('harness-only', 'final-parameters')).toMatchObject({
      rating: 'closed',
      status: 'withheld',
    });
    expect(component('harness-only', 'evaluation-code')).toMatchObject({
      rating: 'open',
      quality: { check: 'eval-harness-runnable', score: 10 },
    });
    expect(component('harness-only', 'training-datasets').rating).toBe('partial');
    expect(component('harness-only', 'training-logs').rating).toBe('open');
    expect(check('harness-only', 'safety-notes').score).toBe(10);
    expect(check('harness-only', 'reproducibility-complete').score).toBe(10);
    expect(profile.stages.filter((stage) => stage.state === 'overdue')).toEqual([]);
    const weights = profile.stages.find((stage) => stage.name === 'weights');
    expect(weights).toMatchObject({ state: 'pending', released: null });
    expect(weights!.planned! > '2027-01-01').toBe(true);
    expect(weights!.reason).toMatch(/safety/);
  });

  it('broken-pack: the invalid manifest falls back to an inferred, low profile', () => {
    const report = reports['broken-pack'];
    expect(report.manifest.state).toBe('invalid');
    expect(check('broken-pack', 'manifest-valid').score).toBe(0);
    expect(component('broken-pack', 'final-parameters').rating).toBe('closed');
    expect(report.profile.components.every((rating) => rating.inferred)).toBe(true);
  });

  it('linked-release: the code verified, the weights, data, logs and preprint linked, unverified', () => {
    expect(component('linked-release', 'training-code')).toMatchObject({
      rating: 'open',
      verification: 'verified',
    });
    const weights = component('linked-release', 'final-parameters');
    expect(weights).toMatchObject({ rating: 'open', verification: 'linked-unverified', points: 7.5 });
    expect(weights.reason).toBe('linked, unverified; released under Apache-2.0 (open)');
    expect(component('linked-release', 'training-datasets').license.expression).toBe('CC-BY-4.0');
    expect(component('linked-release', 'training-logs').verification).toBe('linked-unverified');
    // The test fixture beside the code is not the release's weights.
    expect(weights.evidence.some((ref) => ref.file?.startsWith('tests/'))).toBe(false);
  });

  it('hub-style-no-manifest: components inferred from the Hub layout', () => {
    const { profile } = reports['hub-style-no-manifest'];
    expect(reports['hub-style-no-manifest'].manifest.state).toBe('absent');
    expect(profile.components.every((rating) => rating.inferred)).toBe(true);
    expect(component('hub-style-no-manifest', 'final-parameters')).toMatchObject({
      rating: 'open',
      inferred: true,
    });
    expect(component('hub-style-no-manifest', 'final-parameters').license.expression).toBe('Apache-2.0');
    expect(component('hub-style-no-manifest', 'model-card').rating).toBe('open');
    expect(component('hub-style-no-manifest', 'evaluation-results').rating).toBe('open');
    // Linked on the Hub; the README states the corpus is CC-BY-4.0.
    expect(component('hub-style-no-manifest', 'training-datasets')).toMatchObject({
      rating: 'open',
      verification: 'linked-unverified',
    });
    expect(component('hub-style-no-manifest', 'training-code').rating).toBe('closed');
  });
});

describe('aperture validate on the examples', () => {
  for (const example of ['open-science-pack', 'open-weights-only', 'harness-only'] as const) {
    it(`${example}: valid, exit 0`, async () => {
      const io = fakeIo();
      expect(await main(['validate', `examples/${example}`], io)).toBe(0);
      expect(io.out()).toContain('release-pack.yaml: valid (20 components declared)');
    });
  }

  it('broken-pack: exit 2, each problem located with file:line:column', async () => {
    const io = fakeIo();
    expect(await main(['validate', 'examples/broken-pack'], io)).toBe(2);
    const file = 'examples/broken-pack/release-pack.yaml';
    const lines = io.out().trim().split('\n');
    expect(lines.at(-1)).toBe(`6 problem(s) in ${file}`);
    const problems = lines.slice(0, -1);
    expect(problems).toHaveLength(6);
    for (const line of problems) expect(line).toMatch(new RegExp(`^${file}:\\d+:\\d+: `));
    const expected = [
      'model.country: must be an ISO 3166-1 alpha-2 country code',
      'model.releaseDate: must be a date written YYYY-MM-DD',
      'components.final-parameters.licence: unknown field "licence"; did you mean "license"?',
      'components.training-code.status: must be one of released, restricted, described, withheld, not-applicable (found "open")',
      'components.evaluation-code.location: is required when status is released',
      'components.training-datasets.reason: is required when status is withheld',
    ];
    for (const [index, message] of expected.entries()) expect(problems[index]).toContain(message);
  });

  it('hub-style-no-manifest: no manifest to validate, exit 2', async () => {
    const io = fakeIo();
    expect(await main(['validate', 'examples/hub-style-no-manifest'], io)).toBe(2);
    expect(io.err()).toContain('no release-pack.yaml');
  });
});

describe('example policies', () => {
  const POLICIES = ['open-artifacts-grant', 'prize-track-class-ii', 'procurement-minimum'] as const;
  /** Pass (empty list) or the unmet rules; null means "fails", without pinning which rules. */
  const OUTCOMES: Record<(typeof POLICIES)[number], Record<Example, string[] | null>> = {
    'open-artifacts-grant': {
      'open-science-pack': [],
      'open-weights-only': [
        'minClass',
        'requireComponents.evaluation-code',
        'requireComponents.training-logs',
        'requireVerified.training-code',
        'requireVerified.evaluation-code',
      ],
      'harness-only': [
        'minClass',
        'requireStages.weights',
        'requireVerified.final-parameters',
        'requireVerified.training-code',
      ],
      'broken-pack': null,
      'hub-style-no-manifest': null,
      // Weights only linked: not a deliverable.
      'linked-release': [
        'minClass',
        'requireComponents.data-card',
        'requireStages.weights',
        'requireVerified.final-parameters',
      ],
    },
    'prize-track-class-ii': {
      'open-science-pack': [],
      'open-weights-only': ['minClass', 'requireVerified.training-code', 'requireVerified.evaluation-code'],
      'harness-only': [
        'minClass',
        'requireVerified.final-parameters',
        'requireVerified.training-code',
        'requireVerified.inference-code',
      ],
      'broken-pack': null,
      'hub-style-no-manifest': null,
      // A release that only links its weights cannot win a prize.
      'linked-release': ['minClass', 'allowedLicenseClasses', 'requireVerified.final-parameters'],
    },
    'procurement-minimum': {
      'open-science-pack': [],
      'open-weights-only': ['minScore', 'requireComponents.safety-notes'],
      'harness-only': [],
      'broken-pack': null,
      'hub-style-no-manifest': null,
      'linked-release': null,
    },
  };

  for (const name of POLICIES) {
    for (const example of EXAMPLES) {
      const expected = OUTCOMES[name][example];
      it(`${name} on ${example}: ${expected === null || expected.length > 0 ? 'fails' : 'passes'}`, async () => {
        const policy = await loadPolicy(path.join(ROOT, 'examples/policies', `${name}.yaml`));
        const outcome = evaluatePolicy(policy, reports[example].profile, reports[example].checks);
        const unmet = outcome.rules.filter((rule) => !rule.passed).map((rule) => rule.rule);
        if (expected === null) expect(outcome.passed).toBe(false);
        else expect(unmet).toEqual(expected);
      });
    }
  }

  it('a failing policy makes `aperture check` exit 1 and name each unmet rule', async () => {
    const io = fakeIo();
    const code = await main(
      [
        'check',
        'examples/open-weights-only',
        '--as-of',
        AS_OF,
        '--policy',
        path.join(ROOT, 'examples/policies/procurement-minimum.yaml'),
      ],
      io,
    );
    expect(code).toBe(1);
    expect(io.out()).toContain('openness score 45 < 50');
    expect(io.out()).toContain('safety-notes must be released');
  });
});

describe('example artifacts', () => {
  const artifacts = buildExampleArtifacts();

  it('are up to date with scripts/examples/generate-example-artifacts.ts', () => {
    for (const artifact of artifacts) {
      const onDisk = readFileSync(path.join(ROOT, artifact.path));
      expect(sha256(onDisk), `${artifact.path} is stale: rerun the generator`).toBe(sha256(artifact.bytes));
    }
  });

  it('are valid safetensors files: contiguous F32 tensors that fill the data section', () => {
    const weightFiles = artifacts.filter((artifact) => artifact.path.endsWith('.safetensors'));
    expect(weightFiles.length).toBe(6);
    for (const artifact of weightFiles) {
      const header = decodeSafetensorsHeader(artifact.bytes);
      const headerLength = Number(new DataView(artifact.bytes.buffer).getBigUint64(0, true));
      expect((8 + headerLength) % 8, artifact.path).toBe(0);
      const spans = Object.values(header.tensors)
        .map((tensor) => {
          expect(tensor.dtype).toBe('F32');
          const elements = tensor.shape.reduce((a, b) => a * b, 1);
          expect(tensor.data_offsets[1] - tensor.data_offsets[0]).toBe(elements * 4);
          return tensor.data_offsets;
        })
        .sort((a, b) => a[0] - b[0]);
      let next = 0;
      for (const [start, end] of spans) {
        expect(start).toBe(next);
        next = end;
      }
      expect(next, artifact.path).toBe(header.dataLength);
    }
  });

  it('keep the examples small', () => {
    const total = artifacts.reduce((sum, artifact) => sum + artifact.bytes.byteLength, 0);
    expect(total).toBeLessThan(1024 * 1024);
  });
});
