import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  addItems,
  authenticateToken,
  claimPrize,
  closeRound,
  exportLog,
  issueToken,
  leaderboard,
  revokeToken,
  submitPredictions,
  teamHistory,
  verifyLog,
} from '../src/arena/index.ts';
import type { CheckReport } from '../src/checker/index.ts';
import type { ComponentId } from '../src/spec/index.ts';
import { migrateToLatest } from '../src/store/index.ts';
import {
  AFTER_ROUND,
  DURING_ROUND,
  predictionsCsv,
  secretAnswer,
  seedArena,
} from './support/arena-fixture.ts';
import { forEachDialect } from './support/dialects.ts';
import { fakeCheckReport } from './support/fake-check-report.ts';

const round9 = (value: number | null) => (value === null ? null : Math.round(value * 1e9) / 1e9);

const submit = (
  db: Parameters<typeof submitPredictions>[0],
  token: string,
  bytes: Buffer,
  now = DURING_ROUND,
) =>
  submitPredictions(db, { benchmark: 'fixture-qa', round: 'round-1', token, bytes, format: 'csv' }, { now });

function fakeReport(
  score: number,
  mofClass: 'I' | 'II' | 'III' | null,
  linked: ComponentId[] = [],
): CheckReport {
  return fakeCheckReport({ score, mofClass, linked });
}

