import { describe, expect, it } from 'vitest';
import { runChecks } from './run-checks.ts';
import { BINARY_LOOKING_TEXT, buildEvidence, type DocumentInput } from './test-support/evidence-builder.ts';
import { trainingLogsParseable } from './training-logs-parseable.ts';

function logs(documents: Record<string, DocumentInput>, extraFiles: Record<string, number> = {}) {
  return buildEvidence({
    components: {
      'training-logs': {
        locations: ['logs/'],
        files: [...Object.keys(documents), ...Object.keys(extraFiles)],
      },
    },
    documents,
    extraFiles,
  });
}

const CSV = 'step,loss,lr\n100,2.31,0.001\n200,2.05,0.001\n300,1.98,0.0009\n';
const JSONL = '{"step": 1, "loss": 2.5}\n{"step": 2, "loss": 2.4, "lr": 0.001}\n';

describe('training-logs-parseable', () => {
  it('passes CSV, TSV and JSONL logs with numeric metrics', () => {
    const result = trainingLogsParseable.run(
      logs({
        'logs/train.csv': CSV,
        'logs/eval.tsv': 'epoch\tacc\n1\t0.5\n2\t0.6\n',
        'logs/metrics.jsonl': JSONL,
      }),
    );
    expect(result.score).toBe(10);
    expect(result.details).toContain('logs/train.csv: 3 rows; metrics loss, lr');
  });

  it('passes trainer_state.json and TensorBoard scalar exports', () => {
    const trainerState = JSON.stringify({
      log_history: [
        { epoch: 0.1, loss: 2.3, learning_rate: 0.001, step: 10 },
        { epoch: 0.2, loss: 2.1, learning_rate: 0.001, step: 20 },
      ],
    });
    const triples = JSON.stringify([
      [1700000000.5, 1, 2.5],
      [1700000001.5, 2, 2.4],
    ]);
    const scalars = JSON.stringify({
      scalars: {
        loss: [
          [1, 1, 2.5],
          [2, 2, 2.4],
        ],
        acc: [{ step: 1, value: 0.3 }],
      },
    });
    const result = trainingLogsParseable.run(
      logs({
        'logs/trainer_state.json': trainerState,
        'logs/loss.json': triples,
        'logs/scalars.json': scalars,
      }),
    );
    expect(result.score).toBe(10);
    expect(result.details).toContain('logs/scalars.json: 3 TensorBoard scalar points in 2 series');
  });

  it('gives partial credit for TensorBoard event files alone', () => {
    const result = trainingLogsParseable.run(logs({}, { 'logs/events.out.tfevents.1700000000.host': 4096 }));
    expect(result.score).toBe(5);
    expect(result.reason).toContain('not verified');
  });

  it('names the file and line of the first parse error', () => {
    const result = trainingLogsParseable.run(
      logs({
        'logs/train.csv': CSV,
        'logs/broken.jsonl': '{"step": 1, "loss": 2}\n{"step": 2, "loss": \n{"step": 3}\n',
      }),
    );
    expect(result.score).toBe(5);
    expect(result.reason).toContain('first parse error at logs/broken.jsonl:2');
    expect(result.evidence).toContainEqual(expect.objectContaining({ file: 'logs/broken.jsonl', line: 2 }));
  });

  it('reports CSV errors with their line', () => {
    const result = trainingLogsParseable.run(logs({ 'logs/train.csv': 'step,loss\n1,2.5\n2,2.4,9\n' }));
    expect(result.score).toBe(2);
    expect(result.details?.[0]).toMatch(/^logs\/train\.csv:3: not valid CSV/);
  });

  it('rejects tables without a header, a metric column or two rows', () => {
    const cases: Record<string, string> = {
      'logs/a.csv': '1,2\n3,4\n5,6\n',
      'logs/b.csv': 'step,epoch\n1,1\n2,1\n',
      'logs/c.csv': 'step,loss\n1,2.5\n',
      'logs/d.csv': 'step,loss\n1,low\n2,2.4\n3,2.3\n',
    };
    const result = trainingLogsParseable.run(logs(cases));
    expect(result.score).toBe(2);
    expect(result.details).toEqual([
      'logs/a.csv:1: has no header row naming the columns',
      expect.stringMatching(/^logs\/b\.csv:1: no numeric metric column/),
      expect.stringMatching(/^logs\/c\.csv:1: no numeric metric column/),
      expect.stringMatching(/^logs\/d\.csv:1: no numeric metric column/),
    ]);
  });

  it('rejects JSONL without a step-like key', () => {
    const result = trainingLogsParseable.run(logs({ 'logs/m.jsonl': '{"loss": 1}\n{"loss": 2}\n' }));
    expect(result.score).toBe(2);
    expect(result.details?.[0]).toContain('no record has a step-like key');
  });

  it('treats plain-text logs and URL-only logs as present but unparsed', () => {
    expect(trainingLogsParseable.run(logs({ 'logs/train.log': 'step 1 loss 2.5\n' })).score).toBe(2);
    const url = buildEvidence({
      components: { 'training-logs': { locations: ['https://wandb.ai/org/run'], files: [] } },
    });
    expect(trainingLogsParseable.run(url)).toMatchObject({
      score: 2,
      reason: expect.stringContaining('wandb.ai'),
    });
  });

  it('fails without logs', () => {
    expect(trainingLogsParseable.run(buildEvidence()).score).toBe(0);
  });

  it('ignores a cut-off last line of a file read only in part', () => {
    const result = trainingLogsParseable.run(
      logs({
        'logs/m.jsonl': { text: `${JSONL}{"step": 3, "lo`, truncated: true },
        'logs/t.csv': { text: `${CSV}400,1.`, truncated: true },
      }),
    );
    expect(result.score).toBe(10);
  });

  it('survives garbage, empty files, huge numbers and deep nesting', () => {
    const [outcome] = runChecks(
      logs(
        {
          'logs/garbage.csv': BINARY_LOOKING_TEXT,
          'logs/garbage.jsonl': BINARY_LOOKING_TEXT,
          'logs/empty.csv': '',
          'logs/huge.csv': `step,loss\n1,${'9'.repeat(400)}\n2,1e999\n`,
          'logs/deep.json': '['.repeat(100_000),
        },
        { 'logs/unreadable.json': 10 },
      ),
      [trainingLogsParseable],
    );
    expect(outcome!.reason).not.toContain('unexpectedly');
    expect(outcome!.score).toBe(2);
    expect(outcome!.details).toContain('logs/empty.csv: is empty');
    expect(outcome!.details).toContainEqual(
      expect.stringMatching(/^logs\/huge\.csv:1: no numeric metric column/),
    );
    expect(outcome!.details).toContain('logs/unreadable.json: could not be read as UTF-8 text');
    expect(outcome!.details).toContainEqual(expect.stringMatching(/^logs\/deep\.json:1: not JSON/));
  });
});
