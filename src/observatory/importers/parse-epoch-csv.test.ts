import { readFileSync } from 'node:fs';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ApertureError } from '../../errors.ts';
import type { ModelRecord } from '../catalog-records.ts';
import { regionOf } from '../regions.ts';
import { EPOCH_SAMPLES, HAND_CODES } from '../test-support/epoch-samples-by-hand.ts';
import { sharedData } from '../test-support/shared-data.ts';
import { normalizeEpochAccessibility, parseEpochCsv, parseEpochCsvFile } from './parse-epoch-csv.ts';
import { collectItems } from './parse-item.ts';
import { parsePublishedDate } from './published-date.ts';

/** Every `Model accessibility` value in the two samples (read off both files) and what it must become. */
const HAND_ACCESSIBILITY: Record<string, string> = {
  'Open weights (unrestricted)': 'open-weights-unrestricted',
  'Open weights (restricted use)': 'open-weights-restricted',
  'Open weights (non-commercial)': 'open-weights-noncommercial',
  'API access': 'api',
  'Hosted access (no API)': 'hosted',
  Unreleased: 'unreleased',
  '': 'unknown',
};

/** The independent reading: csv-parse's sync API over the whole text, every row as a plain array. */
function readIndependently(file: string): { header: string[]; rows: string[][] } {
  const all = parseCsvSync(readFileSync(file, 'utf8'), { bom: true, relax_column_count: true }) as string[][];
  const [header, ...rows] = all;
  return { header: header!, rows };
}

for (const sample of EPOCH_SAMPLES) {
  const file = sharedData(`epoch/${sample.name}`);
  describe.skipIf(!file)(`parseEpochCsv on the real ${sample.name}`, () => {
    const parsed = file
      ? collectItems(parseEpochCsvFile(file))
      : Promise.resolve({ records: [], rejected: [] });

    it('yields one record per well-formed data row and rejects the others, counted independently', async () => {
      const { records, rejected } = await parsed;
      const { header, rows } = readIndependently(file!);
      const modelIndex = header.indexOf('Model');
      const wellFormed = rows.filter((row) => row.length === header.length && row[modelIndex]!.trim() !== '');
      expect(records.length).toBe(wellFormed.length);
      expect(records.length + rejected.length).toBe(rows.length);
      expect(records.map((record) => record.name)).toEqual(wellFormed.map((row) => row[modelIndex]!.trim()));
    });

    it('matches the hand-checked row counts', async () => {
      const { records, rejected } = await parsed;
      if (sample.name.startsWith('notable_ai_models.2024-12')) {
        // README: "884 models"; every record has the header's 41 fields.
        expect(records.length).toBe(884);
        expect(rejected).toEqual([]);
      } else {
        // 80 data rows, but the row starting on line 24 (`QwQ-32B,Alibaba,2025-03-06,…`) has 383 fields for
        // a 368-column header: its training-compute note runs into a fused "Mistral OCR" row (seen with grep).
        expect(records.length).toBe(79);
        expect(rejected).toEqual([
          {
            kind: 'rejected',
            file,
            line: 24,
            reason: '383 fields where the header has 368: the row is shifted or fused with another',
          },
        ]);
      }
    });

    it('maps every distinct accessibility value of the file', async () => {
      const { records } = await parsed;
      const { header, rows } = readIndependently(file!);
      const column = header.indexOf('Model accessibility');
      const values = new Set(rows.filter((row) => row.length === header.length).map((row) => row[column]!));
      for (const value of values)
        expect(Object.keys(HAND_ACCESSIBILITY), `value "${value}"`).toContain(value);
      for (const record of records)
        expect(record.accessibility, record.name).toBe(HAND_ACCESSIBILITY[record.accessibilityText]);
    });

    it('maps every country name of the file to its ISO code', async () => {
      const { records } = await parsed;
      for (const record of records) expect(record.unmappedCountries, record.name).toEqual([]);
      const { header, rows } = readIndependently(file!);
      const column = header.indexOf(sample.countryColumn);
      for (const row of rows.filter((r) => r.length === header.length)) {
        for (const name of row[column]!.split(',').map((n) => n.trim())) {
          if (name === '' || name === 'Multinational') continue;
          expect(Object.keys(HAND_CODES), `country "${name}"`).toContain(name);
        }
      }
    });

    /**
     * The acceptance criterion of issue 4. Counting rule: a model counts once for each distinct country
     * among its organizations (so a US–UK model adds one to the US and one to the UK), in the year of
     * its publication date; `Multinational` is not a country; models without a date are not counted.
     * The independent count reads the raw country column with csv-parse's sync API and a plain loop,
     * deduplicating country *names* and translating them with the hand-written table above.
     */
    it('notable models per country per year equal an independent count of the same file', async () => {
      const { records } = await parsed;
      const fromRecords = countByCountryYear(records);

      const { header, rows } = readIndependently(file!);
      const dateColumn = header.indexOf('Publication date');
      const countryColumn = header.indexOf(sample.countryColumn);
      const independent = new Map<string, number>();
      for (const row of rows) {
        if (row.length !== header.length) continue;
        const year = /^(\d{4})-\d{2}-\d{2}$/.exec(row[dateColumn]!)?.[1];
        if (!year) continue;
        const names = new Set<string>();
        for (const raw of row[countryColumn]!.split(',')) {
          const name = raw.trim();
          if (name !== '' && name !== 'Multinational') names.add(name);
        }
        for (const name of names) {
          const key = `${HAND_CODES[name]} ${year}`;
          independent.set(key, (independent.get(key) ?? 0) + 1);
        }
      }
      expect(Object.fromEntries([...fromRecords].sort())).toEqual(
        Object.fromEntries([...independent].sort()),
      );
      expect(fromRecords.size).toBeGreaterThan(0);
    });

    it('counts per region per year (logged beside the AI Index 2024 reference)', async () => {
      const { records } = await parsed;
      // A model counts once per distinct region of its countries (a German–French model is one for Europe).
      const byRegion = new Map<string, number>();
      for (const record of records) {
        if (!record.published.iso) continue;
        for (const region of new Set(record.countries.map(regionOf))) {
          const key = `${region} ${record.published.iso.slice(0, 4)}`;
          byRegion.set(key, (byRegion.get(key) ?? 0) + 1);
        }
      }
      const y2023 = ['us', 'china', 'europe', 'rest'].map((r) => `${r} ${byRegion.get(`${r} 2023`) ?? 0}`);
      // The AI Index 2024 report (earlier Epoch snapshot, possibly a different rule): US 40, China 15, Europe 3.
      console.log(`${sample.name}: 2023 models by region (country-distinct rule): ${y2023.join(', ')}`);
      if (sample.name.startsWith('notable_ai_models.2024-12'))
        expect(byRegion.get('us 2023')).toBeGreaterThan(0);
    });
  });
}

