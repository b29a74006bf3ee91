import type { Kysely } from 'kysely';
import type { DataSource, DataSourcesResponse } from '../../spec/index.ts';
import { type Database, withCatalogSources } from '../../store/index.ts';
import { IMPORTERS } from '../importers/registry.ts';
import { publicSource } from '../snapshot/public-sources.ts';

/** Licenses of sources imported by hand that the snapshot does not bundle. */
const OTHER_SOURCES: Record<string, Pick<DataSource, 'title' | 'license' | 'attribution' | 'url'>> = {
  openalex: {
    title: 'OpenAlex',
    license: 'CC0-1.0',
    attribution: 'OpenAlex, https://openalex.org (CC0)',
    url: 'https://openalex.org',
  },
  hf: { title: 'Hugging Face Hub models', license: null, attribution: null, url: 'https://huggingface.co' },
  demo: { title: 'Demo catalog', license: null, attribution: null, url: null },
};

function descriptionOf(id: string): Pick<DataSource, 'title' | 'license' | 'attribution' | 'url'> {
  const known = publicSource(id);
  if (known)
    return { title: known.title, license: known.license, attribution: known.attribution, url: known.url };
  const other = OTHER_SOURCES[id];
  if (other) return other;
  const importer = IMPORTERS.find((candidate) => candidate.id === id);
  return { title: importer?.title ?? id, license: null, attribution: null, url: null };
}

/** Rows per source: models by their source, ratings by theirs, FMTI scores, OpenAlex people. */
async function recordCounts(db: Kysely<Database>): Promise<Map<string, number>> {
  const [models, ratings, scores, people] = await Promise.all([
    db
      .selectFrom('models')
      .select((eb) => ['source', eb.fn.countAll<number>().as('count')])
      .groupBy('source')
      .execute(),
    db
      .selectFrom('openness_ratings')
      .select((eb) => ['source', eb.fn.countAll<number>().as('count')])
      .where('source', 'in', ['mot', 'osai'])
      .groupBy('source')
      .execute(),
    db
      .selectFrom('transparency_scores')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('index_name', '=', 'fmti')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('source', '=', 'openalex')
      .executeTakeFirstOrThrow(),
  ]);
  const counts = new Map<string, number>();
  for (const row of models) counts.set(row.source, Number(row.count));
  // A rated model is the rating's subject: MOT and OSAI count their ratings, not their models twice.
  for (const row of ratings) counts.set(row.source, Number(row.count));
  counts.set('fmti', Number(scores.count));
  counts.set('openalex', Number(people.count));
  return counts;
}

/**
 * Every source the catalog holds data from, in id order: those the bundled snapshot or `aperture sync`
 * loaded (from `catalog_sources`, with license, attribution, snapshot date and the records loaded), and
 * those imported by hand (from their last finished import run, with the license Aperture knows for the
 * kind, and the rows of that source in the catalog).
 *
 * @example
 * const { sources } = await listDataSources(db); // [{ id: 'epoch', license: 'CC-BY-4.0', … }, …]
 */
export async function listDataSources(db: Kysely<Database>): Promise<DataSourcesResponse> {
  const [loaded, runs, counts] = await Promise.all([
    withCatalogSources(db).selectFrom('catalog_sources').selectAll().execute(),
    db
      .selectFrom('import_runs')
      .select((eb) => ['kind', eb.fn.max('finished_at').as('finished_at')])
      .where('status', '=', 'finished')
      .groupBy('kind')
      .execute(),
    recordCounts(db),
  ]);
  const sources = new Map<string, DataSource>();
  for (const [id, records] of counts) {
    if (records > 0) {
      sources.set(id, { id, ...descriptionOf(id), snapshotDate: null, importedAt: null, records });
    }
  }
  for (const run of runs) {
    const current = sources.get(run.kind);
    if (current) current.importedAt = run.finished_at ?? null;
  }
  for (const row of loaded) {
    sources.set(row.id, {
      id: row.id,
      title: row.title,
      license: row.license,
      attribution: row.attribution,
      url: row.url,
      snapshotDate: row.snapshot_date,
      importedAt: row.imported_at,
      // The records the loaded snapshot or sync gave: the catalog also holds stubs for the base models
      // Epoch names but does not list (lineage parents), which are not records of the source.
      records: Number(row.records),
    });
  }
  return { sources: [...sources.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}
