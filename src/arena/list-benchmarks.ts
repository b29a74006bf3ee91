import type { Selectable } from 'kysely';
import type { BenchmarkDetail, BenchmarkSummary, RoundSummary, TaskSummary } from '../spec/index.ts';
import type { BenchmarkTasksTable } from '../store/index.ts';
import { type ArenaDb, requireBenchmark } from './arena-records.ts';
import { roundPhase } from './round-phase.ts';
import { privateWithholding } from './withhold-private-results.ts';

/** A stored task as lists show it. */
function taskSummary(task: Selectable<BenchmarkTasksTable>): TaskSummary {
  return {
    id: task.name,
    title: task.title,
    description: task.description,
    metric: task.metric,
    higherIsBetter: task.higher_is_better === 1,
    labels: task.label_set === null ? null : (JSON.parse(task.label_set) as string[]),
  };
}

/**
 * The tasks of the benchmark `slug`, primary first; none when there is no such benchmark.
 *
 * @example
 * (await listTasks(db, 'demo-toy-reviews')).map((task) => task.id); // ['sentiment', 'stars']
 */
export async function listTasks(db: ArenaDb, benchmarkSlug: string): Promise<TaskSummary[]> {
  const rows = await db
    .selectFrom('benchmark_tasks')
    .innerJoin('benchmarks', 'benchmarks.id', 'benchmark_tasks.benchmark_id')
    .selectAll('benchmark_tasks')
    .where('benchmarks.slug', '=', benchmarkSlug)
    .orderBy('benchmark_tasks.position')
    .execute();
  return rows.map(taskSummary);
}

/**
 * Every benchmark, by slug.
 *
 * @example
 * const benchmarks = await listBenchmarks(db);
 */
export async function listBenchmarks(db: ArenaDb): Promise<BenchmarkSummary[]> {
  const rows = await db
    .selectFrom('benchmarks')
    .selectAll('benchmarks')
    .select((eb) =>
      eb
        .selectFrom('rounds')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('rounds.benchmark_id', '=', 'benchmarks.id')
        .as('round_count'),
    )
    .orderBy('slug')
    .execute();
  const tasks = await db
    .selectFrom('benchmark_tasks')
    .selectAll()
    .orderBy('benchmark_id')
    .orderBy('position')
    .execute();
  const tasksOf = (benchmarkId: number): TaskSummary[] =>
    tasks.filter((task) => task.benchmark_id === benchmarkId).map(taskSummary);
  return rows.map((row) => ({
    slug: row.slug,
    title: row.title,
    description: row.description,
    metric: row.metric,
    higherIsBetter: row.higher_is_better === 1,
    ladder: { kind: row.ladder_kind, step: row.ladder_step },
    dailyCap: row.daily_cap,
    labels: row.label_set === null ? null : (JSON.parse(row.label_set) as string[]),
    demo: row.demo === 1,
    rounds: Number(row.round_count ?? 0),
    tasks: tasksOf(row.id),
  }));
}

/**
 * The rounds of a benchmark with their phase at `now`, item and submission counts, and whether a closed
 * round's private results are withheld (see privateWithholding), oldest first.
 */
export async function listRounds(
  db: ArenaDb,
  benchmarkSlug: string,
  options: { now?: Date } = {},
): Promise<RoundSummary[]> {
  const benchmark = await requireBenchmark(db, benchmarkSlug);
  const now = options.now ?? new Date();
  const rounds = await db
    .selectFrom('rounds')
    .selectAll()
    .where('benchmark_id', '=', benchmark.row.id)
    .orderBy('opens_at')
    .orderBy('id')
    .execute();
  const counts = await db
    .selectFrom('arena_items')
    .select(['round_id', 'split', 'task', (eb) => eb.fn.countAll<number>().as('n')])
    .where('benchmark_id', '=', benchmark.row.id)
    .groupBy(['round_id', 'split', 'task'])
    .execute();
  const submissions = await db
    .selectFrom('submissions')
    .innerJoin('rounds', 'rounds.id', 'submissions.round_id')
    .select(['submissions.round_id', 'submissions.task', (eb) => eb.fn.countAll<number>().as('n')])
    .where('rounds.benchmark_id', '=', benchmark.row.id)
    .groupBy(['submissions.round_id', 'submissions.task'])
    .execute();
  const itemsOf = (roundId: number, split: string, task?: string) =>
    counts
      .filter(
        (count) =>
          count.split === split &&
          (task === undefined || count.task === task) &&
          (count.round_id === null || count.round_id === roundId),
      )
      .reduce((sum, count) => sum + Number(count.n), 0);
  const submissionsOf = (roundId: number, task?: string) =>
    submissions
      .filter((row) => row.round_id === roundId && (task === undefined || row.task === task))
      .reduce((sum, row) => sum + Number(row.n), 0);
  const withheld = await privateWithholding(db, benchmark);
  return rounds.map((round) => {
    const tasks = benchmark.tasks.map((task) => ({
      id: task.name,
      publicItems: itemsOf(round.id, 'public', task.name),
      privateItems: itemsOf(round.id, 'private', task.name),
      submissions: submissionsOf(round.id, task.name),
      withheld: withheld(round.id, task.name),
    }));
    return {
      name: round.name,
      phase: roundPhase(round, now),
      opensAt: round.opens_at,
      freezesAt: round.freezes_at,
      closesAt: round.closes_at,
      closedAt: round.closed_at,
      publicItems: itemsOf(round.id, 'public'),
      privateItems: itemsOf(round.id, 'private'),
      submissions: submissionsOf(round.id),
      withheld: tasks.find((task) => task.withheld !== null)?.withheld ?? null,
      tasks,
    };
  });
}

/**
 * A benchmark in full for participants: its rounds, prize tracks, the public items with their labels, and
 * the private items by id only (the query never reads a private label).
 *
 * @example
 * const detail = await benchmarkDetail(db, 'demo-sentiment');
 */
export async function benchmarkDetail(
  db: ArenaDb,
  benchmarkSlug: string,
  options: { now?: Date } = {},
): Promise<BenchmarkDetail> {
  const benchmark = await requireBenchmark(db, benchmarkSlug);
  const summary = (await listBenchmarks(db)).find((entry) => entry.slug === benchmarkSlug)!;
  const roundList = await listRounds(db, benchmarkSlug, options);
  const tracks = await db
    .selectFrom('prize_tracks')
    .select(['name', 'description', 'min_score', 'min_class'])
    .where('benchmark_id', '=', benchmark.row.id)
    .orderBy('name')
    .execute();
  const items = db
    .selectFrom('arena_items')
    .leftJoin('rounds', 'rounds.id', 'arena_items.round_id')
    .where('arena_items.benchmark_id', '=', benchmark.row.id)
    .orderBy('arena_items.id');
  const publicItems = await items
    .select(['arena_items.external_id', 'arena_items.task', 'arena_items.label', 'rounds.name'])
    .where('arena_items.split', '=', 'public')
    .execute();
  const privateItems = await items
    .select(['arena_items.external_id', 'arena_items.task', 'rounds.name'])
    .where('arena_items.split', '=', 'private')
    .execute();
  return {
    ...summary,
    roundList,
    prizeTracks: tracks.map((track) => ({
      name: track.name,
      description: track.description,
      minScore: track.min_score,
      minClass: track.min_class,
    })),
    publicItems: publicItems.map((item) => ({
      id: item.external_id,
      task: item.task,
      label: JSON.parse(item.label),
      round: item.name,
    })),
    privateItems: privateItems.map((item) => ({ id: item.external_id, task: item.task, round: item.name })),
  };
}
