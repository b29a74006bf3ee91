import type { Kysely } from 'kysely';
import {
  addItems,
  BenchmarkDefinitionSchema,
  closeRound,
  createBenchmark,
  createTeam,
  issueToken,
  submitPredictions,
} from '../../src/arena/index.ts';
import type { Database } from '../../src/store/index.ts';

/*
 * A benchmark as databases made before private items were tied to one round can hold it (the demo's did):
 * private items without a round, scored by round-1 and again by round-2. Round-2 is written straight into
 * the rounds table, as openRound no longer adds a round that would reuse them.
 */

/** The benchmark's slug. */
export const SHARED_ROUNDS_SLUG = 'legacy-shared';

/** The teams that play it (created when missing, so the fixture sits beside seedArena's owls and foxes). */
export const SHARED_ROUNDS_TEAMS = ['owls', 'foxes'] as const;

/** Round-1 takes predictions from here until ROUND_ONE_CLOSES. */
const ROUND_ONE = {
  name: 'round-1',
  opensAt: '2025-04-01T00:00:00.000Z',
  freezesAt: '2025-04-08T00:00:00.000Z',
  closesAt: '2025-04-15T00:00:00.000Z',
};

/** Round-2, which scores the same private items; it closes far in the future. */
export const SHARED_ROUND_TWO = {
  name: 'round-2',
  opensAt: '2025-04-16T00:00:00.000Z',
  freezesAt: '2025-04-20T00:00:00.000Z',
  closesAt: '2099-01-01T00:00:00.000Z',
};

/** A time after round-2's freeze, when it takes predictions. */
export const DURING_ROUND_TWO = new Date('2025-04-21T12:00:00.000Z');

/** The private items (star ratings, RMSE), shared by both rounds. */
const PRIVATE_LABELS = [4, 1, 5, 2, 3, 3, 5, 1];
/** The public items. */
const PUBLIC_LABELS = [1, 2, 3, 4, 5];

/**
 * How far each team's round-1 guess is from each private label: uneven, so its RMSE is a long decimal that
 * cannot turn up in a response by chance (the walk searches for it).
 */
const ROUND_ONE_ERRORS: Record<(typeof SHARED_ROUNDS_TEAMS)[number], number[]> = {
  owls: [0.37, -1.13, 0.71, 0.29, -0.53, 1.07, -0.19, 0.83],
  foxes: [1.41, 0.23, -0.97, 1.19, 0.61, -1.31, 0.47, -0.89],
};

/** Predictions of every public and private item: public off by `publicError`, private by `errors`. */
function predictionsCsv(publicError: number, errors: readonly number[]): Buffer {
  const rows = [
    'id,prediction',
    ...PUBLIC_LABELS.map((label, i) => `lp${i},${label + publicError}`),
    ...PRIVATE_LABELS.map((label, i) => `lh${i},${label + errors[i]!}`),
  ];
  return Buffer.from(`${rows.join('\n')}\n`);
}

/**
 * Seeds the benchmark `slug` (SHARED_ROUNDS_SLUG by default): one submission per team to round-1 and to
 * round-2 on the same private items, with round-1 closed (as the demo's was) unless `closeRoundOne` is
 * false, in which case both rounds are still open and round-1 has ended.
 *
 * @example
 * await seedSharedPrivateRounds(store.db);
 * await teamHistory(store.db, SHARED_ROUNDS_SLUG, 'owls'); // round-1's private scores are withheld
 */
export async function seedSharedPrivateRounds(
  db: Kysely<Database>,
  options: { slug?: string; closeRoundOne?: boolean } = {},
): Promise<{ benchmark: string }> {
  const slug = options.slug ?? SHARED_ROUNDS_SLUG;
  const start = new Date(ROUND_ONE.opensAt);
  await createBenchmark(
    db,
    BenchmarkDefinitionSchema.parse({
      slug,
      title: 'Legacy shared rounds',
      metric: 'rmse',
      ladder: { kind: 'fixed', step: 0.01 },
      dailyCap: 10,
      rounds: [ROUND_ONE],
    }),
    { now: start },
  );
  const items = (prefix: string, labels: readonly number[]) =>
    labels.map((label, i) => ({ id: `${prefix}${i}`, label: String(label) }));
  await addItems(db, { benchmark: slug, split: 'public', items: items('lp', PUBLIC_LABELS) }, { now: start });
  // Without a round: shared by every round of the benchmark, which is allowed while it has one round.
  await addItems(
    db,
    { benchmark: slug, split: 'private', items: items('lh', PRIVATE_LABELS) },
    { now: start },
  );
  const tokens: Record<string, string> = {};
  for (const team of SHARED_ROUNDS_TEAMS) {
    const exists = await db.selectFrom('teams').select('id').where('slug', '=', team).executeTakeFirst();
    if (!exists) await createTeam(db, { slug: team }, { now: start });
    tokens[team] = (await issueToken(db, team, 'submit', { now: start })).token;
  }
  const submitAll = async (
    round: string,
    now: Date,
    errorsOf: (team: (typeof SHARED_ROUNDS_TEAMS)[number]) => number[],
  ) => {
    for (const team of SHARED_ROUNDS_TEAMS)
      await submitPredictions(
        db,
        {
          benchmark: slug,
          round,
          token: tokens[team],
          bytes: predictionsCsv(team === 'owls' ? 0 : 1, errorsOf(team)),
          format: 'csv',
        },
        { now },
      );
  };
  await submitAll(ROUND_ONE.name, new Date('2025-04-10T12:00:00.000Z'), (team) => ROUND_ONE_ERRORS[team]);
  const closeRoundOne = options.closeRoundOne ?? true;
  if (closeRoundOne) await closeRound(db, slug, ROUND_ONE.name, { now: new Date(ROUND_ONE.closesAt) });
  const { id: benchmarkId } = await db
    .selectFrom('benchmarks')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('rounds')
    .values({
      benchmark_id: benchmarkId,
      name: SHARED_ROUND_TWO.name,
      opens_at: SHARED_ROUND_TWO.opensAt,
      freezes_at: SHARED_ROUND_TWO.freezesAt,
      closes_at: SHARED_ROUND_TWO.closesAt,
      status: 'open',
    })
    .execute();
  // Round-2's guesses are a little better, so its scores differ from round-1's.
  await submitAll(SHARED_ROUND_TWO.name, DURING_ROUND_TWO, (team) =>
    ROUND_ONE_ERRORS[team].map((error) => error / 2),
  );
  return { benchmark: slug };
}

/**
 * Round-1's private numbers as the server stores them (each team's private score on every submission,
 * and the bounds of the closed board's intervals): none may reach a client while round-2 runs.
 */
export async function roundOnePrivateNumbers(
  db: Kysely<Database>,
  slug: string = SHARED_ROUNDS_SLUG,
): Promise<number[]> {
  const scores = await db
    .selectFrom('submissions')
    .innerJoin('rounds', 'rounds.id', 'submissions.round_id')
    .innerJoin('benchmarks', 'benchmarks.id', 'rounds.benchmark_id')
    .select(['submissions.private_score', 'rounds.results'])
    .where('benchmarks.slug', '=', slug)
    .where('rounds.name', '=', ROUND_ONE.name)
    .execute();
  const numbers = scores.flatMap((row) => (row.private_score === null ? [] : [row.private_score]));
  const results = scores.find((row) => row.results !== null)?.results;
  if (results) {
    const stored = JSON.parse(results) as { entries: { score: number; lower: number; upper: number }[] };
    for (const entry of stored.entries) numbers.push(entry.score, entry.lower, entry.upper);
  }
  return [...new Set(numbers)];
}
