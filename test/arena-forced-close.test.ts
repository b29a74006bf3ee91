import { expect, it } from 'vitest';
// The arena's own lock, taken here to hold a close back as a long submission would.
import { lockArena } from '../src/arena/arena-records.ts';
import { closeRound, leaderboard, listBenchmarks, submitPredictions } from '../src/arena/index.ts';
import { runCli } from '../src/cli/test-support/recording-io.ts';
import { buildServer } from '../src/server/index.ts';
import { migrateToLatest } from '../src/store/index.ts';
import { DURING_ROUND, predictionsCsv, seedArena } from './support/arena-fixture.ts';
import { forEachDialect } from './support/dialects.ts';

/*
 * A forced close (issue 12, item 11): a round closed before its scheduled close time says when it really
 * closed, not when it was scheduled to: in closeRound's answer, the CLI's line, the API's body, the
 * leaderboard, and the refusal a late submission gets. The close time is taken once the close holds the
 * arena lock, so no submission accepted before the close carries a later time.
 */

const SCHEDULED = '2025-03-15T00:00:00.000Z';
const FAR_CLOSE = '2099-01-01T00:00:00.000Z';
const ADMIN = 'forced-close-test-admin-token-0c6d29e5';

forEachDialect('arena forced close', (ctx) => {
  it('records and reports the time of the close, and a late submission is told that time', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const { tokens } = await seedArena(store.db);
    const input = { benchmark: 'fixture-qa', round: 'round-1', format: 'csv' as const };
    await submitPredictions(
      store.db,
      { ...input, token: tokens.foxes, bytes: predictionsCsv(5, 5) },
      { now: DURING_ROUND },
    );
    const results = await closeRound(store.db, 'fixture-qa', 'round-1', { now: DURING_ROUND, force: true });
    expect(results).toMatchObject({ closedAt: DURING_ROUND.toISOString(), closesAt: SCHEDULED });
    const board = await leaderboard(store.db, 'fixture-qa', 'round-1');
    expect(board.round).toMatchObject({ closedAt: DURING_ROUND.toISOString(), closesAt: SCHEDULED });
    const [benchmark] = await listBenchmarks(store.db);
    expect(benchmark!.rounds).toBe(1);

    const late = submitPredictions(
      store.db,
      { ...input, token: tokens.owls, bytes: predictionsCsv(9, 9) },
      { now: new Date('2025-03-11T00:00:00.000Z') },
    );
    await expect(late).rejects.toMatchObject({
      code: 'ERR_CONFLICT',
      message: `round round-1 closed at ${DURING_ROUND.toISOString()}, before its scheduled close at ${SCHEDULED}; it takes no more predictions`,
    });
  });

  it('takes the close time once it holds the arena lock, not when it was asked', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    await seedArena(store.db, {
      rounds: [
        {
          name: 'round-1',
          opensAt: '2025-03-01T00:00:00Z',
          freezesAt: '2025-03-08T00:00:00Z',
          closesAt: FAR_CLOSE,
        },
      ],
    });
    let release!: () => void;
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => {
      locked = resolve;
    });
    // Another transaction holds the lock, as a submission being stored does.
    const holder = store.db.transaction().execute(async (trx) => {
      await lockArena(trx);
      locked();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    await holding;
    const askedAt = new Date().toISOString();
    const closing = closeRound(store.db, 'fixture-qa', 'round-1', { force: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const releasedAt = new Date().toISOString();
    release();
    await holder;
    const results = await closing;
    expect(askedAt < releasedAt).toBe(true);
    expect(
      results.closedAt >= releasedAt,
      `closed at ${results.closedAt}, lock released at ${releasedAt}`,
    ).toBe(true);
  });

  it('the CLI and the API say when a forced close happened, before the scheduled time', async () => {
    const store = await ctx.open();
    await migrateToLatest(store);
    const { tokens } = await seedArena(store.db, {
      rounds: [
        {
          name: 'round-1',
          opensAt: '2025-03-01T00:00:00Z',
          freezesAt: '2025-03-08T00:00:00Z',
          closesAt: FAR_CLOSE,
        },
        {
          name: 'round-2',
          opensAt: '2025-03-01T00:00:00Z',
          freezesAt: '2025-03-08T00:00:00Z',
          closesAt: FAR_CLOSE,
        },
      ],
    });
    await submitPredictions(store.db, {
      benchmark: 'fixture-qa',
      round: 'round-1',
      format: 'csv',
      token: tokens.foxes,
      bytes: predictionsCsv(5, 5),
    });
    const { args, env } = ctx.cli();
    const before = new Date().toISOString();
    const closed = await runCli(['arena', 'close-round', 'fixture-qa', 'round-1', '--force', ...args], {
      env,
    });
    const after = new Date().toISOString();
    expect(closed.code, closed.stderr).toBe(0);
    const line =
      /^closed fixture-qa round-1 at (\S+), before its scheduled close at (\S+): 1 team\(s\) ranked on 20 private item\(s\)\n$/.exec(
        closed.stdout,
      );
    expect(line, closed.stdout).not.toBeNull();
    expect(line![1]! >= before && line![1]! <= after, `${line![1]} between ${before} and ${after}`).toBe(
      true,
    );
    expect(line![2]).toBe(FAR_CLOSE);
    const board = await runCli(['arena', 'leaderboard', 'fixture-qa', '--round', 'round-1', ...args], {
      env,
    });
    expect(board.stdout).toContain(`private leaderboard (closed ${line![1]};`);

    const app = await buildServer({ db: store.db, dialect: store.dialect, adminToken: ADMIN });
    try {
      const sent = new Date().toISOString();
      const answer = await app.inject({
        method: 'POST',
        url: '/api/arena/benchmarks/fixture-qa/rounds/round-2/close',
        headers: { authorization: `Bearer ${ADMIN}` },
        payload: { force: true },
      });
      expect(answer.statusCode, answer.body).toBe(200);
      const body = answer.json();
      expect(body.closesAt).toBe(FAR_CLOSE);
      expect(body.closedAt >= sent && body.closedAt <= new Date().toISOString()).toBe(true);
    } finally {
      await app.close();
    }
  });
});
