import type { Withholding } from '../spec/index.ts';
import { type ArenaDb, type BenchmarkRecord, sharedPrivateItemCounts } from './arena-records.ts';

/*
 * A private item is scored in one round only (see private-item-reuse.ts), but a database made before that
 * rule may hold private items without a round on a benchmark of several rounds: every round scores them.
 * A closed round's private results on such items would tell teams how they did on items still hidden in a
 * running round, so they are withheld until every round scoring the items has closed.
 */

/** A round as withholding reads it. */
export interface RoundState {
  id: number;
  name: string;
  status: string;
  closes_at: string;
}

/** Tells, for a round and a task, whether the round's private results on it are withheld (null: they are not). */
export type WithholdingLookup = (roundId: number, task: string) => Withholding | null;

/**
 * Whether `round`'s private results on a task are withheld, given every round of the benchmark (oldest
 * first) and how many private items without a round the task has: they are when the round is closed, the
 * task has such items, and another round scoring them is not closed yet. Pure.
 *
 * @example
 * withholdingOf(roundOne, [roundOne, roundTwo], 240); // { reason: 'round-2 still scores the same private items; …', … }
 */
export function withholdingOf(
  round: RoundState,
  rounds: readonly RoundState[],
  sharedPrivateItems: number,
): Withholding | null {
  if (round.status !== 'closed' || sharedPrivateItems === 0) return null;
  const pending = rounds.filter((other) => other.id !== round.id && other.status !== 'closed');
  if (pending.length === 0) return null;
  const last = pending.reduce((latest, other) => (other.closes_at > latest.closes_at ? other : latest));
  const names = pending.map((other) => other.name);
  const which =
    names.length === 1
      ? `${names[0]} still scores`
      : `${names.slice(0, -1).join(', ')} and ${names.at(-1)} still score`;
  return {
    reason: `${which} the same private items; shown once ${names.length === 1 ? names[0] : `the last of them, ${last.name},`} closes (scheduled ${last.closes_at})`,
    rounds: names,
    until: last.closes_at,
  };
}

/**
 * Reads a benchmark's rounds and its private items without a round, and returns the lookup every view of
 * private results goes through (team histories, leaderboards, round lists, closeRound's answer).
 *
 * @example
 * const withheld = await privateWithholding(db, benchmark);
 * withheld(round.id, 'main'); // null, or why and until when
 */
export async function privateWithholding(
  db: ArenaDb,
  benchmark: BenchmarkRecord,
): Promise<WithholdingLookup> {
  const shared = await sharedPrivateItemCounts(db, benchmark.row.id);
  if (shared.size === 0) return () => null;
  const rounds = await db
    .selectFrom('rounds')
    .select(['id', 'name', 'status', 'closes_at'])
    .where('benchmark_id', '=', benchmark.row.id)
    .orderBy('opens_at')
    .orderBy('id')
    .execute();
  return (roundId, task) => {
    const round = rounds.find((entry) => entry.id === roundId);
    return round ? withholdingOf(round, rounds, shared.get(task) ?? 0) : null;
  };
}
