import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { ApertureError } from '../errors.ts';
import type { Database } from '../store/index.ts';
import { addItems } from './add-items.ts';
import { type BenchmarkDefinition, parseBenchmarkDefinition, resolveTasks } from './benchmark-definition.ts';
import { closeRound } from './close-round.ts';
import { createBenchmark } from './create-benchmark.ts';
import { findMetric } from './metrics/registry.ts';
import type { RawItem } from './read-items-file.ts';
import { createRandom, type SeededRandom } from './seeded-random.ts';
import { submitPredictions } from './submit-predictions.ts';
import { createTeam, issueToken, revokeToken } from './team-tokens.ts';

/** The bundled demo benchmarks' paths relative to the package root, loaded in this order. */
export const DEMO_ARENA_RELATIVE_PATHS = [
  path.join('demo', 'arena', 'demo-benchmark.yaml'),
  path.join('demo', 'arena', 'demo-two-tasks.yaml'),
] as const;

/** Fictional demo teams and how often their predictions are right in each round. */
const DEMO_TEAMS = [
  { slug: 'demo-owls', name: 'Owls (fictional)', skill: [0.78, 0.81] },
  { slug: 'demo-foxes', name: 'Foxes (fictional)', skill: [0.74, 0.8] },
  { slug: 'demo-herons', name: 'Herons (fictional)', skill: [0.61, 0.66] },
] as const;

/** Star ratings of the demo's number tasks. */
const STARS = 5;

/** A bundled demo benchmark file, found from this module (src/arena or dist/src/arena). */
export function demoArenaPath(relative: string): string {
  const candidates = [2, 3].map((levels) =>
    path.resolve(import.meta.dirname, ...Array<string>(levels).fill('..'), relative),
  );
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found)
    throw new ApertureError(
      'ERR_NOT_FOUND',
      `the bundled demo arena is missing (looked for ${candidates.join(' and ')})`,
    );
  return found;
}

/** One demo task: its id, how its labels are drawn, and a team's guess at an item. */
interface DemoTask {
  id: string;
  /** Item id prefix: the task id on a benchmark of several tasks, so ids stay unique across tasks. */
  prefix: string;
  draw: (random: SeededRandom) => string | number;
  guess: (truth: string | number, right: boolean, random: SeededRandom) => string | number;
}

/** How the demo fakes items and guesses for a task: a label from the set, or a star rating. */
function demoTask(task: ReturnType<typeof resolveTasks>[number], prefix: string): DemoTask {
  const labels = task.labels;
  if (findMetric(task.metric)?.input === 'label' && labels) {
    return {
      id: task.id,
      prefix,
      draw: (random) => labels[random.nextIndex(labels.length)]!,
      // A wrong guess is one of the other labels.
      guess: (truth, right, random) =>
        right
          ? truth
          : labels[
              (labels.indexOf(truth as string) + 1 + random.nextIndex(labels.length - 1)) % labels.length
            ]!,
    };
  }
  if (task.metric === 'rmse')
    return {
      id: task.id,
      prefix,
      draw: (random) => 1 + random.nextIndex(STARS),
      // A wrong guess is one or two stars off, kept within 1..5.
      guess: (truth, right, random) => {
        if (right) return truth;
        const off = (1 + random.nextIndex(2)) * (random.nextIndex(2) === 0 ? -1 : 1);
        return Math.min(STARS, Math.max(1, (truth as number) + off));
      },
    };
  throw new ApertureError('ERR_INTERNAL', `the demo cannot generate items for metric ${task.metric}`);
}

/** A demo item with its generated label. */
type DemoItem = RawItem & { label: string | number };

