import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../test-support/shared-data.ts';
import { fmtiEditionOf, parseFmtiScoresCsv, parseFmtiScoresFile } from './parse-fmti-csv.ts';
import { collectItems } from './parse-item.ts';

const scoresFile = sharedData('fmti/Dec2025_scores.csv');

describe.skipIf(!scoresFile)('FMTI December 2025 files', () => {
  it('one score record per developer column; totals equal a plain line-by-line sum', async () => {
    const { records, rejected } = await collectItems(parseFmtiScoresFile(scoresFile!));
    expect(rejected).toEqual([]);
    // Independent: plain line splitting. Two indicator names are quoted and hold commas, so the scores are
    // read from the right: the last (developers) fields of every line.
    const [header, ...rows] = readFileSync(scoresFile!, 'utf8')
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(','));
    const developers = header!.slice(1);
    expect(records.map((r) => r.developer)).toEqual(developers);
    expect(rows).toHaveLength(100);
    records.forEach((record, i) => {
      const sum = rows.reduce((total, row) => total + Number(row.slice(-developers.length)[i]), 0);
      expect(record.total, record.developer).toBe(sum);
      expect(record.maxTotal).toBe(100);
      expect(record.edition).toBe('2025-12');
    });
    expect(records.find((r) => r.developer === 'IBM')!.indicators['Data acquisition methods']).toBe(1);
  });
});

describe('FMTI scores parser on fixtures', () => {
  it('rejects rows with non-numeric cells or no name, keeps empty cells as null', async () => {
    const text = 'Indicator,Lab A,Lab B\nX,1,0\nY,1,n/a\n,1,1\nZ,,1\nX,0,0\n';
    const { records, rejected } = await collectItems(
      parseFmtiScoresCsv(text, { file: 'Jun2024_scores.csv' }),
    );
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, 'indicator "Y": not a number: Lab B "n/a"'],
      [4, 'no indicator name'],
      [6, 'indicator "X" appears twice; the first row counts'],
    ]);
    expect(records).toMatchObject([
      { developer: 'Lab A', edition: '2024-06', total: 1, maxTotal: 1, indicators: { X: 1, Z: null } },
      { developer: 'Lab B', total: 1, maxTotal: 2, indicators: { X: 0, Z: 1 } },
    ]);
  });

  it('refuses files that are not FMTI CSVs', async () => {
    await expect(
      collectItems(parseFmtiScoresCsv('Name,A\n', { file: 'Dec2025_x.csv' })),
    ).rejects.toMatchObject({
      code: 'ERR_UNREADABLE',
    });
    await expect(
      collectItems(parseFmtiScoresCsv('Indicator,A\n', { file: 'scores.csv' })),
    ).rejects.toMatchObject({
      code: 'ERR_USAGE',
    });
    expect(fmtiEditionOf('fmti/Dec2025_scores.csv')).toBe('2025-12');
    expect(fmtiEditionOf('scores.csv')).toBeNull();
  });
});
