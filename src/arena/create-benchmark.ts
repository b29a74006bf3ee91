import { ApertureError } from '../errors.ts';
import type { ArenaDb } from './arena-records.ts';
import { inTransaction, isoNow } from './arena-records.ts';
import { type BenchmarkDefinition, type RoundDefinition, resolveTasks } from './benchmark-definition.ts';
import { findMetric } from './metrics/registry.ts';

/** Options of {@link createBenchmark}. */
export interface CreateBenchmarkOptions {
  now?: Date;
  /** Marks the bundled demo benchmark (fictional data). */
  demo?: boolean;
}

/** Inserts a round of a benchmark; its times were validated by the definition schema. */
export async function insertRound(db: ArenaDb, benchmarkId: number, round: RoundDefinition): Promise<number> {
  const inserted = await db
    .insertInto('rounds')
    .values({
      benchmark_id: benchmarkId,
      name: round.name,
      opens_at: round.opensAt,
      freezes_at: round.freezesAt,
      closes_at: round.closesAt,
      status: 'open',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/**
 * Creates a benchmark with its tasks, rounds and prize tracks in one transaction. Aborts with ERR_EXISTS when
 * the slug is taken (benchmarks are never silently redefined: scores depend on the definition).
 *
 * @example
 * const definition = parseBenchmarkDefinition(text, 'bench.yaml');
 * const { id } = await createBenchmark(store.db, definition);
 */
export async function createBenchmark(
  db: ArenaDb,
  definition: BenchmarkDefinition,
  options: CreateBenchmarkOptions = {},
): Promise<{ id: number; tasks: number; rounds: number; prizeTracks: number }> {
  const tasks = resolveTasks(definition).map((task) => {
    const metric = findMetric(task.metric);
    if (!metric) throw new ApertureError('ERR_INVALID_INPUT', `unknown metric ${task.metric}`);
    return { ...task, metric };
  });
  const primary = tasks[0]!;
  const run = async (trx: ArenaDb) => {
    const taken = await trx
      .selectFrom('benchmarks')
      .select('id')
      .where('slug', '=', definition.slug)
      .executeTakeFirst();
    if (taken)
      throw new ApertureError(
        'ERR_EXISTS',
        `benchmark "${definition.slug}" already exists; pick another slug`,
      );
    const { id } = await trx
      .insertInto('benchmarks')
      .values({
        slug: definition.slug,
        title: definition.title,
        description: definition.description,
        metric: primary.metric.id,
        higher_is_better: primary.metric.higherIsBetter ? 1 : 0,
        ladder_kind: definition.ladder.kind,
        ladder_step: definition.ladder.kind === 'fixed' ? definition.ladder.step : null,
        daily_cap: definition.dailyCap,
        label_set: primary.labels ? JSON.stringify(primary.labels) : null,
        demo: options.demo ? 1 : 0,
        contributed_by: definition.contributedBy ?? null,
        created_at: isoNow(options.now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('benchmark_tasks')
      .values(
        tasks.map((task, position) => ({
          benchmark_id: id,
          name: task.id,
          title: task.title,
          description: task.description,
          metric: task.metric.id,
          higher_is_better: task.metric.higherIsBetter ? 1 : 0,
          label_set: task.labels ? JSON.stringify(task.labels) : null,
          position,
        })),
      )
      .execute();
    for (const round of definition.rounds) await insertRound(trx, id, round);
    for (const track of definition.prizeTracks) {
      await trx
        .insertInto('prize_tracks')
        .values({
          benchmark_id: id,
          name: track.name,
          description: track.description,
          min_score: track.minScore ?? null,
          min_class: track.minClass ?? null,
          policy: null,
        })
        .execute();
    }
    return {
      id,
      tasks: tasks.length,
      rounds: definition.rounds.length,
      prizeTracks: definition.prizeTracks.length,
    };
  };
  return inTransaction(db, run);
}
