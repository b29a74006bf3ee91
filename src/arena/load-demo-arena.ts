import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { ApertureError } from '../errors.ts';
import type { Database } from '../store/index.ts';
import { addItems } from './add-items.ts';
import { parseBenchmarkDefinition } from './benchmark-definition.ts';
import { closeRound } from './close-round.ts';
import { createBenchmark } from './create-benchmark.ts';
import { createRandom } from './seeded-random.ts';
import { submitPredictions } from './submit-predictions.ts';
import { createTeam, issueToken, revokeToken } from './team-tokens.ts';

/** The bundled demo benchmark's path relative to the package root. */
export const DEMO_ARENA_RELATIVE_PATH = path.join('demo', 'arena', 'demo-benchmark.yaml');

/** Fictional demo teams and how often their predictions are right in each round. */
const DEMO_TEAMS = [
  { slug: 'demo-owls', name: 'Owls (fictional)', skill: [0.78, 0.81] },
  { slug: 'demo-foxes', name: 'Foxes (fictional)', skill: [0.74, 0.8] },
  { slug: 'demo-herons', name: 'Herons (fictional)', skill: [0.61, 0.66] },
] as const;

/** The bundled demo/arena/demo-benchmark.yaml, found from this module (src/arena or dist/src/arena). */
export function demoArenaPath(): string {
  const candidates = [2, 3].map((levels) =>
    path.resolve(import.meta.dirname, ...Array<string>(levels).fill('..'), DEMO_ARENA_RELATIVE_PATH),
  );
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found)
    throw new ApertureError(
      'ERR_NOT_FOUND',
      `the bundled demo arena is missing (looked for ${candidates.join(' and ')})`,
    );
  return found;
}

/**
 * Loads the fictional demo benchmark: items generated from the YAML's seed, three invented teams, a closed
 * first round with its private leaderboard, and submissions to a second round still open. Does nothing
 * when the benchmark exists (safe to repeat). Demo tokens are revoked once used, so no live credential
 * is left behind.
 *
 * @example
 * const { loaded } = await loadDemoArena(store.db);
 */
export async function loadDemoArena(
  db: Kysely<Database>,
): Promise<{ loaded: boolean; benchmark: string; submissions: number }> {
  const file = demoArenaPath();
  const definition = parseBenchmarkDefinition(await readFile(file, 'utf8'), DEMO_ARENA_RELATIVE_PATH);
  const existing = await db
    .selectFrom('benchmarks')
    .select('id')
    .where('slug', '=', definition.slug)
    .executeTakeFirst();
  if (existing) return { loaded: false, benchmark: definition.slug, submissions: 0 };
  const demo = definition.demo!;
  const labels = definition.labels!;
  const random = createRandom(demo.seed);
  const item = (prefix: string, index: number) => ({
    id: `${prefix}-${String(index + 1).padStart(4, '0')}`,
    label: labels[random.nextIndex(labels.length)]!,
  });
  const publicItems = Array.from({ length: demo.publicItems }, (_, index) => item('pub', index));
  const privateItems = Array.from({ length: demo.privateItems }, (_, index) => item('hid', index));
  const start = new Date(definition.rounds[0]!.opensAt);
  await createBenchmark(db, definition, { now: start, demo: true });
  await addItems(db, { benchmark: definition.slug, split: 'public', items: publicItems }, { now: start });
  await addItems(db, { benchmark: definition.slug, split: 'private', items: privateItems }, { now: start });

  const all = [...publicItems, ...privateItems];
  let submissions = 0;
  for (const team of DEMO_TEAMS) await createTeam(db, team, { now: start });
  for (const [roundIndex, round] of definition.rounds.entries()) {
    for (const [teamIndex, team] of DEMO_TEAMS.entries()) {
      const { id, token } = await issueToken(db, team.slug, 'submit', { now: start });
      // Two attempts a day for three days after the freeze, improving a little each time.
      for (let attempt = 0; attempt < 3; attempt++) {
        const skill = team.skill[roundIndex]! - 0.06 * (2 - attempt);
        const rows = all.map(({ id: itemId, label }) => {
          const right = random.nextOpenUnit() < skill;
          const guess = right
            ? label
            : labels[(labels.indexOf(label) + 1 + random.nextIndex(2)) % labels.length]!;
          return `${itemId},${guess}`;
        });
        const time = new Date(Date.parse(round.freezesAt) + (attempt * 24 + 9 + teamIndex) * 3_600_000);
        await submitPredictions(
          db,
          {
            benchmark: definition.slug,
            round: round.name,
            token,
            bytes: Buffer.from(`id,prediction\n${rows.join('\n')}\n`),
            format: 'csv',
          },
          { now: time },
        );
        submissions++;
      }
      await revokeToken(db, id, { now: start });
    }
    if (roundIndex === 0)
      await closeRound(db, definition.slug, round.name, { now: new Date(round.closesAt) });
  }
  return { loaded: true, benchmark: definition.slug, submissions };
}
