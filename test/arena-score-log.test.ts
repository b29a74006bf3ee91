/**
 * The transparency log commits scores (hardening): each submission's entry commits its team and public
 * score in the clear and its other scored fields in a salted digest, and closing a round appends an entry
 * per task that commits every logged submission of the round with its scores and the private leaderboard.
 * `verify-log --store` (and GET /api/arena/log/verify) recompute those commitments from the store and name
 * the entry and submission an edit went behind. Logs written before keep verifying. SQLite and PostgreSQL.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { expect, it } from 'vitest';
import {
  addItems,
  appendEntry,
  BenchmarkDefinitionSchema,
  closeRound,
  createBenchmark,
  createTeam,
  exportLog,
  issueToken,
  type LogEntry,
  leaderboard,
  parseLogJsonLines,
  submitPredictions,
  verifyLog,
  verifyStoreLog,
} from '../src/arena/index.ts';
import { runCli } from '../src/cli/test-support/recording-io.ts';
import { buildServer } from '../src/server/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';
import { storeAtMigration } from './support/store-at-migration.ts';

const DURING = new Date('2025-03-10T12:00:00.000Z');
const minutesAfter = (minutes: number) => new Date(DURING.getTime() + minutes * 60_000);

const DEFINITION = BenchmarkDefinitionSchema.parse({
  slug: 'scores',
  title: 'Scores',
  metric: 'accuracy',
  labels: ['a', 'b'],
  ladder: { kind: 'fixed', step: 0.01 },
  dailyCap: 10,
  rounds: [
    {
      name: 'round-1',
      opensAt: '2020-01-01T00:00:00Z',
      freezesAt: '2020-01-08T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
    },
  ],
});

const PUBLIC = ['a', 'b', 'a', 'b'];
const PRIVATE = ['a', 'a', 'b', 'b', 'a', 'b'];

/** The labels with the first `wrong` public and private answers flipped. */
function answers(wrongPublic: number, wrongPrivate: number): string[] {
  const flip = (label: string, i: number, wrong: number) => (i < wrong ? (label === 'a' ? 'b' : 'a') : label);
  return [
    ...PUBLIC.map((l, i) => flip(l, i, wrongPublic)),
    ...PRIVATE.map((l, i) => flip(l, i, wrongPrivate)),
  ];
}

function csv(labels: readonly string[]): Buffer {
  const ids = [...PUBLIC.map((_, i) => `p${i}`), ...PRIVATE.map((_, i) => `h${i}`)];
  return Buffer.from(`id,prediction\n${ids.map((id, i) => `${id},${labels[i]}`).join('\n')}\n`);
}

/** The benchmark, its items and the teams owls and foxes (with submit tokens unless `withTokens` is false). */
async function seed(store: DatabaseHandle, { withTokens = true } = {}) {
  await createBenchmark(store.db, DEFINITION, { now: new Date('2020-01-01T00:00:00Z') });
  await addItems(store.db, {
    benchmark: 'scores',
    split: 'public',
    items: PUBLIC.map((label, i) => ({ id: `p${i}`, label })),
  });
  await addItems(
    store.db,
    {
      benchmark: 'scores',
      split: 'private',
      round: 'round-1',
      items: PRIVATE.map((label, i) => ({ id: `h${i}`, label })),
    },
    { now: DURING },
  );
  const tokens: Record<string, string> = {};
  for (const team of ['owls', 'foxes']) {
    await createTeam(store.db, { slug: team, name: team });
    if (withTokens) tokens[team] = (await issueToken(store.db, team, 'submit')).token;
  }
  return tokens;
}

/** Seeds and submits: owls twice (the second better), then foxes once. Entries 0, 1, 2. */
async function seedAndSubmit(store: DatabaseHandle) {
  const tokens = await seed(store);
  const submit = (team: string, labels: string[], minutes: number) =>
    submitPredictions(
      store.db,
      { benchmark: 'scores', round: 'round-1', token: tokens[team], bytes: csv(labels), format: 'csv' },
      { now: minutesAfter(minutes) },
    );
  const outcomes = [
    await submit('owls', answers(2, 3), 1),
    await submit('owls', answers(1, 1), 2),
    await submit('foxes', answers(2, 2), 3),
  ];
  return { tokens, outcomes };
}

async function teamId(store: DatabaseHandle, slug: string): Promise<number> {
  return (await store.db.selectFrom('teams').select('id').where('slug', '=', slug).executeTakeFirstOrThrow())
    .id;
}

