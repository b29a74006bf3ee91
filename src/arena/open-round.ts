import { ApertureError } from '../errors.ts';
import type { ArenaDb } from './arena-records.ts';
import { inTransaction, lockArena, requireBenchmark } from './arena-records.ts';
import { RoundDefinitionSchema } from './benchmark-definition.ts';
import { insertRound } from './create-benchmark.ts';
import { refuseRoundReusingPrivateItems } from './private-item-reuse.ts';

/**
 * Adds a round to a benchmark (`{ name, opensAt, freezesAt, closesAt }`, UTC ISO times). Aborts with
 * ERR_INVALID_INPUT on bad times, ERR_EXISTS when the benchmark already has a round of that name, and
 * ERR_CONFLICT when it has a round and private items without a round (a private item is scored in one round only).
 *
 * @example
 * await openRound(db, 'demo-sentiment', { name: 'round-2', opensAt: '2025-06-01T00:00:00Z', freezesAt: '2025-06-08T00:00:00Z', closesAt: '2025-06-15T00:00:00Z' });
 */
export async function openRound(db: ArenaDb, benchmarkSlug: string, round: unknown): Promise<{ id: number }> {
  const parsed = RoundDefinitionSchema.safeParse(round);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ApertureError(
      'ERR_INVALID_INPUT',
      `round ${issue.path.join('.') || ''}: ${issue.message}`.replace('round : ', 'round: '),
    );
  }
  return inTransaction(db, async (trx) => {
    // Under the arena lock, no private item without a round can be added between the check and the insert.
    await lockArena(trx);
    const benchmark = await requireBenchmark(trx, benchmarkSlug);
    const taken = await trx
      .selectFrom('rounds')
      .select('id')
      .where('benchmark_id', '=', benchmark.row.id)
      .where('name', '=', parsed.data.name)
      .executeTakeFirst();
    if (taken)
      throw new ApertureError(
        'ERR_EXISTS',
        `benchmark ${benchmarkSlug} already has a round "${parsed.data.name}"`,
      );
    await refuseRoundReusingPrivateItems(trx, benchmark);
    return { id: await insertRound(trx, benchmark.row.id, parsed.data) };
  });
}
