import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImport } from '../src/observatory/index.ts';
import { migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

const AUTHORS = [
  {
    id: 'https://openalex.org/A5000000001',
    display_name: 'Ada Example',
    orcid: 'https://orcid.org/0000-0002-1825-0097',
    affiliations: [
      {
        institution: {
          id: 'https://openalex.org/I1',
          display_name: 'Example University',
          type: 'education',
          country_code: 'DE',
        },
        years: [2019, 2020, 2021],
      },
      {
        institution: {
          id: 'https://openalex.org/I2',
          display_name: 'Example AI',
          type: 'company',
          country_code: 'US',
        },
        years: [2022, 2023],
      },
    ],
  },
  { id: 'https://openalex.org/A5000000002', display_name: 'Bo Sample', affiliations: [] },
  { display_name: 'No Id' },
];

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aperture-openalex-'));
  await writeFile(path.join(dir, 'authors.jsonl'), `${AUTHORS.map((a) => JSON.stringify(a)).join('\n')}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

forEachDialect('import openalex', (ctx) => {
  it('stores people and their affiliations with years, rejects an author without an id, and re-imports cleanly', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const file = path.join(dir, 'authors.jsonl');
    const result = await runImport(store.db, { kind: 'openalex', source: file });
    expect(result).toMatchObject({ records: 2, inserted: 2, updated: 0, rejectedCount: 1 });
    expect(result.rejected[0]).toMatchObject({ file, line: 3 });
    const affiliations = await store.db
      .selectFrom('affiliations')
      .innerJoin('people', 'people.id', 'affiliations.person_id')
      .select(['people.name', 'institution', 'institution_type', 'country', 'start_year', 'end_year'])
      .orderBy('start_year')
      .execute();
    expect(affiliations).toEqual([
      {
        name: 'Ada Example',
        institution: 'Example University',
        institution_type: 'education',
        country: 'DE',
        start_year: 2019,
        end_year: 2021,
      },
      {
        name: 'Ada Example',
        institution: 'Example AI',
        institution_type: 'company',
        country: 'US',
        start_year: 2022,
        end_year: 2023,
      },
    ]);
    const again = await runImport(store.db, { kind: 'openalex', source: file });
    expect(again).toMatchObject({ inserted: 0, updated: 2 });
    expect(await store.db.selectFrom('affiliations').select('id').execute()).toHaveLength(2);
  });
});
