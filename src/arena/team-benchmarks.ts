import type { ArenaDb } from './arena-records.ts';

/** A benchmark a team contributed (accepted: the organiser created it with `contributedBy`). */
export interface ContributedBenchmark {
  kind: 'benchmark';
  benchmark: string;
  team: string;
  /** Creation time, ISO 8601 UTC: when the organiser accepted the benchmark into the arena. */
  createdAt: string;
}

/**
 * The benchmarks a team contributed, the named one or any, oldest first. A benchmark exists only once
 * the organiser created it, so every one returned is accepted. An unknown team has none (an empty list).
 *
 * @example
 * const found = await teamBenchmarks(db, { team: 'owls' });
 * // [{ kind: 'benchmark', benchmark: 'owls-qa', team: 'owls', createdAt: '2025-02-01T00:00:00.000Z' }]
 */
export async function teamBenchmarks(
  db: ArenaDb,
  query: { team: string; benchmark?: string },
): Promise<ContributedBenchmark[]> {
  let select = db
    .selectFrom('benchmarks')
    .select(['slug', 'contributed_by', 'created_at'])
    .where('contributed_by', '=', query.team)
    .orderBy('created_at')
    .orderBy('id');
  if (query.benchmark !== undefined) select = select.where('slug', '=', query.benchmark);
  const rows = await select.execute();
  return rows.map((row) => ({
    kind: 'benchmark' as const,
    benchmark: row.slug,
    team: row.contributed_by ?? query.team,
    createdAt: row.created_at,
  }));
}
