import type { Expression, ExpressionBuilder, Kysely, SelectQueryBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import {
  type AccessibilityFilter,
  accessibilitiesOf,
  type ModelPage,
  type ModelSort,
  type ModelSummary,
  type Region,
} from '../../spec/index.ts';
import type { Database } from '../../store/index.ts';
import { foldName } from '../../util/index.ts';
import { containsPattern, regionCountries } from './catalog-vocabulary.ts';
import { MODEL_SUMMARY_COLUMNS, type ModelSummaryRow, summariseModels } from './model-summary.ts';

/** Filters of the model list; every given filter must hold. */
export interface ModelFilter {
  /** Substring of the name, case and accents folded (foldName) alike on every engine. */
  q?: string;
  /** ISO 3166-1 alpha-2: a model of any of its organizations' countries. */
  country?: string;
  region?: Region;
  /** An organization id (digits) or exact name: the model's first organization. */
  organization?: string;
  accessibility?: AccessibilityFilter;
  /** Year of the publication date. */
  year?: number;
  mofClass?: string;
  source?: string;
  /** true: checked releases flagged as open-washing; false: checked and not flagged (never-checked models match neither). */
  openWashing?: boolean;
}

/** A page request of the model list. */
export interface ModelPageRequest extends ModelFilter {
  sort?: ModelSort;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

const SORT_COLUMNS = {
  name: 'models.name',
  date: 'models.date',
  opennessScore: 'models.openness_score',
  parameters: 'models.parameters',
} as const;

/** The where clause of a ModelFilter over `models`. */
/** Models with a country (`in`) among `codes`, or with one outside them (`not in`). */
function withCountries(
  eb: ExpressionBuilder<Database, 'models'>,
  operator: 'in' | 'not in',
  codes: readonly string[],
): Expression<SqlBool> {
  return eb(
    'models.id',
    'in',
    eb
      .selectFrom('model_countries')
      .select('model_id')
      .where('country', operator, [...codes]),
  );
}

function modelWhere(eb: ExpressionBuilder<Database, 'models'>, filter: ModelFilter): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.q !== undefined && filter.q !== '') {
    conditions.push(
      sql<SqlBool>`${eb.ref('models.name_folded')} like ${containsPattern(foldName(filter.q))} escape '!'`,
    );
  }
  if (filter.country !== undefined) {
    conditions.push(withCountries(eb, 'in', [filter.country.toUpperCase()]));
  }
  if (filter.region !== undefined) {
    const { operator, codes } = regionCountries(filter.region);
    conditions.push(withCountries(eb, operator, codes));
  }
  if (filter.organization !== undefined) {
    const organization = filter.organization;
    conditions.push(
      /^\d+$/.test(organization)
        ? eb('models.organization_id', '=', Number(organization))
        : eb(
            'models.organization_id',
            'in',
            eb.selectFrom('organizations').select('id').where('name', '=', organization),
          ),
    );
  }
  if (filter.accessibility !== undefined) {
    conditions.push(eb('models.accessibility', 'in', [...accessibilitiesOf(filter.accessibility)]));
  }
  if (filter.year !== undefined) {
    // Dates are ISO text, so a year is a text range that the date index serves.
    conditions.push(eb('models.date', '>=', String(filter.year)));
    conditions.push(eb('models.date', '<', String(filter.year + 1)));
  }
  if (filter.mofClass !== undefined) conditions.push(eb('models.mof_class', '=', filter.mofClass));
  if (filter.source !== undefined) conditions.push(eb('models.source', '=', filter.source));
  if (filter.openWashing !== undefined) {
    conditions.push(eb('models.open_washing', '=', filter.openWashing ? 1 : 0));
  }
  return eb.and(conditions);
}

function filtered(db: Kysely<Database>, filter: ModelFilter) {
  return db.selectFrom('models').where((eb) => modelWhere(eb, filter));
}

/** `query` in `sort` order (missing values last), ties broken by id in the same direction. */
function inOrder<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  sort: ModelSort,
): SelectQueryBuilder<DB, TB, O> {
  const descending = sort.startsWith('-');
  const column = SORT_COLUMNS[(descending ? sort.slice(1) : sort) as keyof typeof SORT_COLUMNS];
  return query
    .orderBy(sql.ref(column), (order) => (descending ? order.desc() : order.asc()).nullsLast())
    .orderBy(sql.ref('models.id'), (order) => (descending ? order.desc() : order.asc()));
}

