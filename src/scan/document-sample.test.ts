import { describe, expect, it } from 'vitest';
import { runChecks } from '../checks/index.ts';
import { collectEvidence } from './collect-evidence.ts';
import { memoryPack } from './memory-pack.ts';

/** A release with many more results files and logs than the collector reads for one component. */
function manyFiles(count: number): Record<string, string> {
  const files: Record<string, string> = {
    'README.md':
      '# Star\n\nA model for questions about stars, trained on public text and evaluated on standard tasks.\n',
  };
  for (let i = 0; i < count; i++) {
    files[`eval_results/task-${String(i).padStart(3, '0')}.json`] = JSON.stringify({
      task: `t${i}`,
      accuracy: 0.5,
    });
    files[`logs/run-${String(i).padStart(3, '0')}.csv`] = 'step,loss\n1,2.5\n2,2.1\n';
  }
  return files;
}

describe('components with more documents than are read', () => {
  it('are judged on the files read; the rest are listed as unread, not called broken', async () => {
    const evidence = await collectEvidence(memoryPack(manyFiles(120)), { asOf: '2026-01-01' });
    const results = evidence.components.find((component) => component.id === 'evaluation-results')!;
    expect(results.files).toHaveLength(120);
    expect(evidence.unread.filter((file) => file.startsWith('eval_results/'))).toHaveLength(70);
    const outcomes = runChecks(evidence);
    const readable = outcomes.find((outcome) => outcome.id === 'eval-results-machine-readable')!;
    expect(readable.score).toBe(10);
    expect(readable.details).toContain('70 more file(s) not read: a component is judged on its first files');
    expect(readable.reason).not.toMatch(/cannot be read/);
    const logs = outcomes.find((outcome) => outcome.id === 'training-logs-parseable')!;
    expect(logs.score).toBe(10);
    expect(logs.details?.[0]).toBe('70 more file(s) not read: a component is judged on its first files');
  });
});
