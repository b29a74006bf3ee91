import { ApertureError } from '../errors.ts';
import { type ArenaDb, type BenchmarkRecord, sharedPrivateItemCounts } from './arena-records.ts';

/*
 * A private item is scored in one round only. Once a round closes, its private scores are revealed; were a
 * later round to score the same items, those scores would tell every team how it did on items still
 * hidden, and the items would have existed (and been predicted) long before the later round's freeze.
 * Items added without a round are shared by every round of the benchmark, so private items without a
 * round are allowed only while the benchmark has at most one round, and such a benchmark takes no second.
 */

/** The benchmark's round names, oldest first. */
async function roundNames(db: ArenaDb, benchmark: BenchmarkRecord): Promise<string[]> {
  const rows = await db
    .selectFrom('rounds')
    .select('name')
    .where('benchmark_id', '=', benchmark.row.id)
    .orderBy('opens_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.name);
}

/**
 * Refuses private items without a round on a benchmark of several rounds (each round would score them):
 * ERR_CONFLICT about the field `round`, naming the rounds to choose from.
 *
 * @example
 * if (input.split === 'private' && input.round === undefined) await refusePrivateItemsWithoutRound(trx, benchmark);
 */
export async function refusePrivateItemsWithoutRound(db: ArenaDb, benchmark: BenchmarkRecord): Promise<void> {
  const rounds = await roundNames(db, benchmark);
  if (rounds.length > 1)
    throw new ApertureError(
      'ERR_CONFLICT',
      `benchmark ${benchmark.row.slug} has ${rounds.length} rounds and a private item is scored in one round only: name its round (${rounds.join(', ')})`,
      { field: 'round' },
    );
}

/**
 * Refuses a new round on a benchmark that has a round already and private items without a round (the new
 * round would score them again): ERR_CONFLICT saying what to do instead.
 *
 * @example
 * await refuseRoundReusingPrivateItems(trx, benchmark);
 */
export async function refuseRoundReusingPrivateItems(db: ArenaDb, benchmark: BenchmarkRecord): Promise<void> {
  const shared = [...(await sharedPrivateItemCounts(db, benchmark.row.id)).values()].reduce(
    (sum, count) => sum + count,
    0,
  );
  if (shared === 0) return;
  const rounds = await roundNames(db, benchmark);
  if (rounds.length === 0) return;
  throw new ApertureError(
    'ERR_CONFLICT',
    `benchmark ${benchmark.row.slug} scores its ${shared} private item(s) without a round in ${rounds.join(', ')}; a private item is scored in one round only, so it takes no second round: run later rounds on a new benchmark whose private items name their round`,
  );
}
