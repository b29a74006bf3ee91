/**
 * Non-finite scores (hardening): predictions a metric cannot score are refused before anything is stored,
 * and submissions stored with infinite scores by an earlier version are repaired by migration 0009 so that
 * every leaderboard, history, close and the daily cap pass over them. SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import {
  addItems,
  BenchmarkDefinitionSchema,
  closeRound,
  createBenchmark,
  createTeam,
  issueToken,
  leaderboard,
  submitPredictions,
  teamHistory,
} from '../src/arena/index.ts';
import { buildServer } from '../src/server/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';
import { storeAtMigration } from './support/store-at-migration.ts';

const DURING = new Date('2025-03-10T12:00:00.000Z');
const ADMIN = 'unscorable-admin-token-7d2a-5e0b91c4';

const RATINGS = BenchmarkDefinitionSchema.parse({
  slug: 'ratings',
  title: 'Ratings',
  metric: 'rmse',
  ladder: { kind: 'parameter-free' },
  dailyCap: 2,
  rounds: [
    {
      name: 'round-1',
      opensAt: '2020-01-01T00:00:00Z',
      freezesAt: '2020-01-08T00:00:00Z',
      // Open until long after the tests run, so the API (on the real clock) takes submissions.
      closesAt: '2099-01-01T00:00:00Z',
    },
  ],
});

/**
 * The ratings benchmark with 5 public and 6 private items, and two teams with submit tokens (none with
 * `withTokens: false`, for a store migrated to a version before token public ids).
 */
async function seedRatings(store: DatabaseHandle, { withTokens = true } = {}) {
  await createBenchmark(store.db, RATINGS, { now: new Date('2020-01-01T00:00:00Z') });
  const items = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, label: i + 1 }));
  await addItems(store.db, { benchmark: 'ratings', split: 'public', items: items('p', 5) });
  await addItems(
    store.db,
    { benchmark: 'ratings', split: 'private', round: 'round-1', items: items('h', 6) },
    { now: DURING },
  );
  const tokens: Record<string, string> = {};
  for (const team of ['owls', 'foxes']) {
    await createTeam(store.db, { slug: team, name: team });
    if (withTokens) tokens[team] = (await issueToken(store.db, team, 'submit')).token;
  }
  return tokens;
}

/** Predictions off by `error` on every item; `value` replaces every prediction when given. */
function predictions(error: number, value?: string): Buffer {
  const rows = ['id,prediction'];
  for (let i = 0; i < 5; i++) rows.push(`p${i},${value ?? i + 1 + error}`);
  for (let i = 0; i < 6; i++) rows.push(`h${i},${value ?? i + 1 + error}`);
  return Buffer.from(`${rows.join('\n')}\n`);
}

