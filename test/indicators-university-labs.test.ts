import { readFileSync } from 'node:fs';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport, runIndicator } from '../src/observatory/index.ts';
import { sharedData } from '../src/observatory/test-support/shared-data.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

/*
 * university-labs on the real December 2024 Epoch export, imported by the real pipeline, against a
 * count made from the raw CSV with csv-parse's sync API and a category rule written here by hand.
 */

const SAMPLE = 'epoch/notable_ai_models.2024-12.csv';
const file = sharedData(SAMPLE);

interface HandTally {
  models: number;
  withCompute: number;
  flop: number;
}

/** year → category → tally, counted from the raw file. */
function countByHand(path: string): Map<string, Map<string, HandTally>> {
  const [header, ...body] = parseCsvSync(readFileSync(path, 'utf8'), {
    relax_column_count: true,
  }) as string[][];
  const at = (name: string) => header!.indexOf(name);
  const [dateAt, kindsAt, flopAt] = [
    at('Publication date'),
    at('Organization categorization'),
    at('Training compute (FLOP)'),
  ];
  const years = new Map<string, Map<string, HandTally>>();
  for (const row of body) {
    if (row.length !== header!.length || row[0]!.trim() === '') continue;
    const year = /^(\d{4})-/.exec(row[dateAt]!.trim())?.[1];
    const kinds = new Set(
      row[kindsAt]!.split(',')
        .map((kind) => kind.trim())
        .filter(Boolean),
    );
    if (!year || kinds.size === 0) continue;
    let category = 'mixed';
    if (kinds.has('Academia') && kinds.has('Industry')) category = 'academia-industry';
    else if (kinds.size === 1 && kinds.has('Academia')) category = 'academia';
    else if (kinds.size === 1 && kinds.has('Industry')) category = 'industry';
    else if (kinds.size === 1 && kinds.has('Government')) category = 'government';
    else if (kinds.size === 1 && kinds.has('Research collective')) category = 'research-collective';
    const categories = years.get(year) ?? new Map<string, HandTally>();
    years.set(year, categories);
    const tally = categories.get(category) ?? { models: 0, withCompute: 0, flop: 0 };
    tally.models++;
    const flop = row[flopAt]!.trim();
    if (flop !== '') {
      tally.withCompute++;
      tally.flop += Number(flop);
    }
    categories.set(category, tally);
  }
  return years;
}

if (file === null) {
  describe.skip(`university-labs on ${SAMPLE} (sample absent)`, () => {});
} else {
  const byHand = countByHand(file);

  forEachDialect('university-labs on the December 2024 Epoch export', (ctx) => {
    let store: DatabaseHandle;

    beforeAll(async () => {
      store = await ctx.openFresh();
      await migrateToLatest(store);
      await runImport(store.db, { kind: 'epoch', source: file });
    });

    it('counts academia, industry and collaborations of 2023 and 2024 as the raw CSV does', async () => {
      const result = await runIndicator(store.db, 'university-labs', { from: 2023, to: 2024 });
      for (const year of ['2023', '2024']) {
        const hand = byHand.get(year)!;
        const yearModels = [...hand.values()].reduce((sum, tally) => sum + tally.models, 0);
        const yearFlop = [...hand.values()].reduce((sum, tally) => sum + tally.flop, 0);
        const rows = result.rows.filter((row) => row.year === Number(year));
        expect(Object.fromEntries(rows.map((row) => [row.category, row.models]))).toEqual(
          Object.fromEntries([...hand].map(([category, tally]) => [category, tally.models])),
        );
        for (const row of rows) {
          const tally = hand.get(String(row.category))!;
          expect(row.yearModels).toBe(yearModels);
          expect(row.modelShare).toBeCloseTo(tally.models / yearModels, 4);
          expect(row.modelsWithCompute).toBe(tally.withCompute);
          if (tally.withCompute > 0) expect(row.computeShare).toBeCloseTo(tally.flop / yearFlop, 4);
        }
        const shares = rows.reduce((sum, row) => sum + Number(row.modelShare), 0);
        expect(shares).toBeCloseTo(1, 3);
      }
      // The figures a reader would quote, pinned: academia alone, and industry alone, in 2023.
      const of2023 = (category: string) =>
        result.rows.find((row) => row.year === 2023 && row.category === category)?.models;
      expect(of2023('academia')).toBe(byHand.get('2023')!.get('academia')!.models);
      expect(of2023('industry')).toBe(byHand.get('2023')!.get('industry')!.models);
    });

    it('matches the hand count in every year', async () => {
      const result = await runIndicator(store.db, 'university-labs');
      const computed = Object.fromEntries(
        result.rows.map((row) => [`${row.year} ${row.category}`, row.models]),
      );
      const hand = Object.fromEntries(
        [...byHand].flatMap(([year, categories]) =>
          [...categories].map(([category, tally]) => [`${year} ${category}`, tally.models]),
        ),
      );
      expect(computed).toEqual(hand);
    });

    it('gives a category with no compute estimate an unknown compute share, not 0', async () => {
      const result = await runIndicator(store.db, 'university-labs');
      const unknown = result.rows.filter((row) => row.modelsWithCompute === 0);
      expect(unknown.length).toBeGreaterThan(0);
      for (const row of unknown) expect([row.computeFlop, row.computeShare]).toEqual([null, null]);
      const known = result.rows.filter((row) => Number(row.modelsWithCompute) > 0);
      for (const row of known) expect(row.computeShare).not.toBeNull();
    });

    it('leaves out the uncategorised rows the definition names', async () => {
      const [header, ...body] = parseCsvSync(readFileSync(file, 'utf8'), {
        relax_column_count: true,
      }) as string[][];
      const kindsAt = header!.indexOf('Organization categorization');
      expect(body).toHaveLength(884);
      expect(body.filter((row) => row[kindsAt]!.trim() === '')).toHaveLength(13);
      const { definition } = await runIndicator(store.db, 'university-labs');
      expect(definition).toContain('13 of the 884 rows');
      // Placeholders of base models (lineage parents) have no kinds either; only the CSV's own rows count.
      const names = new Set(body.map((row) => row[0]!.trim()));
      const unkinded = await store.db
        .selectFrom('models')
        .select('external_id')
        .where('organization_kinds', 'is', null)
        .execute();
      expect(unkinded.filter((row) => names.has(row.external_id))).toHaveLength(13);
    });

    it('is the same after importing the file again', async () => {
      const before = await runIndicator(store.db, 'university-labs');
      await runImport(store.db, { kind: 'epoch', source: file });
      expect((await runIndicator(store.db, 'university-labs')).rows).toEqual(before.rows);
    });
  });
}
