import { type ArenaDb, requireBenchmark } from './arena-records.ts';
import { type RoundPhase, roundPhase } from './round-phase.ts';

/** A benchmark as lists show it. */
export interface BenchmarkSummary {
  slug: string;
  title: string;
  description: string;
  metric: string;
  higherIsBetter: boolean;
  ladder: { kind: string; step: number | null };
  dailyCap: number;
  labels: string[] | null;
  demo: boolean;
  rounds: number;
}

/** A round as the API shows it. */
export interface RoundSummary {
  name: string;
  phase: RoundPhase;
  opensAt: string;
  freezesAt: string;
  closesAt: string;
  closedAt: string | null;
  publicItems: number;
  privateItems: number;
  submissions: number;
}

/** A benchmark with its rounds, prize tracks and items: public items with labels, private items by id only. */
export interface BenchmarkDetail extends BenchmarkSummary {
  roundList: RoundSummary[];
  prizeTracks: { name: string; description: string; minScore: number | null; minClass: string | null }[];
  publicItems: { id: string; label: unknown; round: string | null }[];
  /** Ids only: private labels never leave the server. */
  privateItems: { id: string; round: string | null }[];
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
  }));
}

/**
 * The rounds of a benchmark with their phase at `now` and item and submission counts, oldest first.
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
    .select(['round_id', 'split', (eb) => eb.fn.countAll<number>().as('n')])
    .where('benchmark_id', '=', benchmark.row.id)
    .groupBy(['round_id', 'split'])
    .execute();
  const submissions = await db
    .selectFrom('submissions')
    .innerJoin('rounds', 'rounds.id', 'submissions.round_id')
    .select(['submissions.round_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('rounds.benchmark_id', '=', benchmark.row.id)
    .groupBy('submissions.round_id')
    .execute();
  const itemsOf = (roundId: number, split: string) =>
    counts
      .filter((count) => count.split === split && (count.round_id === null || count.round_id === roundId))
      .reduce((sum, count) => sum + Number(count.n), 0);
  return rounds.map((round) => ({
    name: round.name,
    phase: roundPhase(round, now),
    opensAt: round.opens_at,
    freezesAt: round.freezes_at,
    closesAt: round.closes_at,
    closedAt: round.closed_at,
    publicItems: itemsOf(round.id, 'public'),
    privateItems: itemsOf(round.id, 'private'),
    submissions: Number(submissions.find((row) => row.round_id === round.id)?.n ?? 0),
  }));
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
    .select(['arena_items.external_id', 'arena_items.label', 'rounds.name'])
    .where('arena_items.split', '=', 'public')
    .execute();
  const privateItems = await items
    .select(['arena_items.external_id', 'rounds.name'])
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
      label: JSON.parse(item.label),
      round: item.name,
    })),
    privateItems: privateItems.map((item) => ({ id: item.external_id, round: item.name })),
  };
}
