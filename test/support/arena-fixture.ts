import type { Kysely } from 'kysely';
import {
  addItems,
  type BenchmarkDefinition,
  BenchmarkDefinitionSchema,
  createBenchmark,
  createTeam,
  issueToken,
} from '../../src/arena/index.ts';
import type { Database } from '../../src/store/index.ts';

/** The fixture's clock: inside round-1's submission window (after its freeze, before its close). */
export const DURING_ROUND = new Date('2025-03-10T12:00:00.000Z');
/** After round-1 closes. */
export const AFTER_ROUND = new Date('2025-03-20T00:00:00.000Z');

/** A private answer that must never appear in any API response. */
export function secretAnswer(index: number): string {
  return `zz-private-answer-${index}-q7x`;
}

/** An exact-match benchmark whose private answers are unique strings, with two teams and their tokens. */
export async function seedArena(db: Kysely<Database>, overrides: Partial<BenchmarkDefinition> = {}) {
  const definition = BenchmarkDefinitionSchema.parse({
    slug: 'fixture-qa',
    title: 'Fixture QA',
    metric: 'exact-match',
    ladder: { kind: 'fixed', step: 0.01 },
    dailyCap: 3,
    rounds: [
      {
        name: 'round-1',
        opensAt: '2025-03-01T00:00:00Z',
        freezesAt: '2025-03-08T00:00:00Z',
        closesAt: '2025-03-15T00:00:00Z',
      },
    ],
    prizeTracks: [{ name: 'open-weights', minClass: 'III' }],
    ...overrides,
  });
  await createBenchmark(db, definition, { now: new Date('2025-03-01T00:00:00Z') });
  const publicItems = Array.from({ length: 10 }, (_, i) => ({ id: `p${i}`, label: `public-${i}` }));
  const privateItems = Array.from({ length: 20 }, (_, i) => ({ id: `s${i}`, label: secretAnswer(i) }));
  await addItems(db, { benchmark: definition.slug, split: 'public', items: publicItems });
  await addItems(
    db,
    { benchmark: definition.slug, split: 'private', round: 'round-1', items: privateItems },
    { now: DURING_ROUND },
  );
  await createTeam(db, { slug: 'owls', name: 'Owls' });
  await createTeam(db, { slug: 'foxes', name: 'Foxes' });
  const owls = await issueToken(db, 'owls', 'admin');
  const foxes = await issueToken(db, 'foxes', 'submit');
  return { definition, publicItems, privateItems, tokens: { owls: owls.token, foxes: foxes.token } };
}

/** A predictions CSV answering the public items right and `privateRight` of the private ones right. */
export function predictionsCsv(publicRight: number, privateRight: number): Buffer {
  const rows = ['id,prediction'];
  for (let i = 0; i < 10; i++) rows.push(`p${i},${i < publicRight ? `public-${i}` : 'wrong'}`);
  for (let i = 0; i < 20; i++) rows.push(`s${i},${i < privateRight ? secretAnswer(i) : 'wrong'}`);
  return Buffer.from(`${rows.join('\n')}\n`);
}
