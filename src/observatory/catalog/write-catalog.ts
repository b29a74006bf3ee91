import type { Insertable, Kysely } from 'kysely';
import { ApertureError } from '../../errors.ts';
import { findNulByte, NUL_BYTE_MESSAGE, nulPathText } from '../../spec/index.ts';
import { bumpCatalogVersion, type Database, insertRows, upsertRows } from '../../store/index.ts';
import type { ModelRecord, OrganizationKind } from '../catalog-records.ts';
import { regionOf } from '../regions.ts';
import type {
  CatalogBatch,
  CatalogModelRecord,
  CatalogRatingRecord,
  TableOutcome,
  WriteCatalogOutcome,
} from './catalog-batch.ts';

type Row = Record<string, unknown>;
// Rows are built from typed records here; a loose view keeps the generic lookup helpers short.
type LooseDatabase = Record<string, Row>;
type Executor = Kysely<LooseDatabase>;

/**
 * Store writes take the whole batch (statements are then bounded only by the store's parameter limit)
 * inside writeCatalog's transaction, which bumps the catalog version once itself.
 */
const WHOLE_BATCH = { batchSize: Number.MAX_SAFE_INTEGER, bumpCatalog: false } as const;

const COUNTRY_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });

/** What the writer knows about an organization from one batch. */
interface OrganizationInfo {
  country: string | null;
  type: string | null;
  source: string;
  sourceUrl: string | null;
}

/** A stored organization: its id and country. */
interface StoredOrganization {
  id: number;
  country: string | null;
}

/**
 * Writes a batch of importer records to the catalog in one transaction (inside `db` when it already is
 * one), with a handful of set-based statements per table whatever the batch size: organizations are
 * upserted by name (a known country, region and type is never overwritten by an unknown one), models by
 * (source, external id) with their organization and one model_countries row per distinct country of all
 * their organizations, lineage edges (a parent not yet in the catalog gets a placeholder model of the
 * same source, accessibility unknown), adoption snapshots, people and affiliations, openness ratings,
 * transparency scores and organization aliases. Running it again with the same batch changes nothing
 * and reports every record as updated. Bumps the catalog version (store `bumpCatalogVersion`) in the
 * same transaction. Aborts with ERR_INVALID_INPUT, writing nothing, when any text of the batch holds a NUL
 * character (U+0000).
 *
 * @example
 * const { inserted, updated } = await writeCatalog(store.db, { models: records });
 */
export async function writeCatalog(db: Kysely<Database>, batch: CatalogBatch): Promise<WriteCatalogOutcome> {
  // runImport rejects such records first; this keeps any other caller's NUL from either store (and from
  // PostgreSQL's jsonb, which refuses the `\u0000` escape JSON.stringify writes for it).
  const nul = findNulByte(batch);
  if (nul !== undefined)
    throw new ApertureError(
      'ERR_INVALID_INPUT',
      `catalog batch field ${nulPathText(nul, '(the batch)')} ${NUL_BYTE_MESSAGE}`,
    );
  const loose = db as unknown as Executor;
  if (loose.isTransaction) return writeInTransaction(loose, batch);
  return loose.transaction().execute((trx) => writeInTransaction(trx, batch));
}

async function writeInTransaction(db: Executor, batch: CatalogBatch): Promise<WriteCatalogOutcome> {
  const models = batch.models ?? [];
  const ratings = batch.ratings ?? [];
  const organizations = await writeOrganizations(db, batch);
  const modelOutcome = await writeModels(db, models, organizations);
  const modelIds = await ensureReferencedModels(db, batch, modelOutcome.ids);
  await writeLineage(db, batch, modelIds);
  await writeAdoption(db, batch, modelIds);
  const people = await writePeople(db, batch);
  const ratingOutcome = await writeRatings(db, ratings, modelIds);
  const transparency = await writeTransparency(db, batch);
  // Readers (the API's response cache, ETags) see the new catalog the moment this commits.
  await bumpCatalogVersion(db as unknown as Kysely<Database>);
  const tables = {
    models: modelOutcome.outcome,
    openness_ratings: ratingOutcome,
    transparency_scores: transparency,
    people,
  };
  const totals = Object.values(tables).reduce(
    (sum, table) => ({ inserted: sum.inserted + table.inserted, updated: sum.updated + table.updated }),
    { inserted: 0, updated: 0 },
  );
  return { ...totals, tables };
}

// ---------------------------------------------------------------------------------------------------
// Helpers

function chunk<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += size) out.push(rows.slice(start, start + size));
  return out;
}