forEachDialect('arena transparency log commits scores', (ctx) => {
  it('commits team and public score in each new entry, and an untouched store verifies', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const { outcomes } = await seedAndSubmit(store);
    const { entries } = await exportLog(store.db);
    expect(entries).toHaveLength(3);
    expect(entries[1]).toEqual({
      version: 2,
      kind: 'submission',
      index: 1,
      previous: entries[0]!.hash,
      round: 'scores/round-1',
      submission: outcomes[1]!.digest,
      team: 'owls',
      time: outcomes[1]!.receivedAt,
      public: outcomes[1]!.publicScore,
      scores: expect.stringMatching(/^[0-9a-f]{64}$/),
      hash: outcomes[1]!.log.hash,
    });
    expect(verifyLog(entries)).toMatchObject({ ok: true, count: 3 });
    expect(await verifyStoreLog(store.db)).toEqual({
      ok: true,
      count: 3,
      head: entries[2]!.hash,
      submissions: 3,
      closes: 0,
    });
    expect(await verifyStoreLog(store.db, { count: 4 })).toMatchObject({ ok: false, index: 3 });
  });

  const edits: {
    what: string;
    entry: number;
    apply: (store: DatabaseHandle, id: number) => Promise<unknown>;
    reason: RegExp;
  }[] = [
    {
      what: 'private score',
      entry: 0,
      apply: (store, id) =>
        store.db.updateTable('submissions').set({ private_score: 1 }).where('id', '=', id).execute(),
      reason: /scores .*differ from what the entry commits/,
    },
    {
      what: 'public score',
      entry: 2,
      apply: (store, id) =>
        store.db.updateTable('submissions').set({ public_released: 1 }).where('id', '=', id).execute(),
      reason: /public score differs/,
    },
    {
      what: 'public loss',
      entry: 2,
      apply: (store, id) =>
        store.db.updateTable('submissions').set({ public_released_loss: 0 }).where('id', '=', id).execute(),
      reason: /scores .*differ from what the entry commits/,
    },
    {
      what: 'team',
      entry: 0,
      apply: async (store, id) =>
        store.db
          .updateTable('submissions')
          .set({ team_id: await teamId(store, 'foxes') })
          .where('id', '=', id)
          .execute(),
      reason: /team foxes.*entry names owls/,
    },
    {
      what: 'Ladder flag',
      entry: 1,
      apply: (store, id) =>
        store.db.updateTable('submissions').set({ improved: 0 }).where('id', '=', id).execute(),
      reason: /scores .*differ from what the entry commits/,
    },
    {
      what: 'unscored flag',
      entry: 1,
      apply: (store, id) =>
        store.db.updateTable('submissions').set({ unscored: 'edited' }).where('id', '=', id).execute(),
      reason: /scores .*differ from what the entry commits/,
    },
  ];
  // One seeded store for every edit: each test edits one row, checks, and puts the row back.
  let seeded: Promise<{ store: DatabaseHandle; ids: number[]; exported: string }> | undefined;
  const seededStore = () => {
    seeded ??= (async () => {
      const store = await ctx.openFresh();
      await migrateToLatest(store);
      const { outcomes } = await seedAndSubmit(store);
      return {
        store,
        ids: outcomes.map((outcome) => outcome.submissionId),
        exported: (await exportLog(store.db)).jsonLines,
      };
    })();
    return seeded;
  };
  for (const edit of edits)
    it(`names the entry and submission when the ${edit.what} of a logged submission is edited`, async () => {
      const { store, ids, exported } = await seededStore();
      const id = ids[edit.entry]!;
      const row = await store.db
        .selectFrom('submissions')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      await edit.apply(store, id);
      try {
        // The export alone cannot tell: the edit is behind the log.
        expect((await exportLog(store.db)).jsonLines).toBe(exported);
        const verdict = await verifyStoreLog(store.db);
        expect(verdict).toEqual({
          ok: false,
          index: edit.entry,
          submission: id,
          reason: expect.stringMatching(edit.reason),
        });
        expect(verdict.ok || verdict.reason).toContain(`entry ${edit.entry} (submission ${id})`);
      } finally {
        const { id: _id, ...original } = row;
        await store.db.updateTable('submissions').set(original).where('id', '=', id).execute();
      }
      expect((await verifyStoreLog(store.db)).ok).toBe(true);
    });

  it('names a submission that has no log entry', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const { outcomes } = await seedAndSubmit(store);
    const row = await store.db
      .selectFrom('submissions')
      .selectAll()
      .where('id', '=', outcomes[2]!.submissionId)
      .executeTakeFirstOrThrow();
    const { id: _id, ...copy } = row;
    const { id } = await store.db
      .insertInto('submissions')
      .values(copy)
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await verifyStoreLog(store.db)).toEqual({
      ok: false,
      index: null,
      submission: id,
      reason: `submission ${id} has no log entry (it was added behind the log)`,
    });
  });

  it('appends a close entry that commits every scored submission and the private leaderboard', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const { outcomes } = await seedAndSubmit(store);
    await closeRound(store.db, 'scores', 'round-1', { now: minutesAfter(10), force: true });
    const exported = await exportLog(store.db);
    expect(exported.count).toBe(4);
    const close = exported.entries[3]!;
    expect(close).toEqual({
      version: 2,
      kind: 'close',
      index: 3,
      previous: exported.entries[2]!.hash,
      round: 'scores/round-1',
      time: minutesAfter(10).toISOString(),
      scores: expect.stringMatching(/^[0-9a-f]{64}$/),
      leaderboard: expect.stringMatching(/^[0-9a-f]{64}$/),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // The export carries the close entry and still verifies on its own.
    const parsed = parseLogJsonLines(exported.jsonLines);
    expect(parsed.ok && verifyLog(parsed.entries)).toEqual({ ok: true, count: 4, head: close.hash });
    expect(await verifyStoreLog(store.db, { count: 4, head: close.hash })).toEqual({
      ok: true,
      count: 4,
      head: close.hash,
      submissions: 3,
      closes: 1,
    });

    // The private leaderboard edited after the close.
    const round = await store.db.selectFrom('rounds').select(['id', 'results']).executeTakeFirstOrThrow();
    const results = JSON.parse(round.results!);
    results.tasks[0].entries[0].score = 0.99;
    await store.db
      .updateTable('rounds')
      .set({ results: JSON.stringify(results) })
      .where('id', '=', round.id)
      .execute();
    expect((await leaderboard(store.db, 'scores', 'round-1')).entries[0]!.score).toBe(0.99);
    expect(await verifyStoreLog(store.db)).toEqual({
      ok: false,
      index: 3,
      submission: null,
      reason: expect.stringMatching(/^entry 3 \(close of scores\/round-1\): .*private leaderboard differs/),
    });
    await store.db.updateTable('rounds').set({ results: round.results }).where('id', '=', round.id).execute();
    expect((await verifyStoreLog(store.db)).ok).toBe(true);

    // A private score edited after the close: named at its own entry, which commits it.
    await store.db
      .updateTable('submissions')
      .set({ private_score: 0 })
      .where('id', '=', outcomes[1]!.submissionId)
      .execute();
    expect(await verifyStoreLog(store.db)).toMatchObject({ ok: false, index: 1 });

    // A round reopened behind the log.
    await store.db
      .updateTable('submissions')
      .set({ private_score: 5 / 6 })
      .where('id', '=', outcomes[1]!.submissionId)
      .execute();
    expect((await verifyStoreLog(store.db)).ok).toBe(true);
    await store.db.updateTable('rounds').set({ status: 'open' }).where('id', '=', round.id).execute();
    expect(await verifyStoreLog(store.db)).toMatchObject({
      ok: false,
      index: 3,
      reason: expect.stringMatching(/not closed/),
    });
  });

  it('keeps a log of the earlier format verifying, and commits its scores from the close on', async () => {
    const { store } = await storeAtMigration(ctx, '0010-team-token-public-ids');
    await seed(store, { withTokens: false });
    // biome-ignore lint/suspicious/noExplicitAny: the 0010 schema's transparency_log differs from Database
    const old = store.db as unknown as Kysely<any>;
    const round = await old.selectFrom('rounds').select('id').executeTakeFirstOrThrow();
    const legacy: LogEntry[] = [];
    // What the earlier version stored: a submission row and a version-1 entry (no scores).
    const submitLegacy = async (
      team: string,
      labels: string[],
      scores: [number, number],
      minutes: number,
    ) => {
      const time = minutesAfter(minutes).toISOString();
      const digest = (await import('node:crypto')).createHash('sha256').update(csv(labels)).digest('hex');
      const { id } = await old
        .insertInto('submissions')
        .values({
          team_id: await teamId(store, team),
          round_id: round.id,
          digest,
          received_at: time,
          public_released: scores[0],
          public_released_loss: 1 - scores[0],
          improved: 1,
          private_score: scores[1],
          results: JSON.stringify({
            public: { items: 4, score: scores[0] },
            private: { items: 6, score: scores[1] },
          }),
          predictions: JSON.stringify(labels),
          task: 'main',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const entry = appendEntry(legacy.at(-1), { submission: digest, time, team, round: 'scores/round-1' });
      legacy.push(entry);
      await old
        .insertInto('transparency_log')
        .values({
          entry_index: entry.index,
          previous_hash: entry.previous,
          hash: entry.hash,
          submission_id: id,
          entry: JSON.stringify(entry),
        })
        .execute();
      return id;
    };
    const owls = await submitLegacy('owls', answers(1, 1), [0.75, 5 / 6], 1);
    await submitLegacy('foxes', answers(2, 2), [0.5, 4 / 6], 2);
    const oldExport = (await exportLog(store.db)).jsonLines;

    expect((await migrateToLatest(store)).applied).toEqual([
      '0011-log-score-commitments',
      '0012-import-runs-interrupted',
      '0013-indicator-results',
      '0014-model-entities',
      '0015-release-watch',
      '0016-research-signals',
      '0017-name-normalized',
      '0018-catalog-sources',
    ]);
    expect((await exportLog(store.db)).jsonLines).toBe(oldExport);
    expect(await verifyStoreLog(store.db)).toEqual({
      ok: true,
      count: 2,
      head: legacy[1]!.hash,
      submissions: 2,
      closes: 0,
    });
    // A version-1 entry commits the team, so that edit shows; its scores it does not commit.
    const owlsId = await teamId(store, 'owls');
    await store.db
      .updateTable('submissions')
      .set({ team_id: await teamId(store, 'foxes') })
      .where('id', '=', owls)
      .execute();
    expect(await verifyStoreLog(store.db)).toMatchObject({ ok: false, index: 0, submission: owls });
    await store.db.updateTable('submissions').set({ team_id: owlsId }).where('id', '=', owls).execute();
    await store.db.updateTable('submissions').set({ private_score: 1 }).where('id', '=', owls).execute();
    expect((await verifyStoreLog(store.db)).ok).toBe(true);
    await store.db
      .updateTable('submissions')
      .set({ private_score: 5 / 6 })
      .where('id', '=', owls)
      .execute();

    // A new submission continues the chain with a version-2 entry, and the close commits every score.
    const token = (await issueToken(store.db, 'owls', 'submit')).token;
    await submitPredictions(
      store.db,
      { benchmark: 'scores', round: 'round-1', token, bytes: csv(answers(3, 3)), format: 'csv' },
      { now: minutesAfter(3) },
    );
    await closeRound(store.db, 'scores', 'round-1', { now: minutesAfter(10), force: true });
    const { entries } = await exportLog(store.db);
    expect(entries.map((entry) => ('version' in entry ? `${entry.version}/${entry.kind}` : '1'))).toEqual([
      '1',
      '1',
      '2/submission',
      '2/close',
    ]);
    expect(await verifyStoreLog(store.db)).toMatchObject({ ok: true, count: 4, submissions: 3, closes: 1 });
    await store.db.updateTable('submissions').set({ private_score: 1 }).where('id', '=', owls).execute();
    expect(await verifyStoreLog(store.db)).toEqual({
      ok: false,
      index: 3,
      submission: null,
      reason: expect.stringMatching(
        /^entry 3 \(close of scores\/round-1\): the scores of the round's submissions differ/,
      ),
    });
  });

  it('aperture arena verify-log --store and GET /api/arena/log/verify check the store', async () => {
    const store = await ctx.open();
    await migrateToLatest(store);
    const { outcomes } = await seedAndSubmit(store);
    const { args, env } = ctx.cli();
    const run = (argv: string[]) => runCli(['arena', 'verify-log', ...argv], { env, cwd: ctx.tempDir });
    const ok = await run(['--store', ...args]);
    expect(ok.stdout, ok.stderr).toMatch(
      /^the store's log verifies \(3 entries, head [0-9a-f]{64}\), and so does the store against it \(3 submission\(s\), 0 close\(s\)\)\n$/,
    );
    expect(ok.code).toBe(0);

    await writeFile(path.join(ctx.tempDir, 'log.jsonl'), (await exportLog(store.db)).jsonLines);
    const both = await run(['log.jsonl', '--store', ...args]);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('aperture: give an exported log FILE or --store, not both\n');
    const neither = await run([]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toBe(
      "aperture: give an exported log FILE to verify, or --store to verify the store's own log against its submissions\n",
    );

    const badCount = await run(['log.jsonl', '--count', 'three']);
    expect([badCount.code, badCount.stderr]).toEqual([
      2,
      'aperture: --count must be a whole number, not "three"\n',
    ]);
    const badHead = await run(['--store', '--head', 'abc', ...args]);
    expect([badHead.code, badHead.stderr]).toEqual([
      2,
      'aperture: --head must be a sha256 hex digest (64 lowercase hex digits)\n',
    ]);

    const id = outcomes[0]!.submissionId;
    await sql`update submissions set private_score = 0 where id = ${id}`.execute(store.db);
    const broken = await run(['--store', '--json', ...args]);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, index: 0, submission: id });
    const text = await run(['--store', ...args]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(
      new RegExp(`^the store's log does not verify: entry 0 \\(submission ${id}\\): `),
    );

    const app = await buildServer({ db: store.db, dialect: store.dialect });
    try {
      const response = await app.inject({ url: '/api/arena/log/verify' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ ok: false, index: 0, submission: id });
      const wrongHead = await app.inject({ url: '/api/arena/log/verify?head=abc' });
      expect(wrongHead.statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});