forEachDialect('arena scores that are not finite numbers', (ctx) => {
  it('refuses predictions beyond the number domain before storing, counting or logging them', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const tokens = await seedRatings(store);
    const submit = (bytes: Buffer) =>
      submitPredictions(
        store.db,
        { benchmark: 'ratings', round: 'round-1', token: tokens.owls, bytes, format: 'csv' },
        { now: DURING },
      );
    for (const huge of ['1e308', '-1e200', '1.5e150']) {
      await expect(submit(predictions(0, huge))).rejects.toMatchObject({
        code: 'ERR_INVALID_INPUT',
        message: expect.stringContaining(`line 2: prediction "${huge}" is out of range`),
      });
    }
    // Nothing was stored: the first accepted submission is the team's first of the day.
    const accepted = await submit(predictions(1e150 - 6));
    expect(accepted.submissionsToday).toBe(1);
    expect(Number.isFinite(accepted.publicScore)).toBe(true);
    expect((await store.db.selectFrom('transparency_log').selectAll().execute()).length).toBe(1);
  });

  it('refuses labels beyond the number domain when items are added', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    await seedRatings(store);
    const outcome = await addItems(store.db, {
      benchmark: 'ratings',
      split: 'public',
      items: [
        { id: 'p9', label: 1e300 },
        { id: 'p10', label: 4 },
      ],
    });
    // One rejected item keeps the whole batch out.
    expect(outcome.inserted).toBe(0);
    expect(outcome.rejected).toEqual([
      { id: 'p9', reason: expect.stringContaining('1e+300 is out of range') },
    ]);
  });

  it('answers the API with one line, and every board stays a number', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const tokens = await seedRatings(store);
    const app = await buildServer({ db: store.db, dialect: store.dialect, adminToken: ADMIN });
    try {
      const submit = (team: string, body: Buffer) =>
        app.inject({
          method: 'POST',
          url: '/api/arena/benchmarks/ratings/rounds/round-1/submissions',
          headers: { authorization: `Bearer ${tokens[team]}` },
          payload: { format: 'csv', predictions: body.toString() },
        });
      const refused = await submit('owls', predictions(0, '1e308'));
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.message.split('\n')).toHaveLength(1);
      expect(refused.json().error.message).toMatch(/out of range/);
      expect((await submit('foxes', predictions(0.5))).statusCode).toBe(200);
      for (const url of [
        '/api/arena/benchmarks/ratings/leaderboard',
        '/api/arena/benchmarks/ratings/leaderboard?format=csv',
        '/api/arena/benchmarks/ratings/teams/owls/history',
      ]) {
        const response = await app.inject({ url });
        expect(response.statusCode, url).toBe(200);
        expect(response.body, url).not.toMatch(/Infinity|NaN|null,null/);
      }
    } finally {
      await app.close();
    }
  });

  it('repairs submissions stored with infinite scores: boards, histories, closes and caps pass over them', async () => {
    const { store } = await storeAtMigration(ctx, '0008-model-open-washing');
    await seedRatings(store, { withTokens: false });
    // biome-ignore lint/suspicious/noExplicitAny: the 0008 schema has no unscored column, unlike Database
    const old = store.db as unknown as Kysely<any>;
    const round = await old.selectFrom('rounds').select('id').executeTakeFirstOrThrow();
    const teams = await old.selectFrom('teams').select(['id', 'slug']).orderBy('slug').execute();
    const teamId = (slug: string) => teams.find((team) => team.slug === slug)!.id;
    const row = (team: string, score: number, receivedAt: string) => ({
      team_id: teamId(team),
      round_id: round.id,
      digest: `${team}-${receivedAt}`,
      received_at: receivedAt,
      public_released: score,
      public_released_loss: score * score,
      improved: 1,
      private_score: score,
      results: JSON.stringify({ public: { items: 5, score: null }, private: { items: 6, score: null } }),
      predictions: JSON.stringify(Array.from({ length: 11 }, (_, i) => (score === 0.5 ? i + 1.5 : 1e308))),
      task: 'main',
    });
    // What the earlier version stored for all-1e308 predictions, beside an honest submission.
    await old
      .insertInto('submissions')
      .values([
        row('owls', Number.POSITIVE_INFINITY, '2025-03-10T09:00:00.000Z'),
        row('foxes', 0.5, '2025-03-10T09:30:00.000Z'),
      ])
      .execute();

    expect((await migrateToLatest(store)).applied).toEqual([
      '0009-unscored-submissions',
      '0010-team-token-public-ids',
      '0011-log-score-commitments',
      '0012-import-runs-interrupted',
      '0013-indicator-results',
      '0014-model-entities',
      '0015-release-watch',
      '0016-research-signals',
      '0017-name-normalized',
      '0018-catalog-sources',
    ]);
    const owlsToken = (await issueToken(store.db, 'owls', 'submit')).token;
    const repaired = await store.db
      .selectFrom('submissions')
      .select(['digest', 'unscored', 'improved'])
      .orderBy('id')
      .execute();
    expect(repaired).toEqual([
      { digest: 'owls-2025-03-10T09:00:00.000Z', unscored: expect.stringMatching(/not finite/), improved: 0 },
      { digest: 'foxes-2025-03-10T09:30:00.000Z', unscored: null, improved: 1 },
    ]);

    const board = await leaderboard(store.db, 'ratings', 'round-1', { now: DURING });
    expect(board.entries.map((entry) => [entry.team, entry.score])).toEqual([['foxes', 0.5]]);
    expect((await teamHistory(store.db, 'ratings', 'owls')).submissions).toEqual([]);
    // The unscorable submission took none of the owls' two submissions for the day.
    const owls = (error: number) =>
      submitPredictions(
        store.db,
        {
          benchmark: 'ratings',
          round: 'round-1',
          token: owlsToken,
          bytes: predictions(error),
          format: 'csv',
        },
        { now: DURING },
      );
    expect((await owls(1)).submissionsToday).toBe(1);
    expect((await owls(0.25)).submissionsToday).toBe(2);
    await expect(owls(0.1)).rejects.toMatchObject({ code: 'ERR_LIMIT_REACHED' });

    const closed = await closeRound(store.db, 'ratings', 'round-1', { now: DURING, force: true });
    expect(closed.entries.map((entry) => entry.team).sort()).toEqual(['foxes', 'owls']);
    for (const entry of closed.entries)
      for (const value of [entry.score, entry.lower, entry.upper]) expect(Number.isFinite(value)).toBe(true);
  });
});
