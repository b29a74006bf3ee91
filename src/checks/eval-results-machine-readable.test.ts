import { describe, expect, it } from 'vitest';
import { evalResultsMachineReadable } from './eval-results-machine-readable.ts';
import { runChecks } from './run-checks.ts';
import { BINARY_LOOKING_TEXT, buildEvidence, type DocumentInput } from './test-support/evidence-builder.ts';

function results(documents: Record<string, DocumentInput>, extraFiles: Record<string, number> = {}) {
  return buildEvidence({
    components: { 'evaluation-results': { files: [...Object.keys(documents), ...Object.keys(extraFiles)] } },
    documents,
    extraFiles,
  });
}

const LM_EVAL = JSON.stringify({
  results: { hellaswag: { alias: 'hellaswag', 'acc,none': 0.57, 'acc_stderr,none': 0.005 } },
  versions: { hellaswag: 1 },
  config: { batch_size: 8 },
});

describe('eval-results-machine-readable', () => {
  it('passes lm-eval JSON, metric/value records, CSV, JSONL and YAML', () => {
    const result = evalResultsMachineReadable.run(
      results({
        'results/lm-eval.json': LM_EVAL,
        'results/records.json': JSON.stringify([{ metric: 'exact_match', value: 0.41 }]),
        'results/table.csv': 'task,accuracy\nmmlu,0.62\ngsm8k,0.48\n',
        'results/lines.jsonl': '{"task": "arc", "score": 0.7}\n',
        'results/results.yaml': 'mmlu:\n  accuracy: 0.62\n',
      }),
    );
    expect(result.score).toBe(10);
    expect(result.details).toContain(
      'results/lm-eval.json: 2 metric value(s), e.g. acc,none, acc_stderr,none',
    );
  });

  it('accepts a model-index in the model card front matter', () => {
    const card = `---\nlicense: mit\nmodel-index:\n- name: m\n  results:\n  - task: {type: text-generation}\n    dataset: {name: MMLU, type: mmlu}\n    metrics:\n    - type: accuracy\n      value: 62.1\n---\n# Card\n`;
    const evidence = buildEvidence({ documents: { 'README.md': card } });
    const result = evalResultsMachineReadable.run(evidence);
    expect(result.score).toBe(10);
    expect(result.evidence).toContainEqual({ file: 'README.md', line: 4, note: 'model-index' });
  });

  it('gives partial credit to results only in a PDF or a Markdown table', () => {
    const pdf = evalResultsMachineReadable.run(results({}, { 'results/report.pdf': 1000 }));
    expect(pdf).toMatchObject({ score: 3, reason: expect.stringContaining('a PDF') });
    const table = buildEvidence({
      documents: {
        'README.md': '# Model\n\n## Evaluation\n\n| Task | Score |\n|---|---:|\n| MMLU | **62.1** |\n',
      },
    });
    const result = evalResultsMachineReadable.run(table);
    expect(result.score).toBe(3);
    expect(result.evidence).toContainEqual({ file: 'README.md', line: 5, note: 'results a Markdown table' });
    expect(result.remediation).toContain('model-index');
  });

  it('names files that do not parse or hold no metric values', () => {
    const result = evalResultsMachineReadable.run(
      results({
        'results/good.json': LM_EVAL,
        'results/broken.json': '{"acc": 0.5,\n "f1": }',
        'results/meta.json': '{"name": "run", "version": 3}',
      }),
    );
    expect(result.score).toBe(3);
    expect(result.details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^results\/broken\.json:2: not JSON/),
        'results/meta.json: holds no metric name with a numeric value',
      ]),
    );
  });

  it('fails without results', () => {
    expect(evalResultsMachineReadable.run(buildEvidence())).toMatchObject({ score: 0 });
  });

  it('survives garbage, empty files, huge numbers and deep nesting', () => {
    const [outcome] = runChecks(
      results({
        'results/a.json': BINARY_LOOKING_TEXT,
        'results/b.csv': BINARY_LOOKING_TEXT,
        'results/c.yaml': `${'- '.repeat(500)}x`,
        'results/d.json': '',
        'results/e.json': `{"acc": 1e999, "f1": ${'9'.repeat(400)}}`,
        'results/f.json': `${'['.repeat(5000)}${']'.repeat(5000)}`,
        'results/g.jsonl': '{"acc": 0.5}\n[1, 2\n',
      }),
      [evalResultsMachineReadable],
    );
    expect(outcome!.reason).not.toContain('unexpectedly');
    expect(outcome!.score).toBe(3);
    expect(outcome!.details).toContain('results/d.json: is empty');
    expect(outcome!.details).toContain('results/e.json: holds no metric name with a numeric value');
    expect(outcome!.details).toContainEqual(expect.stringMatching(/^results\/g\.jsonl:2: not JSON/));
  });
});
