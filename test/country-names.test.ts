/**
 * Country names come from one function: the name stored with an organization, the one /api/countries
 * answers and the one the organization list shows agree for every ISO 3166-1 code.
 */
import countries from 'i18n-iso-countries';
import { expect, it } from 'vitest';
import { listCountries, listOrganizationItems, writeCatalog } from '../src/observatory/index.ts';
import { migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

const CODES = Object.keys(countries.getAlpha2Codes()).sort();

forEachDialect('country names', (ctx) => {
  it('every code has the same name stored, in /api/countries and in the organization list', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const source = { source: 'demo' as const, file: 'test', line: null };
    await store.db.transaction().execute((trx) =>
      writeCatalog(trx, {
        organizations: CODES.map((code) => ({ name: `lab-${code}`, countries: [code], kind: null, source })),
      }),
    );
    const stored = await store.db.selectFrom('organizations').select(['country', 'country_name']).execute();
    const listed = await listCountries(store.db);
    const items = await listOrganizationItems(store.db, { pageSize: 500 });
    expect(stored).toHaveLength(CODES.length);
    expect(listed).toHaveLength(CODES.length);
    const storedNames = Object.fromEntries(stored.map((row) => [row.country, row.country_name]));
    const apiNames = Object.fromEntries(listed.map((row) => [row.country, row.countryName]));
    const pageNames = Object.fromEntries(items.map((row) => [row.country, row.countryName]));
    expect(storedNames).toEqual(apiNames);
    expect(pageNames).toEqual(apiNames);
    // Named, and with the short names the dashboard uses (Intl.DisplayNames gave "Czechia", "Laos"…).
    expect(Object.values(apiNames).every((name) => typeof name === 'string' && name.length > 0)).toBe(true);
    expect(apiNames).toMatchObject({
      US: 'United States',
      CN: 'China',
      KR: 'South Korea',
      CZ: 'Czech Republic',
    });
  });
});
