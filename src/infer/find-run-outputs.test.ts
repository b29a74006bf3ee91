import { describe, expect, it } from 'vitest';
import { findRunOutputs } from './find-run-outputs.ts';
import { fakeInput } from './test-support/fake-input.ts';

describe('findRunOutputs', () => {
  it('finds logs, results and samples', async () => {
    const input = fakeInput({
      'train.log': '',
      'logs/run1/metrics.csv': '',
      'runs/events.out.tfevents.1700000000.host': null,
      'results.json': '{}',
      'results/mmlu.jsonl': '',
      'eval_results.txt': '',
      'samples/story1.txt': '',
      'generations_greedy.jsonl': '',
      'generation_config.json': '{}',
    });
    const findings = await findRunOutputs(input.files, input.readText);
    const byId = Object.fromEntries(findings.map((f) => [f.id, f.locations]));
    expect(byId['training-logs']).toEqual([
      'logs/run1/metrics.csv',
      'runs/events.out.tfevents.1700000000.host',
      'train.log',
    ]);
    expect(byId['evaluation-results']).toEqual(['results.json', 'results/mmlu.jsonl']);
    expect(byId['sample-outputs']).toEqual(['generations_greedy.jsonl', 'samples/story1.txt']);
  });

  it('counts trainer_state.json as a log only when it has a log history', async () => {
    const withHistory = fakeInput({
      'trainer_state.json': '{\n  "log_history": [\n    { "loss": 2.1 }\n  ]\n}',
    });
    expect(await findRunOutputs(withHistory.files, withHistory.readText)).toEqual([
      expect.objectContaining({ id: 'training-logs', evidence: [expect.objectContaining({ line: 2 })] }),
    ]);
    const empty = fakeInput({ 'trainer_state.json': '{ "log_history": [] }' });
    expect(await findRunOutputs(empty.files, empty.readText)).toEqual([]);
  });

  it('takes scripts in a samples folder for example code, not outputs, and skips code and weights', async () => {
    const input = fakeInput({
      'samples/generate.py': '',
      'samples/run.sh': '',
      'samples/cat.png': null,
      'model.safetensors': null,
      'src/train.py': '',
    });
    const findings = await findRunOutputs(input.files, input.readText);
    expect(findings.map((f) => [f.id, f.locations])).toEqual([['sample-outputs', ['samples/cat.png']]]);
  });
});
