import { setImmediate } from 'node:timers/promises';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';
import { ApertureError } from '../errors.ts';
import type { BenchmarksTable, Database, RoundsTable } from '../store/index.ts';
import { numberDomainProblem } from './metrics/check-inputs.ts';
import type { AnyMetric, InputKind, Truth } from './metrics/metric.ts';
import { findMetric } from './metrics/registry.ts';

/*
 * Lookups shared by the arena service: a benchmark and its tasks (each with its metric), a round, and the
 * items of a round's task (the shared items, then the round's fresh items, each in insertion order; predictions are
 * stored aligned with that order, which is why an item set never changes once a round has submissions).
 */

/** A database or a transaction on it. */
export type ArenaDb = Kysely<Database> | Transaction<Database>;

/** A task of a benchmark with its metric resolved and its label set parsed. */
export interface TaskRecord {
  /** The task id. */
  name: string;
  title: string;
  description: string;
  metric: AnyMetric;
  labels: string[] | undefined;
  /** True for the benchmark's first task, the default wherever a task is omitted. */
  primary: boolean;
}

/** A benchmark row with its tasks, primary task first. */
export interface BenchmarkRecord {
  row: Selectable<BenchmarksTable>;
  tasks: TaskRecord[];
}

/** The truth of one split of a round, aligned with `ids`. */
export interface SplitTruth {
  ids: string[];
  truth: unknown[];
}

/** True when `db` talks to PostgreSQL (where writers take an advisory lock instead of SQLite's file lock). */
export function isPostgres(db: ArenaDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The advisory lock key that serialises arena writers on PostgreSQL (an arbitrary constant). */
const ARENA_LOCK_KEY = 0x41_52_45_4e; // "AREN"

/**
 * Serialises arena writers (submissions, closes) until `trx` ends: an advisory lock on PostgreSQL; on SQLite
 * the file's write lock. Take it first in the transaction, then read what the write depends on (a round's
 * phase, the log's head), so no other writer can change it before the commit.
 */
export async function lockArena(trx: Transaction<Database>): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${ARENA_LOCK_KEY})`.execute(trx);
  // A no-op write (no row matches) takes SQLite's write lock now, so the busy timeout applies instead of a
  // failed upgrade later, and the transaction's snapshot starts after the last writer's commit.
  else await sql`update teams set slug = slug where 1 = 0`.execute(trx);
}

/** The benchmark `slug`, or ERR_NOT_FOUND. */
export async function requireBenchmark(db: ArenaDb, slug: string): Promise<BenchmarkRecord> {
  const row = await db.selectFrom('benchmarks').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!row)
    throw new ApertureError(
      'ERR_NOT_FOUND',
      `no benchmark "${slug}"; list them with \`aperture arena list\``,
    );
  const taskRows = await db
    .selectFrom('benchmark_tasks')
    .selectAll()
    .where('benchmark_id', '=', row.id)
    .orderBy('position')
    .execute();
  const tasks = taskRows.map((task, index): TaskRecord => {
    const metric = findMetric(task.metric);
    if (!metric)
      throw new ApertureError(
        'ERR_INTERNAL',
        `task ${slug}/${task.name} names an unknown metric ${task.metric}`,
      );
    return {
      name: task.name,
      title: task.title,
      description: task.description,
      metric,
      labels: task.label_set === null ? undefined : (JSON.parse(task.label_set) as string[]),
      primary: index === 0,
    };
  });
  if (tasks.length === 0) throw new ApertureError('ERR_INTERNAL', `benchmark ${slug} has no task`);
  return { row, tasks };
}

/**
 * The task `name` of a benchmark (its primary task when `name` is undefined), or ERR_NOT_FOUND naming the
 * tasks it has.
 */
export function requireTask(benchmark: BenchmarkRecord, name: string | undefined): TaskRecord {
  if (name === undefined) return benchmark.tasks[0]!;
  const task = benchmark.tasks.find((entry) => entry.name === name);
  if (!task)
    throw new ApertureError(
      'ERR_NOT_FOUND',
      `benchmark ${benchmark.row.slug} has no task "${name}"; its tasks are ${benchmark.tasks.map((entry) => entry.name).join(', ')}`,
    );
  return task;
}

/**
 * How the transparency log and the bootstrap seed name a round's task: `benchmark/round` for the primary
 * task (as before tasks existed), `benchmark/round/task` for the others.
 */
export function roundTaskName(
  benchmarkSlug: string,
  roundName: string,
  task: Pick<TaskRecord, 'name' | 'primary'>,
): string {
  return task.primary ? `${benchmarkSlug}/${roundName}` : `${benchmarkSlug}/${roundName}/${task.name}`;
}

