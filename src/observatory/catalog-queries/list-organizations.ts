import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import { sql } from 'kysely';
import {
  OPEN_ACCESSIBILITIES,
  type OrganizationPage,
  type OrganizationSort,
  type OrganizationSummary,
  type Region,
} from '../../spec/index.ts';
import type { Database } from '../../store/index.ts';
import { foldName } from '../../util/index.ts';
import { countryNameOf } from '../country-codes.ts';
import { containsPattern } from './catalog-vocabulary.ts';

/** Filters and page of the organization list. */
export interface OrganizationPageRequest {
  /** Case-insensitive substring of the name. */
  q?: string;
  country?: string;
  region?: Region;
  type?: string;
  sort?: OrganizationSort;
  page?: number;
  pageSize?: number;
}

type OrganizationRow = Omit<
  Database['organizations'],
  'id' | 'parent_id' | 'source' | 'source_url' | 'entity_id' | 'name_folded'
> & {
  id: number;
};

function organizationWhere(
  eb: ExpressionBuilder<Database, 'organizations'>,
  request: OrganizationPageRequest,
): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (request.q !== undefined && request.q !== '') {
    conditions.push(
      sql<SqlBool>`${eb.ref('organizations.name_folded')} like ${containsPattern(foldName(request.q))} escape '!'`,
    );
  }
  if (request.country !== undefined) {
    conditions.push(eb('organizations.country', '=', request.country.toUpperCase()));
  }
  // Stored regions may be written `US`, `China`, `Europe`, so compare case-insensitively.
  if (request.region !== undefined) {
    conditions.push(eb(eb.fn('lower', ['organizations.region']), '=', request.region));
  }
  if (request.type !== undefined) conditions.push(eb('organizations.type', '=', request.type));
  return eb.and(conditions);
}

/** Model and open-model counts of the organizations `ids`, in one grouped query. */
export async function countOrganizationModels(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, { modelCount: number; openModelCount: number }>> {
  const counts = new Map<number, { modelCount: number; openModelCount: number }>();
  if (ids.length === 0) return counts;
  const rows = await db
    .selectFrom('models')
    .select((eb) => [
      'organization_id',
      eb.fn.countAll<number>().as('model_count'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when('accessibility', 'in', [...OPEN_ACCESSIBILITIES])
            .then(1)
            .else(0)
            .end(),
        )
        .as('open_model_count'),
    ])
    .where('organization_id', 'in', [...ids])
    .groupBy('organization_id')
    .execute();
  for (const row of rows) {
    if (row.organization_id === null) continue;
    counts.set(row.organization_id, {
      modelCount: Number(row.model_count),
      openModelCount: Number(row.open_model_count ?? 0),
    });
  }
  return counts;
}

/** Organization rows as OrganizationSummary objects, counts fetched for all of them at once. */
export async function summariseOrganizations(
  db: Kysely<Database>,
  rows: readonly OrganizationRow[],
): Promise<OrganizationSummary[]> {
  const counts = await countOrganizationModels(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    country: row.country,
    // Named from the code by the one naming function, so a row stored by an older version agrees too.
    countryName: row.country === null ? row.country_name : (countryNameOf(row.country) ?? row.country_name),
    region: row.region,
    type: row.type,
    modelCount: counts.get(row.id)?.modelCount ?? 0,
    openModelCount: counts.get(row.id)?.openModelCount ?? 0,
  }));
}

const ORGANIZATION_COLUMNS = [
  'organizations.id',
  'organizations.name',
  'organizations.country',
  'organizations.country_name',
  'organizations.region',
  'organizations.type',
] as const;

/** Where a keyset page starts: the last row of the page before (its model count when sorted by it). */
interface OrganizationKey {
  name: string;
  id: number;
  count: number;
}

/** The model count the `modelCount` sorts order by. */
const MODEL_COUNT = sql<number>`coalesce(counts.model_count, 0)`;

