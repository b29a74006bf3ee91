import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { beforeAll, expect, it } from 'vitest';
import {
  addItems,
  BenchmarkDefinitionSchema,
  createBenchmark,
  createTeam,
  DEFAULT_PREDICTIONS_LIMITS,
  issueToken,
  submitPredictions,
} from '../src/arena/index.ts';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import { MAX_PREDICTIONS_BYTES } from '../src/spec/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { seedArena } from './support/arena-fixture.ts';
import { forEachDialect } from './support/dialects.ts';

/*
 * Large and hostile submissions (issue 12, item 3): the body is decoded as it arrives, predictions are read
 * no further than one row per item, and large rounds are read in pages.
 */

const SUBMISSIONS = '/api/arena/benchmarks/fixture-qa/rounds/round-1/submissions';
const OPEN_ROUND = {
  name: 'round-1',
  opensAt: '2025-03-01T00:00:00.000Z',
  freezesAt: '2025-03-08T00:00:00.000Z',
  closesAt: '2099-01-01T00:00:00.000Z',
};

it("keeps the API's predictions limit within the arena's file limit, so the API's is the one that applies", () => {
  expect(MAX_PREDICTIONS_BYTES).toBeLessThanOrEqual(DEFAULT_PREDICTIONS_LIMITS.maxBytes);
});

forEachDialect('arena large submissions', (ctx) => {
  let store: DatabaseHandle;
  let app: ZodApp;
  let tokens: { owls: string; foxes: string };

  beforeAll(async () => {
    store = await ctx.openFresh();
    await migrateToLatest(store);
    ({ tokens } = await seedArena(store.db, { dailyCap: 1000, rounds: [OPEN_ROUND] }));
    app = await buildServer({ db: store.db, dialect: store.dialect });
    await app.ready();
    return () => app.close();
  });

  const submit = (payload: string | Buffer | Readable | Record<string, unknown>, headers = {}) =>
    app.inject({
      method: 'POST',
      url: SUBMISSIONS,
      headers: { authorization: `Bearer ${tokens.foxes}`, 'content-type': 'application/json', ...headers },
      payload: payload as string,
    });

  it('refuses ids past the round item count in one line, without reading the rest', async () => {
    // The issue's request, smaller: 200,000 unknown ids for a round of 30 items.
    const rows = Array.from({ length: 200_000 }, (_, i) => `u-${String(i).padStart(7, '0')},x`).join('\n');
    const refused = await submit({ format: 'csv', predictions: `id,prediction\n${rows}\n` });
    expect(refused.statusCode).toBe(422);
    const { code, message } = refused.json().error;
    expect(code).toBe('ERR_INVALID_INPUT');
    expect(message).toBe(
      'predictions rejected: line 32: more rows than the 30 items expected (one row per item); reading stopped here; 30 problems before it, the first: line 2: unknown id "u-0000000" (not in this split)',
    );
  });

  it('decodes the JSON body as it arrives, with the errors JSON.parse and the schema gave', async () => {
    const broken = await submit('{"format": "csv", "predictions": "id,prediction\\n');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toMatchObject({
      code: 'ERR_USAGE',
      message: expect.stringMatching(/not valid JSON/),
    });
    const number = await submit('{"format":"csv","predictions":5}');
    expect(number.statusCode).toBe(400);
    expect(number.json().error).toMatchObject({ code: 'ERR_USAGE', field: 'predictions' });
    const unknownField = await submit({ format: 'csv', predictions: 'id,prediction\n', extra: 'x' });
    expect(unknownField.statusCode).toBe(400);
    const badFormat = await submit({ format: 'xml', predictions: 'id,prediction\n' });
    expect(badFormat.json().error).toMatchObject({ code: 'ERR_USAGE', field: 'format' });
  });

  it('refuses a body over the limit, declared or streamed', async () => {
    const limit = MAX_PREDICTIONS_BYTES + 1024 * 1024;
    const declared = await submit('{}', { 'content-length': String(limit + 1) });
    expect(declared.statusCode).toBe(413);
    expect(declared.json().error.code).toBe('ERR_TOO_LARGE');
    // Chunked, no length: refused once the limit is passed.
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    const endless = new Readable({
      read() {
        sent++;
        this.push(sent === 1 ? Buffer.from('{"format":"csv","predictions":"') : sent < 100 ? chunk : null);
      },
    });
    const streamed = await submit(endless, { 'transfer-encoding': 'chunked' });
    expect(streamed.statusCode).toBe(413);
    expect(sent).toBeLessThan(60);
  });

  it('takes a file decoded from JSON with the digest of its UTF-8 bytes', async () => {
    const text = `id,prediction\n${Array.from({ length: 10 }, (_, i) => `p${i},réponse-${i}`).join('\n')}\n${Array.from({ length: 20 }, (_, i) => `s${i},😀`).join('\n')}\n`;
    const accepted = await submit({ format: 'csv', predictions: text });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().digest).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
  });

  it('reads a round of more items than one page, in order', async () => {
    const definition = BenchmarkDefinitionSchema.parse({
      slug: 'paged',
      title: 'Paged',
      metric: 'accuracy',
      labels: ['a', 'b'],
      ladder: { kind: 'fixed', step: 0.01 },
      dailyCap: 10,
      rounds: [OPEN_ROUND],
    });
    await createBenchmark(store.db, definition, { now: new Date('2025-03-01T00:00:00Z') });
    const label = (i: number) => (i % 3 === 0 ? 'a' : 'b');
    const items = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, k) => ({ id: `i${from + k}`, label: label(from + k) }));
    // Shared public and private items, then the round's fresh private items: more than a page of each.
    await addItems(store.db, { benchmark: 'paged', split: 'public', items: items(0, 7000) });
    await addItems(store.db, { benchmark: 'paged', split: 'private', items: items(7000, 8000) });
    await addItems(
      store.db,
      { benchmark: 'paged', split: 'private', round: 'round-1', items: items(8000, 14000) },
      { now: new Date('2025-03-10T00:00:00Z') },
    );
    await createTeam(store.db, { slug: 'pagers' });
    const { token } = await issueToken(store.db, 'pagers', 'submit');
    // Every public answer right, every private answer wrong except the fresh ones' first 600; rows shuffled.
    const rows = Array.from({ length: 14000 }, (_, i) => {
      const right = i < 7000 || (i >= 8000 && i < 8600);
      return `i${i},${right ? label(i) : label(i) === 'a' ? 'b' : 'a'}`;
    }).sort((x, y) => x.length - y.length || (x < y ? 1 : -1));
    const outcome = await submitPredictions(
      store.db,
      {
        benchmark: 'paged',
        round: 'round-1',
        token,
        bytes: Buffer.from(`id,prediction\n${rows.join('\n')}\n`),
        format: 'csv',
      },
      { now: new Date('2025-03-10T12:00:00Z') },
    );
    expect(outcome.publicScore).toBe(1);
    const stored = await store.db
      .selectFrom('submissions')
      .select(['private_score', 'results'])
      .where('id', '=', outcome.submissionId)
      .executeTakeFirstOrThrow();
    expect(stored.private_score).toBeCloseTo(600 / 7000, 12);
    expect(JSON.parse(stored.results)).toMatchObject({ public: { items: 7000 }, private: { items: 7000 } });
  });
});
