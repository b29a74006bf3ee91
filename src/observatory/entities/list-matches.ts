import type { Kysely, Selectable } from 'kysely';
import type { EntityMatch, MatchPage } from '../../spec/index.ts';
import type { Database } from '../../store/index.ts';
import type { MatchReason } from './match-reason.ts';

/** Filters and page of listMatches. */
export interface MatchListOptions {
  status?: EntityMatch['status'];
  kind?: EntityMatch['kind'];
  page?: number;
  pageSize?: number;
}

type MatchRow = Selectable<Database['entity_matches']>;

function reasonsOf(text: string): MatchReason[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as MatchReason[]) : [];
  } catch {
    return [];
  }
}

/** A stored match row as the API shows it. */
export function matchOfRow(row: MatchRow): EntityMatch {
  return {
    id: row.id,
    kind: row.kind,
    relation: row.relation,
    left: row.left_key,
    right: row.right_key,
    leftId: row.left_id,
    rightId: row.right_id,
    confidence: Number(row.confidence),
    reasons: reasonsOf(row.reasons),
    status: row.status,
    decidedBy: row.decided_by,
    updatedAt: row.updated_at,
  };
}

/**
 * Stored matches, filtered by status and kind, highest confidence first (then by id), a page at a time.
 *
 * @example
 * const { items, total } = await listMatches(db, { status: 'proposed', kind: 'model', page: 1, pageSize: 50 });
 */
export async function listMatches(db: Kysely<Database>, options: MatchListOptions = {}): Promise<MatchPage> {
  const page = options.page ?? 1;
  const pageSize = options.pageSize ?? 50;
  let query = db.selectFrom('entity_matches');
  if (options.status) query = query.where('status', '=', options.status);
  if (options.kind) query = query.where('kind', '=', options.kind);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('confidence', 'desc')
      .orderBy('id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(matchOfRow), page, pageSize, total: Number(count.n) };
}

/** One stored match by id, or null. */
export async function getMatch(db: Kysely<Database>, id: number): Promise<EntityMatch | null> {
  const row = await db.selectFrom('entity_matches').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? matchOfRow(row) : null;
}
