import type { Kysely } from 'kysely';
import {
  addItems,
  BenchmarkDefinitionSchema,
  closeRound,
  createBenchmark,
  createTeam,
  issueToken,
  submitPredictions,
} from '../../../src/arena/index.ts';
import type { Database } from '../../../src/store/index.ts';

/** The two-task benchmark's slug. */
export const TASK_ARENA_SLUG = 'fixture-two-tasks';

const OPENS = '2025-02-03T00:00:00Z';
const FREEZES = '2025-02-10T00:00:00Z';
const CLOSES = '2025-02-17T00:00:00Z';

/**
 * Per attempt, how many of the ten sentiment items each team gets right (the first ones: the six private
 * items, then the four public ones) and how far off its star ratings are: the owls lead on sentiment
 * (accuracy, higher is better) and the foxes on rating (RMSE, lower is better), far enough apart that
 * their intervals do not overlap, so the two leaderboards rank the teams in opposite orders.
 */
const TEAMS = [
  { slug: 'owls', name: 'Owls', rightOf10: [7, 10], starsOff: [2, 1.5] },
  { slug: 'foxes', name: 'Foxes', rightOf10: [1, 2], starsOff: [1, 0.5] },
] as const;

const SENTIMENT = ['pos', 'neg'] as const;

/** Item `index` of a task: ids are unique over the benchmark, so each task prefixes its own. */
function sentimentItem(index: number) {
  return { id: `sent-${index}`, label: SENTIMENT[index % 2]! };
}
function ratingItem(index: number) {
  return { id: `stars-${index}`, label: 1 + (index % 5) };
}

/**
 * A benchmark with two tasks of different metrics (sentiment by accuracy, star rating by RMSE), ten items
 * per task (six private, four public), two teams that each submitted twice to each task, and its one
 * round closed so each task has a private leaderboard with intervals.
 *
 * @example
 * dashboard = await startDashboard('arena', (db) => seedTaskArena(db));
 */
export async function seedTaskArena(db: Kysely<Database>): Promise<{ benchmark: string }> {
  const definition = BenchmarkDefinitionSchema.parse({
    slug: TASK_ARENA_SLUG,
    title: 'Fixture Reviews (two tasks)',
    description: 'Product reviews judged twice: their sentiment and their star rating.',
    metric: 'accuracy',
    ladder: { kind: 'fixed', step: 0.01 },
    dailyCap: 5,
    tasks: [
      {
        id: 'sentiment',
        title: 'Sentiment',
        description: 'Is the review positive or negative?',
        labels: [...SENTIMENT],
      },
      {
        id: 'rating',
        title: 'Star rating',
        description: 'How many stars (1 to 5) did the reviewer give?',
        metric: 'rmse',
      },
    ],
    rounds: [{ name: 'round-1', opensAt: OPENS, freezesAt: FREEZES, closesAt: CLOSES }],
  });
  const start = new Date(OPENS);
  await createBenchmark(db, definition, { now: start });
  const sentiment = Array.from({ length: 10 }, (_, index) => sentimentItem(index));
  const rating = Array.from({ length: 10 }, (_, index) => ratingItem(index));
  for (const [task, items] of [
    ['sentiment', sentiment],
    ['rating', rating],
  ] as const) {
    await addItems(db, { benchmark: TASK_ARENA_SLUG, split: 'private', task, items: items.slice(0, 6) });
    await addItems(db, { benchmark: TASK_ARENA_SLUG, split: 'public', task, items: items.slice(6) });
  }
  for (const [teamIndex, team] of TEAMS.entries()) {
    await createTeam(db, team, { now: start });
    const { token } = await issueToken(db, team.slug, 'submit', { now: start });
    for (let attempt = 0; attempt < 2; attempt++) {
      const now = new Date(Date.parse(FREEZES) + (attempt * 24 + 9 + teamIndex) * 3_600_000);
      const right = team.rightOf10[attempt]!;
      const sentimentRows = sentiment.map(
        (item, index) => `${item.id},${index < right ? item.label : SENTIMENT[(index + 1) % 2]}`,
      );
      const ratingRows = rating.map((item) => `${item.id},${item.label + team.starsOff[attempt]!}`);
      for (const [task, rows] of [
        ['sentiment', sentimentRows],
        ['rating', ratingRows],
      ] as const) {
        await submitPredictions(
          db,
          {
            benchmark: TASK_ARENA_SLUG,
            round: 'round-1',
            task,
            token,
            bytes: Buffer.from(`id,prediction\n${rows.join('\n')}\n`),
            format: 'csv',
          },
          { now },
        );
      }
    }
  }
  await closeRound(db, TASK_ARENA_SLUG, 'round-1', { now: new Date(CLOSES) });
  return { benchmark: TASK_ARENA_SLUG };
}
