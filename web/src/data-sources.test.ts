import { describe, expect, it } from 'vitest';
import type { DataSource } from '../../src/spec/api/index.ts';
import { dataAsOf, fillHint } from './data-sources.ts';

function source(id: string, snapshotDate: string | null): DataSource {
  return {
    id,
    title: id,
    license: null,
    attribution: null,
    url: null,
    snapshotDate,
    importedAt: null,
    records: 1,
  };
}

describe('dataAsOf', () => {
  it('is the latest snapshot date of the sources counted, never after today', () => {
    const loaded = [source('epoch', '2024-08-15'), source('mot', '2024-09-01'), source('osai', '2025-01-01')];
    expect(dataAsOf(['epoch', 'mot'], loaded, '2026-01-01')).toBe('2024-09-01');
    expect(dataAsOf(['epoch'], loaded, '2024-06-01')).toBe('2024-06-01');
  });

  it('is today when no snapshot date is known (the server has no /api/sources, or no date)', () => {
    expect(dataAsOf(['epoch'], null, '2026-03-04')).toBe('2026-03-04');
    expect(dataAsOf(['epoch'], [source('epoch', null)], '2026-03-04')).toBe('2026-03-04');
  });
});

describe('fillHint', () => {
  it('names the import or sync that fills an empty chart', () => {
    expect(fillHint(['epoch'])).toBe(
      'No data for this indicator yet (it counts Epoch AI notable models): run `aperture sync epoch` or `aperture import epoch FILE`.',
    );
    expect(fillHint(['openalex'], 'OpenAlex authors')).toContain('`aperture import openalex FILE`');
    expect(fillHint(['something-new'])).toContain('`aperture import something-new FILE`');
  });
});
