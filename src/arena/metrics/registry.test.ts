import { describe, expect, it } from 'vitest';
import { expectFolderRegistered } from '../../../test/support/expect-folder-registered.ts';
import { type AnyMetric, INPUT_KINDS } from './metric.ts';
import { findMetric, METRICS } from './registry.ts';

function isMetric(value: unknown): value is AnyMetric {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AnyMetric).id === 'string' &&
    typeof (value as AnyMetric).score === 'function'
  );
}

describe('metric registry', () => {
  it('registers every metric file, and nothing without a file (pass@k from pass-at-k.ts)', async () => {
    await expectFolderRegistered(import.meta.dirname, METRICS, {
      notPlugins: ['metric.ts', 'registry.ts', 'check-inputs.ts'],
      isPlugin: isMetric,
      factories: ['pass-at-k.ts'],
      fileOf: (metric) => metric.id.replace(/@\d+$/, '-at-k'),
      atLeast: 6,
    });
  });

  it('documents every metric and uses known input kinds', () => {
    for (const metric of METRICS) {
      expect(metric.id, metric.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$|^pass@\d+$/);
      expect(metric.title.trim(), `${metric.id} title`).not.toBe('');
      expect(metric.summary.length, metric.id).toBeGreaterThan(20);
      expect(metric.summary, metric.id).not.toMatch(/\n/);
      expect(metric.docs.definition.length, `${metric.id} docs.definition`).toBeGreaterThan(80);
      expect(metric.docs.itemLoss.length, `${metric.id} docs.itemLoss`).toBeGreaterThan(30);
      expect(INPUT_KINDS).toContain(metric.input);
    }
  });

  it('finds metrics by id, pass@k for any k', () => {
    expect(findMetric('rmse')?.higherIsBetter).toBe(false);
    expect(findMetric('accuracy')?.higherIsBetter).toBe(true);
    expect(findMetric('pass@5')?.id).toBe('pass@5');
    expect(findMetric('pass@5')?.docs.definition).toContain('n ≥ 5');
    expect(findMetric('pass@0')).toBeUndefined();
    expect(findMetric('f2')).toBeUndefined();
  });
});
