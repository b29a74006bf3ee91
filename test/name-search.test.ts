/**
 * Name search folds case (and accents) identically on SQLite and PostgreSQL: the names are folded once
 * in JavaScript into `name_folded` (migration 0017), so neither engine's `lower()` decides.
 */
import { describe, expect, it } from 'vitest';
import { bareModelRecord } from '../src/observatory/importers/bare-model-record.ts';
import { listModelItems, listOrganizationItems, writeCatalog } from '../src/observatory/index.ts';
import { migrateToLatest } from '../src/store/index.ts';
import { forEachDialect, POSTGRES_AVAILABLE } from './support/dialects.ts';

const MODELS = ['Ünïcode-7B', 'unicode-base', 'İstanbul LM', 'ISTANBUL-2', 'Straße-1', 'STRASSE-XL', 'plain'];
const ORGANIZATIONS = ['Ünïversité Lab', 'İstanbul Teknik', 'Groß AI', 'GROSS Labs'];
const QUERIES = [
  'unicode',
  'ÜNÏ',
  'istanbul',
  'İST',
  'ı',
  'ß',
  'strasse',
  'STRAẞE',
  'ss',
  'gross',
  'université',
];

/** The names each query finds, per dialect, compared at the end. */
const ANSWERS: Record<string, Record<string, { models: string[]; organizations: string[] }>> = {};

forEachDialect('name search', (ctx) => {
  it('finds non-ASCII names whatever their case or accents', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const source = { source: 'demo' as const, file: 'test', line: null };
    await store.db.transaction().execute((trx) =>
      writeCatalog(trx, {
        organizations: ORGANIZATIONS.map((name) => ({ name, countries: [], kind: null, source })),
        models: MODELS.map((name) => bareModelRecord(name, source)),
      }),
    );
    const answers: (typeof ANSWERS)[string] = {};
    for (const q of QUERIES) {
      const models = await listModelItems(store.db, { q, sort: 'name', pageSize: 100 });
      const organizations = await listOrganizationItems(store.db, { q, pageSize: 100 });
      answers[q] = {
        models: models.map((model) => model.name).sort(),
        organizations: organizations.map((organization) => organization.name).sort(),
      };
    }
    ANSWERS[ctx.dialect] = answers;
    expect(answers.unicode!.models).toEqual(['unicode-base', 'Ünïcode-7B']);
    expect(answers.ÜNÏ!.models).toEqual(['unicode-base', 'Ünïcode-7B']);
    expect(answers.istanbul!.models).toEqual(['ISTANBUL-2', 'İstanbul LM']);
    expect(answers.İST!.models).toEqual(['ISTANBUL-2', 'İstanbul LM']);
    expect(answers.strasse!.models).toEqual(['STRASSE-XL', 'Straße-1']);
    expect(answers.STRAẞE!.models).toEqual(['STRASSE-XL', 'Straße-1']);
    expect(answers.ß!.models).toEqual(['STRASSE-XL', 'Straße-1']);
    expect(answers.gross!.organizations).toEqual(['GROSS Labs', 'Groß AI']);
    expect(answers.université!.organizations).toEqual(['Ünïversité Lab']);
    expect(answers.istanbul!.organizations).toEqual(['İstanbul Teknik']);
  });
});

describe('name search across dialects', () => {
  it.skipIf(!POSTGRES_AVAILABLE)('answers the same names on SQLite and PostgreSQL', () => {
    expect(Object.keys(ANSWERS.sqlite ?? {})).toEqual(QUERIES);
    expect(ANSWERS.postgres).toEqual(ANSWERS.sqlite);
  });
});
