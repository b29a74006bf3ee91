import { expect, it } from 'vitest';
import {
  addItems,
  BenchmarkDefinitionSchema,
  closeRound,
  createBenchmark,
  leaderboard,
  listRounds,
  loadDemoArena,
  openRound,
  teamHistory,
} from '../src/arena/index.ts';
import { migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';
import {
  DURING_ROUND_TWO,
  roundOnePrivateNumbers,
  SHARED_ROUND_TWO,
  SHARED_ROUNDS_SLUG,
  seedSharedPrivateRounds,
} from './support/shared-private-rounds.ts';

/*
 * Private items are scored in one round only (docs/arena.md, "Private items serve one round"): a later
 * round may not reuse them, and where a database already holds rounds that do (the demo's did), a closed
 * round's private scores on them are withheld until every round using them has closed.
 */

const TWO_ROUNDS = BenchmarkDefinitionSchema.parse({
  slug: 'two-rounds',
  title: 'Two rounds',
  metric: 'accuracy',
  labels: ['yes', 'no'],
  ladder: { kind: 'fixed', step: 0.01 },
  dailyCap: 5,
  rounds: [
    {
      name: 'round-1',
      opensAt: '2025-01-01T00:00:00Z',
      freezesAt: '2025-01-08T00:00:00Z',
      closesAt: '2025-01-15T00:00:00Z',
    },
    {
      name: 'round-2',
      opensAt: '2025-02-01T00:00:00Z',
      freezesAt: '2025-02-08T00:00:00Z',
      closesAt: '2025-02-15T00:00:00Z',
    },
  ],
});

const ITEMS = [
  { id: 'h1', label: 'yes' },
  { id: 'h2', label: 'no' },
];

/** The withholding of round-1's scores while round-2 runs. */
const UNTIL_ROUND_TWO = {
  rounds: ['round-2'],
  until: SHARED_ROUND_TWO.closesAt,
  reason: `round-2 still scores the same private items; shown once round-2 closes (scheduled ${SHARED_ROUND_TWO.closesAt})`,
};

forEachDialect('arena private items serve one round', (ctx) => {
  it('refuses private items without a round on a benchmark of several rounds, naming the field', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    await createBenchmark(store.db, TWO_ROUNDS, { now: new Date('2025-01-01T00:00:00Z') });
    const shared = addItems(
      store.db,
      { benchmark: 'two-rounds', split: 'private', items: ITEMS },
      { now: new Date('2025-01-01T00:00:00Z') },
    );
    await expect(shared).rejects.toMatchObject({
      code: 'ERR_CONFLICT',
      field: 'round',
      message:
        'benchmark two-rounds has 2 rounds and a private item is scored in one round only: name its round (round-1, round-2)',
    });
    // Public items are shared by every round, and a round's own private items are fine.
    await expect(
      addItems(store.db, { benchmark: 'two-rounds', split: 'public', items: [{ id: 'p1', label: 'yes' }] }),
    ).resolves.toMatchObject({ inserted: 1 });
    await expect(
      addItems(
        store.db,
        { benchmark: 'two-rounds', split: 'private', round: 'round-1', items: ITEMS },
        { now: new Date('2025-01-09T00:00:00Z') },
      ),
    ).resolves.toMatchObject({ inserted: 2 });
    const items = await store.db.selectFrom('arena_items').select('external_id').execute();
    expect(items.map((item) => item.external_id).sort()).toEqual(['h1', 'h2', 'p1']);
  });

  it('refuses a second round on a benchmark whose private items have no round', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    await createBenchmark(
      store.db,
      { ...TWO_ROUNDS, slug: 'one-round', rounds: TWO_ROUNDS.rounds.slice(0, 1) },
      { now: new Date('2025-01-01T00:00:00Z') },
    );
    await addItems(store.db, { benchmark: 'one-round', split: 'private', items: ITEMS });
    const round = {
      name: 'round-2',
      opensAt: '2025-02-01T00:00:00Z',
      freezesAt: '2025-02-08T00:00:00Z',
      closesAt: '2025-02-15T00:00:00Z',
    };
    await expect(openRound(store.db, 'one-round', round)).rejects.toMatchObject({
      code: 'ERR_CONFLICT',
      message:
        'benchmark one-round scores its 2 private item(s) without a round in round-1; a private item is scored in one round only, so it takes no second round: run later rounds on a new benchmark whose private items name their round',
    });
    expect((await listRounds(store.db, 'one-round')).map((entry) => entry.name)).toEqual(['round-1']);
    // A benchmark whose private items all name their round takes any number of rounds.
    await createBenchmark(
      store.db,
      { ...TWO_ROUNDS, slug: 'fresh-rounds', rounds: TWO_ROUNDS.rounds.slice(0, 1) },
      { now: new Date('2025-01-01T00:00:00Z') },
    );
    await addItems(
      store.db,
      { benchmark: 'fresh-rounds', split: 'private', round: 'round-1', items: [{ id: 'f1', label: 'no' }] },
      { now: new Date('2025-01-09T00:00:00Z') },
    );
    await expect(openRound(store.db, 'fresh-rounds', round)).resolves.toMatchObject({
      id: expect.any(Number),
    });
  });

  it('withholds round-1 private scores a database already reuses in round-2, saying why and until when', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    await seedSharedPrivateRounds(store.db);
    const secrets = await roundOnePrivateNumbers(store.db);
    expect(secrets.length).toBeGreaterThan(4);

    const history = await teamHistory(store.db, SHARED_ROUNDS_SLUG, 'owls');
    expect(history.submissions.map((entry) => [entry.round, entry.privateScore])).toEqual([
      ['round-1', null],
      ['round-2', null],
    ]);
    expect(history.submissions[0]!.privateWithheld).toEqual(UNTIL_ROUND_TWO);
    // Round-2 is not closed: its scores are hidden as any running round's are, not withheld.
    expect(history.submissions[1]!.privateWithheld).toBeNull();

    const board = await leaderboard(store.db, SHARED_ROUNDS_SLUG, 'round-1', { now: DURING_ROUND_TWO });
    expect(board).toMatchObject({ kind: 'public', bootstrap: null, withheld: UNTIL_ROUND_TWO });
    expect(board.round).toMatchObject({ phase: 'closed' });
    // The public board of the closed round: the Ladder's releases, no intervals.
    expect(board.entries.map((entry) => [entry.team, entry.lower, entry.upper])).toEqual([
      ['owls', null, null],
      ['foxes', null, null],
    ]);
    expect(board.entries.map((entry) => entry.score)).toEqual([0, 1]);

    const rounds = await listRounds(store.db, SHARED_ROUNDS_SLUG, { now: DURING_ROUND_TWO });
    expect(rounds.map((round) => [round.name, round.phase, round.withheld])).toEqual([
      ['round-1', 'closed', UNTIL_ROUND_TWO],
      ['round-2', 'frozen', null],
    ]);
    expect(rounds[0]!.tasks[0]!.withheld).toEqual(UNTIL_ROUND_TWO);

    const seen = JSON.stringify([history, board, rounds]);
    expect(secrets.filter((secret) => seen.includes(String(secret)))).toEqual([]);

    // Once round-2 closes, both rounds' private scores are out.
    await closeRound(store.db, SHARED_ROUNDS_SLUG, 'round-2', { now: DURING_ROUND_TWO, force: true });
    const after = await teamHistory(store.db, SHARED_ROUNDS_SLUG, 'owls');
    expect(after.submissions.every((entry) => entry.privateScore !== null)).toBe(true);
    expect(after.submissions.map((entry) => entry.privateWithheld)).toEqual([null, null]);
    expect(secrets).toContain(after.submissions[0]!.privateScore);
    const revealed = await leaderboard(store.db, SHARED_ROUNDS_SLUG, 'round-1');
    expect(revealed).toMatchObject({ kind: 'private', withheld: null });
    expect(revealed.entries.every((entry) => entry.lower !== null)).toBe(true);
  });

  it('closing a round whose private items another round still scores returns no private score', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    await seedSharedPrivateRounds(store.db, { closeRoundOne: false });
    const results = await closeRound(store.db, SHARED_ROUNDS_SLUG, 'round-1', { now: DURING_ROUND_TWO });
    expect(results).toMatchObject({ entries: [], withheld: UNTIL_ROUND_TWO, items: 8 });
    expect(results.tasks).toEqual([
      expect.objectContaining({ task: 'main', entries: [], withheld: UNTIL_ROUND_TWO, items: 8 }),
    ]);
    // The results are stored all the same, to be shown when round-2 closes.
    const secrets = await roundOnePrivateNumbers(store.db);
    expect(secrets.length).toBeGreaterThan(4);
    expect(secrets.filter((secret) => JSON.stringify(results).includes(String(secret)))).toEqual([]);
    const closedTwo = await closeRound(store.db, SHARED_ROUNDS_SLUG, 'round-2', {
      now: DURING_ROUND_TWO,
      force: true,
    });
    expect(closedTwo).toMatchObject({ withheld: null });
    expect(closedTwo.entries).toHaveLength(2);
    expect((await leaderboard(store.db, SHARED_ROUNDS_SLUG, 'round-1')).entries).toHaveLength(2);
  });

  it('the demo gives each round its own private items, so its closed round shows its private scores', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    await loadDemoArena(store.db);
    const shared = await store.db
      .selectFrom('arena_items')
      .select('external_id')
      .where('split', '=', 'private')
      .where('round_id', 'is', null)
      .execute();
    expect(shared).toEqual([]);
    for (const slug of ['demo-toy-sentiment', 'demo-toy-reviews']) {
      const rounds = await listRounds(store.db, slug);
      expect(rounds.map((round) => round.withheld)).toEqual([null, null]);
      for (const round of rounds) expect(round.privateItems).toBeGreaterThan(0);
      const history = await teamHistory(store.db, slug, 'demo-owls');
      const roundOne = history.submissions.filter((entry) => entry.round === 'round-1');
      expect(roundOne.length).toBeGreaterThan(0);
      expect(roundOne.every((entry) => entry.privateScore !== null && entry.privateWithheld === null)).toBe(
        true,
      );
      expect((await leaderboard(store.db, slug, 'round-1')).kind).toBe('private');
    }
  });
});
