import { expect, it } from 'vitest';
import { closeRound, exportLog, submitPredictions, verifyLog, verifyStoreLog } from '../src/arena/index.ts';
import { migrateToLatest } from '../src/store/index.ts';
import { DURING_ROUND, predictionsCsv, seedArena } from './support/arena-fixture.ts';
import { forEachDialect } from './support/dialects.ts';

/*
 * A submission checks the round's phase before its transaction; a close that commits in between must win:
 * the submission is refused under the arena lock, so nothing enters the log that the close did not score.
 */

const INPUT = { benchmark: 'fixture-qa', round: 'round-1', format: 'csv' as const };

forEachDialect('arena close racing a submission', (ctx) => {
  it('refuses a submission whose round was closed after its phase check', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const { tokens } = await seedArena(store.db);
    await submitPredictions(
      store.db,
      { ...INPUT, token: tokens.foxes, bytes: predictionsCsv(5, 5) },
      { now: DURING_ROUND },
    );
    const logBefore = await exportLog(store.db);

    let closed = false;
    const racing = submitPredictions(
      store.db,
      { ...INPUT, token: tokens.owls, bytes: predictionsCsv(9, 18) },
      {
        now: DURING_ROUND,
        beforeTransaction: async () => {
          await closeRound(store.db, 'fixture-qa', 'round-1', { now: DURING_ROUND, force: true });
          closed = true;
        },
      },
    );
    await expect(racing).rejects.toMatchObject({
      code: 'ERR_CONFLICT',
      message: expect.stringContaining('takes no more predictions'),
    });
    expect(closed).toBe(true);

    // The log gained the close's entry, and not the refused submission's.
    const logAfter = await exportLog(store.db);
    expect(logAfter.count).toBe(2);
    expect(logAfter.jsonLines.startsWith(logBefore.jsonLines)).toBe(true);
    expect(logAfter.entries[1]).toMatchObject({ kind: 'close', round: 'fixture-qa/round-1' });
    expect(verifyLog(logAfter.entries, { count: 2 })).toMatchObject({ ok: true });
    expect(await verifyStoreLog(store.db)).toMatchObject({ ok: true, submissions: 1, closes: 1 });
    const stored = await store.db.selectFrom('submissions').select('team_id').execute();
    expect(stored).toHaveLength(1);
    const round = await store.db
      .selectFrom('rounds')
      .select(['status', 'results'])
      .where('name', '=', 'round-1')
      .executeTakeFirstOrThrow();
    expect(round.status).toBe('closed');
    const results = JSON.parse(round.results!) as { entries: { team: string }[] };
    expect(results.entries.map((entry) => entry.team)).toEqual(['foxes']);
  });

  it('still accepts a submission when nothing closes in between', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const { tokens } = await seedArena(store.db);
    let ran = false;
    const outcome = await submitPredictions(
      store.db,
      {
        benchmark: 'fixture-qa',
        round: 'round-1',
        format: 'csv',
        token: tokens.owls,
        bytes: predictionsCsv(9, 18),
      },
      {
        now: DURING_ROUND,
        beforeTransaction: async () => {
          ran = true;
        },
      },
    );
    expect(ran).toBe(true);
    expect(outcome).toMatchObject({ team: 'owls', improved: true, log: { index: 0 } });
  });

  it('gives the parameter-free Ladder the same step from stored losses as from re-scored predictions', async () => {
    const steps: { publicScore: number; improved: boolean }[][] = [];
    for (const storedLosses of [true, false]) {
      const store = await ctx.openFresh();
      await migrateToLatest(store);
      const { tokens } = await seedArena(store.db, { ladder: { kind: 'parameter-free' } });
      const send = (publicRight: number) =>
        submitPredictions(
          store.db,
          { ...INPUT, token: tokens.owls, bytes: predictionsCsv(publicRight, 10) },
          { now: DURING_ROUND },
        );
      const outcomes = [await send(4)];
      const row = await store.db
        .selectFrom('submissions')
        .select(['id', 'results'])
        .executeTakeFirstOrThrow();
      const results = JSON.parse(row.results) as { public: { losses?: number[] } };
      expect(results.public.losses).toHaveLength(10);
      if (!storedLosses) {
        // As a submission stored before the losses were kept: the Ladder re-scores its predictions.
        delete results.public.losses;
        await store.db
          .updateTable('submissions')
          .set({ results: JSON.stringify(results) })
          .where('id', '=', row.id)
          .execute();
      }
      outcomes.push(await send(9));
      steps.push(outcomes.map(({ publicScore, improved }) => ({ publicScore, improved })));
    }
    expect(steps[0]).toEqual(steps[1]);
    expect(steps[0]![1]).toMatchObject({ improved: true, publicScore: 0.9 });
  });
});