function sortedRows(
  db: Kysely<Database>,
  request: OrganizationPageRequest,
  after: OrganizationKey | null = null,
) {
  const sort = request.sort ?? 'name';
  const descending = sort.startsWith('-');
  const base = db.selectFrom('organizations').where((eb) => organizationWhere(eb, request));
  const name = sql.ref('organizations.name');
  const id = sql.ref('organizations.id');
  if (sort === 'name' || sort === '-name') {
    const beyond = sql.raw(descending ? '<' : '>');
    return base
      .select([...ORGANIZATION_COLUMNS, sql<number>`0`.as('sort_count')])
      .$if(after !== null, (query) =>
        query.where(
          () =>
            sql<SqlBool>`(${name} ${beyond} ${after!.name} or (${name} = ${after!.name} and ${id} ${beyond} ${after!.id}))`,
        ),
      )
      .orderBy('organizations.name', descending ? 'desc' : 'asc')
      .orderBy('organizations.id', descending ? 'desc' : 'asc');
  }
  // Sorting by model count needs every organization's count: one grouped pass over models.
  const counts = db
    .selectFrom('models')
    .select((eb) => ['organization_id', eb.fn.countAll<number>().as('model_count')])
    .groupBy('organization_id')
    .as('counts');
  const beyond = sql.raw(descending ? '<' : '>');
  return base
    .leftJoin(counts, 'counts.organization_id', 'organizations.id')
    .select([...ORGANIZATION_COLUMNS, MODEL_COUNT.as('sort_count')])
    .$if(after !== null, (query) =>
      query.where(
        () =>
          sql<SqlBool>`(${MODEL_COUNT} ${beyond} ${after!.count} or (${MODEL_COUNT} = ${after!.count} and (${name} > ${after!.name} or (${name} = ${after!.name} and ${id} > ${after!.id}))))`,
      ),
    )
    .orderBy(MODEL_COUNT, descending ? 'desc' : 'asc')
    .orderBy('organizations.name', 'asc')
    .orderBy('organizations.id', 'asc');
}

/** How many organizations match the filters of `request`. */
export async function countOrganizations(
  db: Kysely<Database>,
  request: Omit<OrganizationPageRequest, 'sort' | 'page' | 'pageSize'> = {},
): Promise<number> {
  const row = await db
    .selectFrom('organizations')
    .where((eb) => organizationWhere(eb, request))
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/**
 * The organizations of one page, filtered and sorted (default: by name), each with its model counts,
 * without the total (see countOrganizations).
 */
export async function listOrganizationItems(
  db: Kysely<Database>,
  request: OrganizationPageRequest = {},
): Promise<OrganizationSummary[]> {
  const page = request.page ?? 1;
  const pageSize = request.pageSize ?? 50;
  const rows = await sortedRows(db, request)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return summariseOrganizations(db, rows);
}

/**
 * One page of organizations, filtered and sorted (default: by name), each with its model counts.
 *
 * @example
 * const { items } = await listOrganizations(db, { region: 'europe', sort: '-modelCount' });
 */
export async function listOrganizations(
  db: Kysely<Database>,
  request: OrganizationPageRequest = {},
): Promise<OrganizationPage> {
  const [items, total] = await Promise.all([
    listOrganizationItems(db, request),
    countOrganizations(db, request),
  ]);
  return { items, page: request.page ?? 1, pageSize: request.pageSize ?? 50, total };
}

/**
 * Every organization that matches the filters, in order, a batch at a time (for exports). Pages by key,
 * not offset: each batch starts after the last row of the one before, so an organization inserted or
 * deleted meanwhile never repeats nor skips another. (Sorted by model count, a row whose count changes
 * during the export moves with it: the order is the count's.)
 */
export async function* iterateOrganizations(
  db: Kysely<Database>,
  request: Omit<OrganizationPageRequest, 'page' | 'pageSize'> = {},
  batchSize = 2_000,
): AsyncGenerator<OrganizationSummary[]> {
  let after: OrganizationKey | null = null;
  for (;;) {
    const rows: Array<OrganizationRow & { sort_count: number }> = await sortedRows(db, request, after)
      .limit(batchSize)
      .execute();
    if (rows.length > 0) yield await summariseOrganizations(db, rows);
    if (rows.length < batchSize) return;
    const end: OrganizationRow & { sort_count: number } = rows[rows.length - 1]!;
    after = { name: end.name, id: end.id, count: Number(end.sort_count) };
  }
}