function countByCountryYear(records: ModelRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of records) {
    if (!record.published.iso) continue;
    const year = record.published.iso.slice(0, 4);
    for (const code of record.countries)
      counts.set(`${code} ${year}`, (counts.get(`${code} ${year}`) ?? 0) + 1);
  }
  return counts;
}

describe('parseEpochCsv on fixtures', () => {
  const HEADER_2025 =
    'Model,Publication date,Organization,Country (of organization),Model accessibility,Parameters,Training compute (FLOP),Domain,Organization categorization';

  it('maps columns by name in any order and splits countries into distinct ISO codes', async () => {
    const text = [
      HEADER_2025,
      'Gemini X,2024-02-15,"Google DeepMind,Google","Multinational,United States of America,United Kingdom of Great Britain and Northern Ireland,United States of America",API access,,1.2E+025,"Language,Vision","Industry,Industry"',
      'Old Thing,1998,IBM,United States of America,,5e6,,Games,Industry',
    ].join('\r\n');
    const { records, rejected } = await collectItems(parseEpochCsv(text, { file: 'f.csv' }));
    expect(rejected).toEqual([]);
    expect(records[0]).toMatchObject({
      name: 'Gemini X',
      organizations: ['Google DeepMind', 'Google'],
      countries: ['US', 'GB'],
      multinational: true,
      accessibility: 'api',
      parameters: null,
      trainingComputeFlop: 1.2e25,
      domains: ['Language', 'Vision'],
      organizationKinds: ['industry', 'industry'],
      published: { text: '2024-02-15', iso: '2024-02-15' },
      source: { source: 'epoch', file: 'f.csv', line: 2 },
    });
    expect(records[1]).toMatchObject({ published: { text: '1998', iso: '1998' }, accessibility: 'unknown' });
  });

  it('reads the 2024 column spelling', async () => {
    const text =
      'Publication date,Country (from Organization),Organization,Model\n2023-05-01,"Korea (Republic of),Taiwan",LG,EXAONE\n';
    const { records } = await collectItems(parseEpochCsv(text, { file: 'old.csv' }));
    expect(records.map((r) => r.countries)).toEqual([['KR', 'TW']]);
  });

  it('rejects bad rows with line and reason and keeps reading', async () => {
    const text = [
      'Model,Organization,Country (of organization),Publication date',
      'A,Org,China,2024-01-01',
      'B,Org,China',
      ',Org,China,2024-01-01',
      '"C\nwith newline",Org,Atlantis,not a date',
      'D,Org,France,2024-02-30',
    ].join('\n');
    const { records, rejected } = await collectItems(parseEpochCsv(text, { file: 'x.csv' }));
    expect(records.map((r) => r.name)).toEqual(['A', 'C\nwith newline', 'D']);
    expect(rejected).toEqual([
      {
        kind: 'rejected',
        file: 'x.csv',
        line: 3,
        reason: expect.stringContaining('3 fields where the header has 4'),
      },
      { kind: 'rejected', file: 'x.csv', line: 4, reason: 'no model name' },
    ]);
    expect(records[1]).toMatchObject({
      unmappedCountries: ['Atlantis'],
      published: { text: 'not a date', iso: null },
      source: { line: 5 },
    });
    expect(records[1]!.warnings).toEqual([
      'Publication date "not a date" is not a date',
      'country "Atlantis" has no ISO code',
    ]);
    expect(records[2]!.published.iso).toBeNull();
  });

  it('reports a broken quote as a rejected row instead of throwing', async () => {
    const text =
      'Model,Organization,Country (of organization),Publication date\nA,Org,China,2024-01-01\n"B"x,Org,China,2024\n';
    const { records, rejected } = await collectItems(parseEpochCsv(text, { file: 'q.csv' }));
    expect(records.map((r) => r.name)).toEqual(['A']);
    // The stray quote makes the rest of the file ambiguous, so csv-parse may report it more than once.
    expect(rejected.length).toBeGreaterThanOrEqual(1);
    expect(rejected[0]).toMatchObject({
      file: 'q.csv',
      line: 3,
      reason: expect.stringContaining('Closing Quote'),
    });
  });

  it('throws ApertureError for a file that is not an Epoch export, or missing', async () => {
    await expect(collectItems(parseEpochCsv('Name,Year\nx,2020\n', { file: 'other.csv' }))).rejects.toThrow(
      /not an Epoch AI models CSV: no column "Model" or "System"/,
    );
    await expect(collectItems(parseEpochCsv('', { file: 'empty.csv' }))).rejects.toBeInstanceOf(
      ApertureError,
    );
    await expect(collectItems(parseEpochCsvFile('/nonexistent/epoch.csv'))).rejects.toMatchObject({
      code: 'ERR_NOT_FOUND',
    });
  });

  it('normalises both accessibility vocabularies', () => {
    expect(normalizeEpochAccessibility('Open access (unrestricted)')).toBe('open-weights-unrestricted');
    expect(normalizeEpochAccessibility('Open access (restricted use)')).toBe('open-weights-restricted');
    expect(normalizeEpochAccessibility('Open access (non-commercial)')).toBe('open-weights-noncommercial');
    expect(normalizeEpochAccessibility(' open weights  (UNRESTRICTED) ')).toBe('open-weights-unrestricted');
    expect(normalizeEpochAccessibility('SOTA improvement')).toBeNull();
  });

  it('keeps publication dates as published', () => {
    expect(parsePublishedDate('2024-12')).toEqual({ text: '2024-12', iso: '2024-12' });
    expect(parsePublishedDate('2024-13')).toEqual({ text: '2024-13', iso: null });
    expect(parsePublishedDate('NVIDIA Tesla V100 SMX2')).toEqual({
      text: 'NVIDIA Tesla V100 SMX2',
      iso: null,
    });
  });
});