/** `count` items of a task, labels drawn from `random`, ids `<task prefix><split>-0001`…. */
function demoItems(task: DemoTask, split: string, count: number, random: SeededRandom): DemoItem[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${task.prefix}${split}-${String(index + 1).padStart(4, '0')}`,
    label: task.draw(random),
  }));
}

/**
 * Loads one fictional demo benchmark: public items of each task generated from the YAML's seed and shared
 * by the rounds, the invented teams, and for each round its own fresh private items (a private item is
 * scored in one round only), added at its freeze; the first round is closed with its private leaderboards,
 * and the second has submissions and is still open.
 */
async function loadDemoBenchmark(db: Kysely<Database>, definition: BenchmarkDefinition): Promise<number> {
  const demo = definition.demo!;
  const random = createRandom(demo.seed);
  const resolved = resolveTasks(definition);
  const tasks = resolved.map((task) => demoTask(task, resolved.length > 1 ? `${task.id}-` : ''));
  const publicOf = tasks.map((task) => demoItems(task, 'pub', demo.publicItems, random));
  const start = new Date(definition.rounds[0]!.opensAt);
  await createBenchmark(db, definition, { now: start, demo: true });
  for (const [index, task] of tasks.entries())
    await addItems(
      db,
      { benchmark: definition.slug, task: task.id, split: 'public', items: publicOf[index]! },
      { now: start },
    );

  let submissions = 0;
  // The demo teams play on every demo benchmark: the first one loaded creates them.
  for (const team of DEMO_TEAMS) {
    const exists = await db.selectFrom('teams').select('id').where('slug', '=', team.slug).executeTakeFirst();
    if (!exists) await createTeam(db, team, { now: start });
  }
  for (const [roundIndex, round] of definition.rounds.entries()) {
    // The round's fresh private items, made at its freeze: after the teams froze their systems.
    const privateOf = tasks.map((task) =>
      demoItems(task, `hid-r${roundIndex + 1}`, demo.privateItems, random),
    );
    for (const [index, task] of tasks.entries())
      await addItems(
        db,
        {
          benchmark: definition.slug,
          task: task.id,
          split: 'private',
          round: round.name,
          items: privateOf[index]!,
        },
        { now: new Date(round.freezesAt) },
      );
    const tokens = [];
    for (const team of DEMO_TEAMS) tokens.push(await issueToken(db, team.slug, 'submit', { now: start }));
    // Each team sends one attempt per task a day for three days after the freeze, improving a little each
    // time, in time order (the transparency log's times never go backwards).
    for (let attempt = 0; attempt < 3; attempt++) {
      for (const [teamIndex, team] of DEMO_TEAMS.entries()) {
        const skill = team.skill[roundIndex]! - 0.06 * (2 - attempt);
        for (const [index, task] of tasks.entries()) {
          const rows = [...publicOf[index]!, ...privateOf[index]!].map(
            ({ id: itemId, label }) =>
              `${itemId},${task.guess(label, random.nextOpenUnit() < skill, random)}`,
          );
          const time = new Date(
            Date.parse(round.freezesAt) + (attempt * 24 + 9 + teamIndex) * 3_600_000 + index * 60_000,
          );
          await submitPredictions(
            db,
            {
              benchmark: definition.slug,
              round: round.name,
              task: task.id,
              token: tokens[teamIndex]!.token,
              bytes: Buffer.from(`id,prediction\n${rows.join('\n')}\n`),
              format: 'csv',
            },
            { now: time },
          );
          submissions++;
        }
      }
    }
    for (const { id } of tokens) await revokeToken(db, id, { now: start });
    if (roundIndex === 0)
      await closeRound(db, definition.slug, round.name, { now: new Date(round.closesAt) });
  }
  return submissions;
}

/**
 * Loads the fictional demo arena: a one-task benchmark and a two-task one, each with items generated
 * from its YAML's seed (public items shared by the rounds, private items fresh in each round), three
 * invented teams, a closed first round with private leaderboards, and submissions to a second round
 * still open. Benchmarks that already exist are left alone (safe to repeat), so a demo database loaded
 * before private items were tied to one round keeps its shared items (see privateWithholding).
 * Demo tokens are revoked once used, so no live credential is left behind.
 *
 * @example
 * const { loaded } = await loadDemoArena(store.db); // ['demo-toy-sentiment', 'demo-toy-reviews'] the first time
 */
export async function loadDemoArena(
  db: Kysely<Database>,
): Promise<{ loaded: string[]; submissions: number }> {
  const loaded: string[] = [];
  let submissions = 0;
  for (const relative of DEMO_ARENA_RELATIVE_PATHS) {
    const definition = parseBenchmarkDefinition(await readFile(demoArenaPath(relative), 'utf8'), relative);
    const existing = await db
      .selectFrom('benchmarks')
      .select('id')
      .where('slug', '=', definition.slug)
      .executeTakeFirst();
    if (existing) continue;
    submissions += await loadDemoBenchmark(db, definition);
    loaded.push(definition.slug);
  }
  return { loaded, submissions };
}
