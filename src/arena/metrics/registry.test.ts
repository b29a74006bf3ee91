import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INPUT_KINDS } from './metric.ts';
import { findMetric, METRICS } from './registry.ts';

describe('metric registry', () => {
  it('registers every metric file', () => {
    const helpers = new Set(['metric.ts', 'registry.ts', 'check-inputs.ts']);
    const files = readdirSync(import.meta.dirname).filter(
      (name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !helpers.has(name),
    );
    const names = new Set(METRICS.map((metric) => metric.name.replace(/@\d+$/, '-at-k')));
    for (const file of files) expect(names, file).toContain(file.replace(/\.ts$/, ''));
  });

  it('documents every metric and uses known input kinds', () => {
    for (const metric of METRICS) {
      expect(metric.description.length, metric.name).toBeGreaterThan(20);
      expect(INPUT_KINDS).toContain(metric.input);
    }
    expect(new Set(METRICS.map((metric) => metric.name)).size).toBe(METRICS.length);
  });

  it('finds metrics by name, pass@k for any k', () => {
    expect(findMetric('rmse')?.higherIsBetter).toBe(false);
    expect(findMetric('accuracy')?.higherIsBetter).toBe(true);
    expect(findMetric('pass@5')?.name).toBe('pass@5');
    expect(findMetric('pass@0')).toBeUndefined();
    expect(findMetric('f2')).toBeUndefined();
  });
});