/** The round `name` of a benchmark, or ERR_NOT_FOUND. */
export async function requireRound(
  db: ArenaDb,
  benchmark: BenchmarkRecord,
  name: string,
): Promise<Selectable<RoundsTable>> {
  const round = await db
    .selectFrom('rounds')
    .selectAll()
    .where('benchmark_id', '=', benchmark.row.id)
    .where('name', '=', name)
    .executeTakeFirst();
  if (!round)
    throw new ApertureError('ERR_NOT_FOUND', `benchmark ${benchmark.row.slug} has no round "${name}"`);
  return round;
}

/** The team `slug`, or ERR_NOT_FOUND. */
export async function requireTeam(db: ArenaDb, slug: string) {
  const team = await db.selectFrom('teams').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!team)
    throw new ApertureError(
      'ERR_NOT_FOUND',
      `no team "${slug}"; create it with \`aperture arena team create\``,
    );
  return team;
}

/** Items read per query on SQLite, whose queries run on the event loop: a page takes a few milliseconds. */
const TRUTH_PAGE = 5000;

/**
 * The public and private items of a round's task, with their truths (server-side only): for each split the
 * shared items, then the round's fresh items, each in insertion order. On SQLite the items are read a page
 * at a time (by id, on the index of benchmark, task, round and split) with a turn for the event loop
 * between pages, so a round of a million items does not stall the server; PostgreSQL answers off the loop.
 */
export async function roundTruth(
  db: ArenaDb,
  benchmarkId: number,
  roundId: number,
  task: string,
): Promise<{ public: SplitTruth; private: SplitTruth }> {
  const pageSize = isPostgres(db) ? undefined : TRUTH_PAGE;
  const split = async (name: 'public' | 'private'): Promise<SplitTruth> => {
    const truth: SplitTruth = { ids: [], truth: [] };
    for (const round of [null, roundId]) {
      for (let after = 0; ; ) {
        const page = await db
          .selectFrom('arena_items')
          .select(['id', 'external_id', 'label'])
          .where('benchmark_id', '=', benchmarkId)
          .where('task', '=', task)
          .where('split', '=', name)
          .where('round_id', round === null ? 'is' : '=', round)
          .where('id', '>', after)
          .orderBy('id')
          .$if(pageSize !== undefined, (query) => query.limit(pageSize!))
          .execute();
        for (const row of page) {
          truth.ids.push(row.external_id);
          truth.truth.push(JSON.parse(row.label));
        }
        if (pageSize === undefined || page.length < pageSize) break;
        after = page.at(-1)!.id;
        await setImmediate();
      }
    }
    return truth;
  };
  return { public: await split('public'), private: await split('private') };
}

/**
 * How many private items without a round each task of a benchmark has (tasks with none are absent). Such
 * items are shared by every round of the benchmark, so they are scored again by each round it has.
 */
export async function sharedPrivateItemCounts(
  db: ArenaDb,
  benchmarkId: number,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('arena_items')
    .select(['task', (eb) => eb.fn.countAll<number>().as('n')])
    .where('benchmark_id', '=', benchmarkId)
    .where('split', '=', 'private')
    .where('round_id', 'is', null)
    .groupBy('task')
    .execute();
  return new Map(rows.map((row) => [row.task, Number(row.n)]));
}

/** Checks a raw label for a metric's input kind; returns the typed truth or why it is refused. */
export function coerceTruth(
  kind: InputKind,
  raw: unknown,
  labels: readonly string[] | undefined,
): { value: Truth<InputKind> } | { message: string } {
  const fromText =
    typeof raw === 'string' && /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(raw) ? Number(raw) : raw;
  switch (kind) {
    case 'label':
      if (typeof raw !== 'string' || !labels?.includes(raw))
        return { message: `label ${JSON.stringify(raw)} is not one of the benchmark's labels` };
      return { value: raw };
    case 'score':
      if (fromText !== 0 && fromText !== 1)
        return { message: `label must be 0 or 1, found ${JSON.stringify(raw)}` };
      return { value: fromText };
    case 'number': {
      if (typeof fromText !== 'number' || !Number.isFinite(fromText))
        return { message: `label must be a finite number, found ${JSON.stringify(raw)}` };
      const problem = numberDomainProblem(fromText);
      if (problem) return { message: `label ${JSON.stringify(raw)} ${problem}` };
      return { value: fromText };
    }
    case 'text':
    case 'samples':
      if (typeof raw !== 'string') return { message: `label must be a string, found ${JSON.stringify(raw)}` };
      return { value: raw };
  }
}

/** An ISO time of `now` (or the current time) as the log writes it. */
export function isoNow(now?: Date): string {
  return (now ?? new Date()).toISOString();
}

/** Runs `work` in a transaction, or in the caller's transaction when `db` already is one. */
export function inTransaction<T>(db: ArenaDb, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}
