import { readFileSync } from 'node:fs';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport, runIndicator } from '../src/observatory/index.ts';
import { EPOCH_SAMPLES, HAND_CODES } from '../src/observatory/test-support/epoch-samples-by-hand.ts';
import { sharedData } from '../src/observatory/test-support/shared-data.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

/*
 * models-per-country on the real Epoch AI samples, imported by the real import pipeline, must equal a count made independently from the raw
 * CSV: csv-parse's sync API, a plain loop, the country names deduplicated per row and translated with a
 * table written by hand (not the importer's), and the year read off the date text.
 */

/** `year country` → models, counted from the raw file. */
function countIndependently(file: string, countryColumn: string): Map<string, number> {
  const rows = parseCsvSync(readFileSync(file, 'utf8'), { relax_column_count: true }) as string[][];
  const [header, ...body] = rows;
  const dateAt = header!.indexOf('Publication date');
  const countryAt = header!.indexOf(countryColumn);
  const counts = new Map<string, number>();
  for (const row of body) {
    // A row with the wrong number of fields is fused with another; the importer rejects it too.
    if (row.length !== header!.length || row[0]!.trim() === '') continue;
    const year = /^(\d{4})-\d{2}-\d{2}$/.exec(row[dateAt]!.trim())?.[1];
    if (!year) continue;
    const names = new Set(
      row[countryAt]!.split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '' && name !== 'Multinational'),
    );
    for (const name of names) {
      const code = HAND_CODES[name];
      if (code === undefined) throw new Error(`country name "${name}" is missing from HAND_CODES`);
      counts.set(`${year} ${code}`, (counts.get(`${year} ${code}`) ?? 0) + 1);
    }
  }
  return counts;
}

for (const sample of EPOCH_SAMPLES) {
  const file = sharedData(`epoch/${sample.name}`);
  if (file === null) {
    describe.skip(`models-per-country on ${sample.name} (sample absent)`, () => {});
    continue;
  }
  forEachDialect(`models-per-country on ${sample.name}`, (ctx) => {
    let store: DatabaseHandle;

    beforeAll(async () => {
      store = await ctx.openFresh();
      await migrateToLatest(store);
      // The real pipeline: `aperture import epoch FILE` does exactly this.
      await runImport(store.db, { kind: 'epoch', source: file });
    });

    it('equals an independent count of the raw CSV', async () => {
      const result = await runIndicator(store.db, 'models-per-country');
      const computed = new Map(result.rows.map((row) => [`${row.year} ${row.country}`, row.models]));
      const independent = countIndependently(file, sample.countryColumn);
      expect(independent.size).toBeGreaterThan(0);
      expect(Object.fromEntries([...computed].sort())).toEqual(Object.fromEntries([...independent].sort()));
    });

    it('gives per-region figures for 2024 to compare with the AI Index reference', async () => {
      const result = await runIndicator(store.db, 'models-per-region', { from: 2024, to: 2024 });
      const byRegion = Object.fromEntries(result.rows.map((row) => [row.region, row.models]));
      console.log(
        `${sample.name} [${ctx.dialect}]: 2024 notable models by region: ${JSON.stringify(byRegion)}; AI Index 2025: ${JSON.stringify(result.references[0]!.rows.map((row) => [row.region, row.models]))}`,
      );
      expect(result.rows.length).toBeGreaterThan(0);
      for (const row of result.rows) expect(row.year).toBe(2024);
    });
  });
}