function sortedRows(db: Kysely<Database>, filter: ModelFilter, sort: ModelSort) {
  return inOrder(
    filtered(db, filter)
      .leftJoin('organizations', 'organizations.id', 'models.organization_id')
      .select(MODEL_SUMMARY_COLUMNS),
    sort,
  );
}

/**
 * One page of rows: the page's ids first (an index-only walk when an index serves the order, so a
 * deep offset skips index entries rather than table rows), then the rows of those ids.
 */
function pageRows(db: Kysely<Database>, filter: ModelFilter, sort: ModelSort, limit: number, offset: number) {
  const ids = inOrder(filtered(db, filter).select('models.id'), sort).limit(limit).offset(offset);
  return inOrder(
    db
      .selectFrom('models')
      .leftJoin('organizations', 'organizations.id', 'models.organization_id')
      .select(MODEL_SUMMARY_COLUMNS)
      .where('models.id', 'in', ids),
    sort,
  );
}

/** How many models match `filter`. */
export async function countModels(db: Kysely<Database>, filter: ModelFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/**
 * The models of one page of the model list, filtered and sorted (default: newest first), without the
 * total (callers that cache the total per filter count once for every page).
 *
 * @example
 * const items = await listModelItems(db, { sort: '-date', page: 3 });
 */
export async function listModelItems(
  db: Kysely<Database>,
  request: ModelPageRequest = {},
): Promise<ModelSummary[]> {
  const page = request.page ?? 1;
  const pageSize = request.pageSize ?? 50;
  const rows = await pageRows(
    db,
    request,
    request.sort ?? '-date',
    pageSize,
    (page - 1) * pageSize,
  ).execute();
  return summariseModels(db, rows);
}

/**
 * One page of the model list, filtered and sorted (default: newest first), with the total count.
 * Countries of the page come from one extra query.
 *
 * @example
 * const { items, total } = await listModels(db, { country: 'FR', accessibility: 'open', pageSize: 20 });
 */
export async function listModels(db: Kysely<Database>, request: ModelPageRequest = {}): Promise<ModelPage> {
  const [items, total] = await Promise.all([listModelItems(db, request), countModels(db, request)]);
  return { items, page: request.page ?? 1, pageSize: request.pageSize ?? 50, total };
}

/** The row field of each sort's column (MODEL_SUMMARY_COLUMNS names). */
const SORT_FIELDS = {
  name: 'name',
  date: 'date',
  opennessScore: 'openness_score',
  parameters: 'parameters',
} as const;

/** Where a keyset page starts: the sort value and id of the last row of the page before. */
interface ModelKey {
  value: string | number | null;
  id: number;
}

/**
 * The rows after `last` in `sort` order (missing values last, ties by id in the same direction): the
 * keyset condition, so the next batch starts after a row rather than after a count of rows.
 */
function afterKey(sort: ModelSort, last: ModelKey): Expression<SqlBool> {
  const descending = sort.startsWith('-');
  const column = sql.ref(SORT_COLUMNS[(descending ? sort.slice(1) : sort) as keyof typeof SORT_COLUMNS]);
  const id = sql.ref('models.id');
  const beyond = sql.raw(descending ? '<' : '>');
  if (last.value === null) return sql<SqlBool>`(${column} is null and ${id} ${beyond} ${last.id})`;
  return sql<SqlBool>`(${column} ${beyond} ${last.value} or (${column} = ${last.value} and ${id} ${beyond} ${last.id}) or ${column} is null)`;
}

/**
 * Every model that matches `filter`, in `sort` order, a batch at a time (for exports of any size). Pages
 * by key, not offset: each batch starts after the last row of the one before, so a model inserted or
 * deleted while the export runs never repeats nor skips another.
 *
 * @example
 * for await (const batch of iterateModels(db, { region: 'europe' })) write(batch);
 */
export async function* iterateModels(
  db: Kysely<Database>,
  filter: ModelFilter = {},
  sort: ModelSort = '-date',
  batchSize = 2_000,
): AsyncGenerator<ModelSummary[]> {
  const field = SORT_FIELDS[(sort.startsWith('-') ? sort.slice(1) : sort) as keyof typeof SORT_FIELDS];
  let last: ModelKey | null = null;
  for (;;) {
    const after: ModelKey | null = last;
    const query = sortedRows(db, filter, sort);
    const rows: ModelSummaryRow[] = await (after ? query.where(() => afterKey(sort, after)) : query)
      .limit(batchSize)
      .execute();
    if (rows.length > 0) yield await summariseModels(db, rows);
    if (rows.length < batchSize) return;
    const end: ModelSummaryRow = rows[rows.length - 1]!;
    last = { value: end[field], id: end.id };
  }
}