/** The store typed view of the loose executor (rows are built from typed records). */
function store(db: Executor): Kysely<Database> {
  return db as unknown as Kysely<Database>;
}

/** Inserted and updated counts of `total` records: a repeat of a key in the batch counts as updated. */
function outcomeOf(total: number, inserted: number): TableOutcome {
  return { inserted, updated: total - inserted };
}

/** Rows of `table` whose `column` is one of `values` (optionally also `where` = value), in chunks. */
async function selectIn(
  db: Executor,
  table: string,
  columns: string[],
  column: string,
  values: readonly (string | number)[],
  where?: [string, string],
): Promise<Row[]> {
  const out: Row[] = [];
  const unique = [...new Set(values)];
  for (const part of chunk(unique, 10_000)) {
    let query = db.selectFrom(table).select(columns).where(column, 'in', part);
    if (where) query = query.where(where[0], '=', where[1]);
    out.push(...((await query.execute()) as Row[]));
  }
  return out;
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------------------
// Organizations and aliases

/** Epoch-style kinds as stored in `organizations.type`. */
function typeFromOsaiContributor(text: string | null): OrganizationKind | null {
  if (!text) return null;
  if (/^non-academic/i.test(text)) return 'industry';
  if (/^academic/i.test(text)) return 'academia';
  return null;
}

/** The country and kind of each organization of a model, where the record lets us tell. */
function organizationFacts(
  record: ModelRecord,
): Map<string, { country: string | null; type: string | null }> {
  const facts = new Map<string, { country: string | null; type: string | null }>();
  const { organizations, countries, organizationKinds } = record;
  organizations.forEach((name, index) => {
    // One organization: the model's country is its own; several: only when they share one country.
    // Sources list distinct countries, not one per organization, so position never pairs them.
    const country = organizations.length === 1 || countries.length === 1 ? (countries[0] ?? null) : null;
    const type =
      organizationKinds.length === organizations.length
        ? (organizationKinds[index] ?? null)
        : organizationKinds.length === 1
          ? organizationKinds[0]!
          : null;
    facts.set(name, { country, type });
  });
  return facts;
}

/** Upserts every organization the batch names and returns a resolver: name or alias → stored organization. */
async function writeOrganizations(
  db: Executor,
  batch: CatalogBatch,
): Promise<(name: string) => StoredOrganization | undefined> {
  const infos = new Map<string, OrganizationInfo>();
  const note = (name: string, info: OrganizationInfo) => {
    const known = infos.get(name);
    if (!known) infos.set(name, info);
    else {
      known.country ??= info.country;
      known.type ??= info.type;
      known.sourceUrl ??= info.sourceUrl;
    }
  };

  const batchAliases = new Map((batch.aliases ?? []).map((alias) => [alias.alias, alias.organization]));
  const modelOrgNames = new Set<string>();
  for (const model of batch.models ?? []) for (const name of model.organizations) modelOrgNames.add(name);
  // Aliases already stored (from an earlier import) for names the batch's models use.
  const storedAliases = new Map<string, number>();
  const lookup = [...modelOrgNames].filter((name) => !batchAliases.has(name));
  for (const row of await selectIn(
    db,
    'organization_aliases',
    ['alias', 'organization_id'],
    'alias',
    lookup,
  )) {
    storedAliases.set(String(row.alias), Number(row.organization_id));
  }
  const canonical = (name: string) => batchAliases.get(name) ?? name;

  for (const organization of batch.organizations ?? []) {
    note(organization.name, {
      country: organization.countries[0] ?? null,
      type: organization.kind,
      source: organization.source.source,
      sourceUrl: null,
    });
  }
  for (const alias of batch.aliases ?? []) {
    note(alias.organization, { country: null, type: null, source: alias.source.source, sourceUrl: null });
  }
  for (const model of batch.models ?? []) {
    for (const [name, fact] of organizationFacts(model)) {
      if (storedAliases.has(name)) continue;
      // Facts about an alias (a Hub author) are not facts about the organization behind it.
      const aliased = batchAliases.has(name);
      note(canonical(name), {
        country: aliased ? null : fact.country,
        type: aliased ? null : fact.type,
        source: model.source.source,
        sourceUrl: null,
      });
    }
  }
  for (const rating of batch.ratings ?? []) {
    if (rating.scheme === 'mof') {
      note(rating.producer, { country: null, type: null, source: 'mot', sourceUrl: null });
    } else if (rating.scheme === 'osai') {
      note(rating.organization, {
        country: rating.country,
        type: typeFromOsaiContributor(rating.contributorType),
        source: 'osai',
        sourceUrl: null,
      });
    }
  }

  const rows = [...infos].map(([name, info]) => ({
    name,
    country: info.country,
    country_name: info.country ? (COUNTRY_NAMES.of(info.country) ?? null) : null,
    region: info.country ? regionOf(info.country) : null,
    type: info.type,
    source: info.source,
    source_url: info.sourceUrl,
  }));
  const known = ['country', 'country_name', 'region', 'type', 'source_url'] as const;
  await upsertRows(store(db), 'organizations', rows, ['name'], {
    ...WHOLE_BATCH,
    updateColumns: known,
    keepStoredOverNull: known,
  });

  const byName = new Map<string, StoredOrganization>();
  for (const row of await selectIn(db, 'organizations', ['id', 'name', 'country'], 'name', [
    ...infos.keys(),
  ])) {
    byName.set(String(row.name), { id: Number(row.id), country: (row.country as string | null) ?? null });
  }
  const byId = new Map<number, StoredOrganization>();
  for (const row of await selectIn(db, 'organizations', ['id', 'country'], 'id', [
    ...storedAliases.values(),
  ])) {
    byId.set(Number(row.id), { id: Number(row.id), country: (row.country as string | null) ?? null });
  }

  const aliasRows = (batch.aliases ?? []).flatMap((alias) => {
    const organization = byName.get(alias.organization);
    return organization ? [{ alias: alias.alias, organization_id: organization.id }] : [];
  });
  await upsertRows(store(db), 'organization_aliases', aliasRows, ['alias'], WHOLE_BATCH);

  return (name) => {
    const aliasedId = storedAliases.get(name);
    if (aliasedId !== undefined) return byId.get(aliasedId);
    return byName.get(canonical(name));
  };
}

// ---------------------------------------------------------------------------------------------------
// Models

function modelKey(source: string, externalId: string): string {
  return `${source}\u0000${externalId}`;
}

function externalIdOf(model: CatalogModelRecord): string {
  return model.externalId ?? model.name;
}

/** Ids of stored models for (source, external id) keys, one query per source and chunk. */
async function selectModelIds(db: Executor, keys: Iterable<[string, string]>): Promise<Map<string, number>> {
  const bySource = new Map<string, string[]>();
  for (const [source, externalId] of keys) {
    const list = bySource.get(source) ?? [];
    list.push(externalId);
    bySource.set(source, list);
  }
  const ids = new Map<string, number>();
  for (const [source, externalIds] of bySource) {
    const rows = await selectIn(db, 'models', ['id', 'external_id'], 'external_id', externalIds, [
      'source',
      source,
    ]);
    for (const row of rows) ids.set(modelKey(source, String(row.external_id)), Number(row.id));
  }
  return ids;
}

async function writeModels(
  db: Executor,
  models: CatalogModelRecord[],
  resolve: (name: string) => StoredOrganization | undefined,
): Promise<{ outcome: TableOutcome; ids: Map<string, number> }> {
  if (models.length === 0) return { outcome: { inserted: 0, updated: 0 }, ids: new Map() };
  const keyPairs = models.map((model): [string, string] => [model.source.source, externalIdOf(model)]);
  const keys = keyPairs.map(([source, externalId]) => modelKey(source, externalId));

  const countriesByKey = new Map<string, string[]>();
  const rows = models.map((model, index) => {
    const key = keys[index]!;
    const organizations = model.organizations.map(resolve);
    // The record's own countries are the source's statement; organizations' stored countries only fill in
    // for records that state none (a Hub listing whose author is an alias of a known organization).
    const countries = new Set(model.countries);
    if (countries.size === 0) {
      for (const organization of organizations)
        if (organization?.country) countries.add(organization.country);
    }
    // The last record of a key wins, in the place of its last occurrence (as the store writes it).
    countriesByKey.delete(key);
    countriesByKey.set(key, [...countries]);
    return {
      source: model.source.source,
      external_id: externalIdOf(model),
      organization_id: organizations.find((organization) => organization !== undefined)?.id ?? null,
      name: model.name,
      date: model.published.iso,
      domain: model.domains.length > 0 ? model.domains.join(', ') : null,
      parameters: model.parameters,
      training_compute_flop: model.trainingComputeFlop,
      accessibility: model.accessibility,
      openness_score: model.opennessScore ?? null,
      mof_class: model.mofClass ?? null,
      profile: json(model.profile),
      source_url: model.link,
      external_ids: json(model.externalIds),
      // Only a checked release has a verdict; a model no one checked stays unassessed (null).
      open_washing: model.openWashing === undefined ? null : model.openWashing.flagged ? 1 : 0,
      open_washing_reason: model.openWashing?.reason ?? null,
    };
  });
  const { inserted } = await upsertRows(store(db), 'models', rows, ['source', 'external_id'], WHOLE_BATCH);
  const outcome = outcomeOf(models.length, inserted);

  const ids = await selectModelIds(db, keyPairs);
  const modelIds = [...countriesByKey.keys()].map((key) => ids.get(key)!);
  // A model's countries are replaced as a whole, so a country dropped by the source disappears.
  for (const part of chunk(modelIds, 10_000)) {
    await db.deleteFrom('model_countries').where('model_id', 'in', part).execute();
  }
  const countryRows = [...countriesByKey].flatMap(([key, countries]) =>
    countries.map((country) => ({ model_id: ids.get(key)!, country })),
  );
  await insertRows(store(db), 'model_countries', countryRows, ['model_id', 'country'], WHOLE_BATCH);
  return { outcome, ids };
}

/**
 * Ids of every model the batch's lineage, adoption and ratings refer to; a model not yet in the catalog
 * gets a placeholder (its name, accessibility unknown) that a later record of the same source fills in.
 */
async function ensureReferencedModels(
  db: Executor,
  batch: CatalogBatch,
  known: Map<string, number>,
): Promise<Map<string, number>> {
  const wanted = new Map<string, [string, string]>();
  const want = (source: string, externalId: string) => {
    const key = modelKey(source, externalId);
    if (!known.has(key)) wanted.set(key, [source, externalId]);
  };
  for (const edge of batch.lineage ?? []) {
    want(edge.source.source, edge.child);
    want(edge.source.source, edge.parent);
  }
  for (const snapshot of batch.adoption ?? []) want(snapshot.source.source, snapshot.model);
  if (wanted.size === 0) return known;
  const placeholders = [...wanted.values()].map(([source, externalId]) => ({
    source,
    external_id: externalId,
    name: externalId,
    accessibility: 'unknown' as const,
  }));
  await insertRows(store(db), 'models', placeholders, ['source', 'external_id'], WHOLE_BATCH);
  const ids = new Map(known);
  for (const [key, id] of await selectModelIds(db, wanted.values())) ids.set(key, id);
  return ids;
}

async function writeLineage(db: Executor, batch: CatalogBatch, ids: Map<string, number>): Promise<void> {
  const rows = (batch.lineage ?? []).flatMap((edge) => {
    const child = ids.get(modelKey(edge.source.source, edge.child));
    const parent = ids.get(modelKey(edge.source.source, edge.parent));
    if (child === undefined || parent === undefined || child === parent) return [];
    return [
      { child_model_id: child, parent_model_id: parent, relation: edge.relation, source: edge.source.source },
    ];
  });
  await upsertRows(
    store(db),
    'lineage',
    rows,
    ['child_model_id', 'parent_model_id', 'relation'],
    WHOLE_BATCH,
  );
}

async function writeAdoption(db: Executor, batch: CatalogBatch, ids: Map<string, number>): Promise<void> {
  const rows = (batch.adoption ?? []).flatMap((snapshot) => {
    const model = ids.get(modelKey(snapshot.source.source, snapshot.model));
    if (model === undefined) return [];
    return [
      {
        model_id: model,
        date: snapshot.date,
        downloads: snapshot.downloads,
        likes: snapshot.likes,
        derivatives: snapshot.derivatives,
        source: snapshot.source.source,
      },
    ];
  });
  await upsertRows(store(db), 'adoption_snapshots', rows, ['model_id', 'date'], WHOLE_BATCH);
}

// ---------------------------------------------------------------------------------------------------
// People and affiliations

async function personIds(db: Executor, source: string, externalIds: string[]): Promise<Map<string, number>> {
  const rows = await selectIn(db, 'people', ['id', 'external_id'], 'external_id', externalIds, [
    'source',
    source,
  ]);
  return new Map(rows.map((row) => [String(row.external_id), Number(row.id)]));
}

async function writePeople(db: Executor, batch: CatalogBatch): Promise<TableOutcome> {
  const people = batch.people ?? [];
  const affiliations = batch.affiliations ?? [];
  if (people.length === 0 && affiliations.length === 0) return { inserted: 0, updated: 0 };
  const source = people[0]?.source.source ?? affiliations[0]!.source.source;
  const rows = people.map((person) => ({
    source: person.source.source,
    external_id: person.id,
    name: person.name,
    orcid: person.orcid,
  }));
  const { inserted } = await upsertRows(store(db), 'people', rows, ['source', 'external_id'], WHOLE_BATCH);
  const outcome = outcomeOf(people.length, inserted);

  const ids = await personIds(db, source, [
    ...people.map((person) => person.id),
    ...affiliations.map((affiliation) => affiliation.personId),
  ]);
  const affiliationRows = affiliations.flatMap((affiliation) => {
    const personId = ids.get(affiliation.personId);
    if (personId === undefined) return [];
    const years = affiliation.years.filter((year) => Number.isInteger(year));
    return [
      {
        person_id: personId,
        institution: affiliation.institution.name,
        institution_external_id: affiliation.institution.id || null,
        institution_type: affiliation.institution.type,
        country: affiliation.institution.country,
        start_year: years.length > 0 ? Math.min(...years) : null,
        end_year: years.length > 0 ? Math.max(...years) : null,
      },
    ];
  });
  await upsertRows(store(db), 'affiliations', affiliationRows, ['person_id', 'institution'], WHOLE_BATCH);
  return outcome;
}

// ---------------------------------------------------------------------------------------------------
// Ratings and transparency scores

/** The subject a rating is stored under and the model row of the same source it describes. */
function ratingSubject(rating: CatalogRatingRecord): { subject: string; modelSource: string } {
  if (rating.scheme === 'mof') return { subject: rating.model, modelSource: 'mot' };
  if (rating.scheme === 'osai') return { subject: rating.system, modelSource: 'osai' };
  return { subject: rating.subject, modelSource: 'release-pack' };
}

/** The share of open dimensions, partial counting half, 0–100. */
function osaiScore(dimensions: { rating: 'open' | 'partial' | 'closed' }[]): number | null {
  if (dimensions.length === 0) return null;
  const points = dimensions.reduce(
    (sum, dimension) => sum + (dimension.rating === 'open' ? 1 : dimension.rating === 'partial' ? 0.5 : 0),
    0,
  );
  return Math.round((points / dimensions.length) * 1000) / 10;
}

function ratingRow(
  rating: CatalogRatingRecord,
  modelId: number | null,
): Insertable<Database['openness_ratings']> {
  const base = { model_id: modelId, source: rating.source.source, source_file: rating.source.file };
  if (rating.scheme === 'mof') {
    const { scheme, producer, model, mofClass, progress, source: _source, ...details } = rating;
    return {
      scheme,
      subject: model,
      organization: producer,
      rating_class: mofClass,
      score: progress.I,
      details: json({ progress, ...details }),
      ...base,
    };
  }
  if (rating.scheme === 'osai') {
    const { scheme, system, organization, source: _source, ...details } = rating;
    return {
      scheme,
      subject: system,
      organization,
      rating_class: null,
      score: osaiScore(rating.dimensions),
      details: json(details),
      ...base,
    };
  }
  return {
    scheme: rating.scheme,
    subject: rating.subject,
    organization: rating.organization,
    rating_class: rating.ratingClass,
    score: rating.score,
    details: json(rating.details),
    ...base,
  };
}

async function writeRatings(
  db: Executor,
  ratings: CatalogRatingRecord[],
  modelIds: Map<string, number>,
): Promise<TableOutcome> {
  if (ratings.length === 0) return { inserted: 0, updated: 0 };
  const rows = ratings.map((rating) => {
    const { subject, modelSource } = ratingSubject(rating);
    return ratingRow(rating, modelIds.get(modelKey(modelSource, subject)) ?? null);
  });
  // A rating's row carries its subject, so the store's key (scheme, subject) is the rating's.
  const { inserted } = await upsertRows(
    store(db),
    'openness_ratings',
    rows,
    ['scheme', 'subject'],
    WHOLE_BATCH,
  );
  return outcomeOf(ratings.length, inserted);
}

async function writeTransparency(db: Executor, batch: CatalogBatch): Promise<TableOutcome> {
  const scores = batch.transparencyScores ?? [];
  if (scores.length === 0) return { inserted: 0, updated: 0 };
  const rows = scores.map((score) => ({
    index_name: score.index,
    edition: score.edition,
    developer: score.developer,
    total: score.total,
    max_total: score.maxTotal,
    indicators: JSON.stringify(score.indicators),
    source_file: score.source.file,
  }));
  const { inserted } = await upsertRows(
    store(db),
    'transparency_scores',
    rows,
    ['index_name', 'edition', 'developer'],
    WHOLE_BATCH,
  );
  return outcomeOf(scores.length, inserted);
}
