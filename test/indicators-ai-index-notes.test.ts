import { readFileSync } from 'node:fs';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { materializeIndicators, runImport, runIndicator } from '../src/observatory/index.ts';
import { HAND_CODES } from '../src/observatory/test-support/epoch-samples-by-hand.ts';
import { sharedData } from '../src/observatory/test-support/shared-data.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

/*
 * The counting notes models-per-region shows beside the AI Index's 2024 figures, on the real December
 * 2024 Epoch export, against figures counted from the raw CSV here: csv-parse's sync API, the hand-made
 * country table, and a region rule written out (Europe: EU 27, UK, EFTA).
 */

const SAMPLE = 'epoch/notable_ai_models.2024-12.csv';
const file = sharedData(SAMPLE);

const EUROPE = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE GB IS LI NO CH'.split(
    ' ',
  ),
);
const regionOfCode = (code: string) =>
  code === 'US' ? 'us' : code === 'CN' ? 'china' : EUROPE.has(code) ? 'europe' : 'rest';

/** `counting region` → models, for the models dated 2024 in the raw file. */
function notesByHand(path: string): Record<string, number> {
  const [header, ...body] = parseCsvSync(readFileSync(path, 'utf8'), {
    relax_column_count: true,
  }) as string[][];
  const dateAt = header!.indexOf('Publication date');
  const countryAt = header!.indexOf('Country (from Organization)');
  const notes: Record<string, number> = {};
  const add = (key: string) => {
    notes[key] = (notes[key] ?? 0) + 1;
  };
  for (const row of body) {
    if (row.length !== header!.length || row[0]!.trim() === '') continue;
    if (!/^2024-\d{2}-\d{2}$/.test(row[dateAt]!.trim())) continue;
    const codes = new Set(
      row[countryAt]!.split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '' && name !== 'Multinational')
        .map((name) => HAND_CODES[name]!),
    );
    const regions = new Set([...codes].map(regionOfCode));
    add('total');
    if (codes.size === 0) add('no country');
    if (codes.size >= 2) add('multi-country');
    if (regions.size >= 2) add('multi-region');
    for (const region of regions) {
      add(`any ${region}`);
      if (regions.size === 1) add(`only ${region}`);
    }
  }
  return notes;
}

if (file === null) {
  describe.skip(`AI Index counting notes on ${SAMPLE} (sample absent)`, () => {});
} else {
  const hand = notesByHand(file);

  forEachDialect('AI Index counting notes on the December 2024 Epoch export', (ctx) => {
    let store: DatabaseHandle;

    beforeAll(async () => {
      store = await ctx.openFresh();
      await migrateToLatest(store);
      await runImport(store.db, { kind: 'epoch', source: file });
    });

    it('explains the 2024 count with figures from the loaded data', async () => {
      const result = await runIndicator(store.db, 'models-per-region', { source: 'epoch' });
      const notes = result.references.find((reference) =>
        reference.label.startsWith('How this catalog counts'),
      );
      expect(notes).toBeDefined();
      const figure = (region: string, counting: string) =>
        notes!.rows.find((row) => row.region === region && String(row.counting).startsWith(counting))?.models;
      expect(figure('all', 'models dated this year')).toBe(hand.total);
      expect(figure('all', 'no known country')).toBe(hand['no country'] ?? 0);
      expect(figure('all', 'organisations in 2 or more countries')).toBe(hand['multi-country']);
      expect(figure('all', 'organisations in 2 or more regions')).toBe(hand['multi-region']);
      for (const region of ['us', 'china', 'europe']) {
        expect(figure(region, 'any organisation')).toBe(hand[`any ${region}`]);
        expect(figure(region, 'the region is')).toBe(hand[`only ${region}`] ?? 0);
      }
      // The charted 2024 figures are the "any organisation" ones.
      const charted = Object.fromEntries(
        result.rows.filter((row) => row.year === 2024).map((row) => [row.region, row.models]),
      );
      expect(charted.us).toBe(hand['any us']);
      // The December 2024 export lists few 2024 models yet: fewer US ones than the AI Index's 40.
      expect(hand['any us']).toBeLessThan(40);
      expect(hand['any europe']).toBeGreaterThan(hand['only europe'] ?? 0);
    });

    it('serves the same notes from the stored results', async () => {
      const computed = await runIndicator(store.db, 'models-per-region');
      await materializeIndicators(store.db);
      const stored = await runIndicator(store.db, 'models-per-region', {}, { stored: true });
      expect(stored.references).toEqual(computed.references);
      const country = await runIndicator(store.db, 'models-per-country', {}, { stored: true });
      expect(country.references.at(-1)).toEqual(computed.references.at(-1));
    });
  });
}
