import { ApertureError } from '../errors.ts';
import type { ItemSplit } from '../spec/index.ts';
import {
  type ArenaDb,
  coerceTruth,
  inTransaction,
  isoNow,
  lockArena,
  requireBenchmark,
  requireRound,
  requireTask,
} from './arena-records.ts';
import { refusePrivateItemsWithoutRound } from './private-item-reuse.ts';
import type { RawItem } from './read-items-file.ts';
import { roundPhase } from './round-phase.ts';

/** What to add: items of one task and split, shared by every round or fresh items of one round. */
export interface AddItemsInput {
  benchmark: string;
  /** The task the items belong to; the benchmark's primary task when omitted. */
  task?: string;
  split: ItemSplit;
  /** The round the fresh items belong to; omitted for items shared by every round. */
  round?: string;
  items: readonly RawItem[];
}

/** What addItems did. */
export interface AddItemsOutcome {
  /** The task the items went to (or would have). */
  task: string;
  inserted: number;
  rejected: { id: string; reason: string }[];
}

/**
 * Adds labelled items to a task of a benchmark in one transaction. Labels are checked against the task's
 * metric input kind (and label set); item ids are unique across the benchmark's tasks; rejected items are reported and nothing is written if any is rejected.
 * Fresh items of a round can only be added once the round is frozen (after its submission freeze) and
 * before it has any submission; shared items only while no open round has submissions, because accepted
 * predictions are aligned with the item set they were scored on. A private item is scored in one round
 * only: private items without a round are refused (ERR_CONFLICT, field `round`) on a benchmark of several rounds.
 *
 * @example
 * await addItems(db, { benchmark: 'demo-sentiment', split: 'private', round: 'round-1', items }, { now });
 */
export async function addItems(
  db: ArenaDb,
  input: AddItemsInput,
  options: { now?: Date } = {},
): Promise<AddItemsOutcome> {
  const now = options.now ?? new Date();
  return inTransaction(db, async (trx) => {
    // Under the arena lock, no round can be opened and no submission accepted between these checks and the insert.
    await lockArena(trx);
    const benchmark = await requireBenchmark(trx, input.benchmark);
    const task = requireTask(benchmark, input.task);
    if (input.split === 'private' && input.round === undefined)
      await refusePrivateItemsWithoutRound(trx, benchmark);
    let roundId: number | null = null;
    if (input.round !== undefined) {
      const round = await requireRound(trx, benchmark, input.round);
      const phase = roundPhase(round, now);
      if (phase === 'upcoming' || phase === 'open')
        throw new ApertureError(
          'ERR_CONFLICT',
          `round ${input.round} freezes at ${round.freezes_at}; its fresh items can only be added after the freeze`,
        );
      if (phase === 'closed' || phase === 'ended')
        throw new ApertureError('ERR_CONFLICT', `round ${input.round} has ended; add items to a new round`);
      roundId = round.id;
    }
    const submitted = trx
      .selectFrom('submissions')
      .innerJoin('rounds', 'rounds.id', 'submissions.round_id')
      .select('submissions.id')
      .where('rounds.benchmark_id', '=', benchmark.row.id)
      .where('submissions.task', '=', task.name)
      .where('rounds.status', '=', 'open');
    const blocking = await (roundId === null ? submitted : submitted.where('rounds.id', '=', roundId))
      .limit(1)
      .executeTakeFirst();
    if (blocking)
      throw new ApertureError(
        'ERR_CONFLICT',
        `${input.round === undefined ? 'an open round' : `round ${input.round}`} already has submissions${task.primary ? '' : ` to task ${task.name}`} scored on the current items; add items to a new round`,
      );

    const existing = new Set(
      (
        await trx
          .selectFrom('arena_items')
          .select('external_id')
          .where('benchmark_id', '=', benchmark.row.id)
          .execute()
      ).map((row) => row.external_id),
    );
    const rejected: AddItemsOutcome['rejected'] = [];
    const rows: { id: string; label: string }[] = [];
    for (const item of input.items) {
      if (existing.has(item.id)) {
        rejected.push({
          id: item.id,
          reason: `the benchmark already has an item with this id${benchmark.tasks.length > 1 ? ' (ids are unique across its tasks)' : ''}`,
        });
        continue;
      }
      const truth = coerceTruth(task.metric.input, item.label, task.labels);
      if ('message' in truth) {
        rejected.push({ id: item.id, reason: truth.message });
        continue;
      }
      existing.add(item.id);
      rows.push({ id: item.id, label: JSON.stringify(truth.value) });
    }
    if (rejected.length > 0) return { task: task.name, inserted: 0, rejected };
    const createdAt = isoNow(now);
    // Chunks keep each statement under the drivers' bound-parameter limits.
    for (let start = 0; start < rows.length; start += 500) {
      await trx
        .insertInto('arena_items')
        .values(
          rows.slice(start, start + 500).map((row) => ({
            benchmark_id: benchmark.row.id,
            split: input.split,
            external_id: row.id,
            label: row.label,
            round_id: roundId,
            created_at: createdAt,
            task: task.name,
          })),
        )
        .execute();
    }
    return { task: task.name, inserted: rows.length, rejected: [] };
  });
}