forEachDialect('arena service', (ctx) => {
  it('scores, caps, ladders, logs, closes and ranks', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const { tokens } = await seedArena(store.db);

    const first = await submit(store.db, tokens.owls, predictionsCsv(8, 15));
    expect(first).toMatchObject({ team: 'owls', improved: true, publicScore: 0.8, submissionsToday: 1 });
    expect(first.digest).toBe(createHash('sha256').update(predictionsCsv(8, 15)).digest('hex'));
    // Within the Ladder's step of the best: nothing new is released.
    const second = await submit(store.db, tokens.owls, predictionsCsv(8, 19));
    expect(second).toMatchObject({ improved: false, publicScore: 0.8 });
    const third = await submit(store.db, tokens.owls, predictionsCsv(10, 18));
    expect(third).toMatchObject({ improved: true, publicScore: 1 });
    await expect(submit(store.db, tokens.owls, predictionsCsv(10, 20))).rejects.toMatchObject({
      code: 'ERR_LIMIT_REACHED',
    });
    // The cap is per UTC day.
    await submit(store.db, tokens.owls, predictionsCsv(9, 20), new Date('2025-03-11T00:00:01.000Z'));

    await submit(store.db, tokens.foxes, predictionsCsv(5, 4));
    await expect(submit(store.db, tokens.foxes, Buffer.from('id,prediction\np0,x\n'))).rejects.toMatchObject({
      code: 'ERR_INVALID_INPUT',
      message: expect.stringContaining('missing'),
    });

    const running = await leaderboard(store.db, 'fixture-qa', undefined, { now: DURING_ROUND });
    expect(running.kind).toBe('public');
    expect(running.entries.map((entry) => [entry.team, round9(entry.score), entry.rank])).toEqual([
      ['owls', 1, 1],
      ['foxes', 0.5, 2],
    ]);
    expect(JSON.stringify(running)).not.toContain('0.75');

    await expect(closeRound(store.db, 'fixture-qa', 'round-1', { now: DURING_ROUND })).rejects.toMatchObject({
      code: 'ERR_CONFLICT',
    });
    await expect(submit(store.db, tokens.owls, predictionsCsv(1, 1), AFTER_ROUND)).rejects.toMatchObject({
      code: 'ERR_CONFLICT',
    });
    const results = await closeRound(store.db, 'fixture-qa', 'round-1', { now: AFTER_ROUND });
    // The owls' Ladder best is their third submission (18 of 20 private answers right).
    expect(results.entries.map((entry) => [entry.team, round9(entry.score), entry.rank])).toEqual([
      ['owls', 0.9, 1],
      ['foxes', 0.2, 2],
    ]);
    expect(results.entries[0]!.lower).toBeLessThanOrEqual(0.9);
    expect(results.entries[0]!.upper).toBeGreaterThanOrEqual(0.9);
    expect(results.bootstrap.resamples).toBe(1000);
    const closed = await leaderboard(store.db, 'fixture-qa', 'round-1', { now: AFTER_ROUND });
    expect(closed.kind).toBe('private');
    expect(closed.entries[0]).toMatchObject({ team: 'owls', score: 0.9, lower: results.entries[0]!.lower });

    const history = await teamHistory(store.db, 'fixture-qa', 'owls');
    expect(
      history.submissions.map((entry) => [
        round9(entry.publicScore),
        entry.improved,
        round9(entry.privateScore),
      ]),
    ).toEqual([
      [0.8, true, 0.75],
      [0.8, false, 0.95],
      [1, true, 0.9],
      [1, false, 1],
    ]);

    // Five submissions, then the close's entry.
    const log = await exportLog(store.db);
    expect(log.count).toBe(6);
    expect(verifyLog(log.entries)).toMatchObject({ ok: true, count: 6 });
    expect(log.entries.map((entry) => entry.round)).toEqual(Array(6).fill('fixture-qa/round-1'));
    expect(log.entries.map((entry) => ('kind' in entry ? entry.kind : '')).at(-1)).toBe('close');
  });

  it('reproduces the same bootstrap intervals from the same data', async () => {
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const store = await ctx.openFresh();
      await migrateToLatest(store);
      const { tokens } = await seedArena(store.db);
      await submit(store.db, tokens.owls, predictionsCsv(8, 13));
      await submit(store.db, tokens.foxes, predictionsCsv(6, 12));
      runs.push(await closeRound(store.db, 'fixture-qa', 'round-1', { now: AFTER_ROUND }));
    }
    expect(runs[0]!.entries).toEqual(runs[1]!.entries);
    // Overlapping intervals share a rank.
    expect(runs[0]!.entries.map((entry) => entry.rank)).toEqual([1, 1]);
  });

  it('stores only token hashes and refuses revoked, unknown and under-scoped tokens', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const { tokens } = await seedArena(store.db);
    const rows = await store.db.selectFrom('team_tokens').select('token_hash').execute();
    for (const row of rows) {
      expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(tokens.owls).not.toContain(row.token_hash);
    }
    expect(await authenticateToken(store.db, tokens.foxes, 'submit')).toMatchObject({ team: 'foxes' });
    await expect(authenticateToken(store.db, tokens.foxes, 'admin')).rejects.toMatchObject({
      code: 'ERR_FORBIDDEN',
    });
    const tampered = `${tokens.foxes.slice(0, -1)}${tokens.foxes.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [
      undefined,
      '',
      'apt_1_short',
      tampered,
      'apt_999_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ])
      await expect(authenticateToken(store.db, bad, 'submit')).rejects.toMatchObject({
        code: 'ERR_UNAUTHORIZED',
      });
    const extra = await issueToken(store.db, 'foxes', 'submit');
    await revokeToken(store.db, extra.id);
    await expect(submit(store.db, extra.token, predictionsCsv(1, 1))).rejects.toMatchObject({
      code: 'ERR_UNAUTHORIZED',
    });
    expect(await store.db.selectFrom('submissions').select('id').execute()).toEqual([]);
  });

  it('names tokens by random public ids, never by their row ids', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const { tokens } = await seedArena(store.db);
    const issued = [
      await issueToken(store.db, 'owls', 'submit'),
      await issueToken(store.db, 'owls', 'submit'),
    ];
    const rows = await store.db.selectFrom('team_tokens').select(['id', 'public_id']).orderBy('id').execute();
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.public_id).toMatch(/^[0-9a-f]{24}$/);
      expect(row.public_id).not.toBe(String(row.id));
    }
    expect(new Set(rows.map((row) => row.public_id)).size).toBe(4);
    for (const { id, token } of issued) expect(token.startsWith(`apt_${id}_`)).toBe(true);
    expect(tokens.owls).toMatch(/^apt_[0-9a-f]{24}_[A-Za-z0-9_-]{43}$/);
    // A token's secret under another token's id is refused.
    const secretOfFirst = issued[0]!.token.slice(`apt_${issued[0]!.id}_`.length);
    await expect(
      authenticateToken(store.db, `apt_${issued[1]!.id}_${secretOfFirst}`, 'submit'),
    ).rejects.toMatchObject({ code: 'ERR_UNAUTHORIZED' });
    await expect(revokeToken(store.db, String(rows[0]!.id))).rejects.toMatchObject({ code: 'ERR_NOT_FOUND' });
    await expect(revokeToken(store.db, `apt_${issued[0]!.id}`)).rejects.toMatchObject({ code: 'ERR_USAGE' });
    await revokeToken(store.db, issued[0]!.id);
    await expect(authenticateToken(store.db, issued[0]!.token, 'submit')).rejects.toMatchObject({
      code: 'ERR_UNAUTHORIZED',
    });
    expect(await authenticateToken(store.db, issued[1]!.token, 'submit')).toMatchObject({
      team: 'owls',
      publicId: issued[1]!.id,
    });
  });

  it('adds fresh items only after the freeze and before the first submission', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const { tokens } = await seedArena(store.db);
    const fresh = [{ id: 'f1', label: 'fresh' }];
    await expect(
      addItems(
        store.db,
        { benchmark: 'fixture-qa', split: 'private', round: 'round-1', items: fresh },
        { now: new Date('2025-03-02T00:00:00Z') },
      ),
    ).rejects.toMatchObject({ code: 'ERR_CONFLICT', message: expect.stringContaining('after the freeze') });
    await submit(store.db, tokens.owls, predictionsCsv(1, 1));
    await expect(
      addItems(
        store.db,
        { benchmark: 'fixture-qa', split: 'private', round: 'round-1', items: fresh },
        { now: DURING_ROUND },
      ),
    ).rejects.toMatchObject({ code: 'ERR_CONFLICT' });
    const duplicate = await addItems(store.db, {
      benchmark: 'fixture-qa',
      split: 'public',
      round: undefined,
      items: [{ id: 'p0', label: 'x' }],
    }).catch((error: unknown) => error);
    expect(duplicate).toMatchObject({ code: 'ERR_CONFLICT' });
  });

  it('records prize eligibility from the checker and shows it on the leaderboard', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const { tokens } = await seedArena(store.db);
    await submit(store.db, tokens.owls, predictionsCsv(5, 5));
    const claim = (report: CheckReport, token = tokens.owls) =>
      claimPrize(
        store.db,
        { benchmark: 'fixture-qa', track: 'open-weights', token, source: 'hf:demo/model' },
        { checkRelease: async () => report },
      );
    await expect(claim(fakeReport(90, 'III'), tokens.foxes)).rejects.toMatchObject({ code: 'ERR_FORBIDDEN' });
    expect(await claim(fakeReport(40, null))).toMatchObject({ eligible: false, score: 40 });
    // Weights only linked (a README's claim) do not win a prize, whatever the class.
    const linkedOnly = await claim(fakeReport(75, 'III', ['final-parameters']));
    expect(linkedOnly.eligible).toBe(false);
    expect(linkedOnly.rules.find((rule) => rule.rule === 'requireVerified.final-parameters')).toMatchObject({
      passed: false,
    });
    const passed = await claim(fakeReport(75, 'III'));
    expect(passed).toMatchObject({ eligible: true, mofClass: 'III' });
    expect(passed.released.map((component) => component.id)).toContain('final-parameters');
    const board = await leaderboard(store.db, 'fixture-qa', 'round-1', { now: DURING_ROUND });
    expect(board.entries[0]!.prizes).toEqual([
      { track: 'open-weights', eligible: true, checkedAt: expect.any(String) },
    ]);
    expect(secretAnswer(0)).not.toBe('');
  });
});

describe('arena service without a database', () => {
  it('is exercised by the dialect matrix above', () => {
    expect(typeof submitPredictions).toBe('function');
  });
});
