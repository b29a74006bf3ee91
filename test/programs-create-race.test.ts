/**
 * Creating a program or adding an award decides "who was first" in one transaction with a unique
 * constraint, not by reading then writing: concurrent creates of one id give one 201 and one 409, and
 * concurrent adds of different awards to one program keep both. SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  AwardSchema,
  addAward,
  createProgram,
  getProgram,
  ProgramDefinitionSchema,
  readProgramDefinition,
} from '../src/programs/index.ts';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

const TOKEN = 'race-admin-token-5b1e0c7d-2f9a64e1c08b';
const auth = { authorization: `Bearer ${TOKEN}` };

function program(id: string) {
  return {
    spec: 'aperture.dev/program/v1',
    id,
    name: `Race ${id}`,
    kind: 'residency',
    funder: 'Demo Funder',
    currency: 'USD',
    totalBudget: 1000,
    requirements: [{ id: 'kt', kind: 'knowledge-transfer', goals: { talks: 1 } }],
  };
}

function award(id: string) {
  return {
    id,
    recipient: `Recipient of ${id}`,
    recipientType: 'person',
    money: 100,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    deliverables: [{ requirement: 'kt', evidence: { talks: ['https://example.org/talk'] } }],
  };
}

forEachDialect('program create and award add under concurrency', (ctx) => {
  let store: DatabaseHandle;
  let app: ZodApp;

  beforeAll(async () => {
    store = await ctx.open();
    await migrateToLatest(store);
    app = await buildServer({ db: store.db, dialect: store.dialect, adminToken: TOKEN });
  });
  afterAll(async () => {
    await app?.close();
  });

  const post = (url: string, payload: object) => app.inject({ method: 'POST', url, headers: auth, payload });

  it('answers two concurrent creates of one program with exactly one 201 and one 409', async () => {
    const responses = await Promise.all([
      post('/api/programs', program('race-one')),
      post('/api/programs', program('race-one')),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    const refused = responses.find((response) => response.statusCode === 409)!;
    expect(refused.json().error).toMatchObject({
      code: 'ERR_EXISTS',
      message: 'program "race-one" exists; update it with PUT /api/programs/race-one',
    });
    expect(
      await store.db.selectFrom('programs').select('id').where('slug', '=', 'race-one').execute(),
    ).toHaveLength(1);
  });

  it('answers two concurrent adds of one award with exactly one 201 and one 409', async () => {
    expect((await post('/api/programs', program('race-two'))).statusCode).toBe(201);
    const responses = await Promise.all([
      post('/api/programs/race-two/awards', award('race-two-award')),
      post('/api/programs/race-two/awards', award('race-two-award')),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    expect(responses.find((response) => response.statusCode === 409)!.json().error).toMatchObject({
      code: 'ERR_EXISTS',
      message: 'award "race-two-award" exists; update it with PUT /api/awards/race-two-award',
    });
    expect((await readProgramDefinition(store.db, 'race-two')).awards.map((a) => a.id)).toEqual([
      'race-two-award',
    ]);
  });

  it('gives one award id to one program when two programs add it at once', async () => {
    await createProgram(store.db, ProgramDefinitionSchema.parse(program('race-left')));
    await createProgram(store.db, ProgramDefinitionSchema.parse(program('race-right')));
    const outcomes = await Promise.allSettled([
      addAward(store.db, 'race-left', AwardSchema.parse(award('race-shared'))),
      addAward(store.db, 'race-right', AwardSchema.parse(award('race-shared'))),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected')!;
    expect(rejected.reason).toMatchObject({ code: 'ERR_EXISTS' });
    const holders = [];
    for (const slug of ['race-left', 'race-right']) {
      const detail = await getProgram(store.db, slug);
      if (detail.awards.some((item) => item.id === 'race-shared')) holders.push(slug);
    }
    expect(holders).toHaveLength(1);
  });

  it('keeps both of two different awards added to one program at once', async () => {
    expect((await post('/api/programs', program('race-three'))).statusCode).toBe(201);
    const ids = ['race-three-a', 'race-three-b', 'race-three-c'];
    const responses = await Promise.all(ids.map((id) => post('/api/programs/race-three/awards', award(id))));
    expect(responses.map((response) => response.statusCode)).toEqual([201, 201, 201]);
    expect((await readProgramDefinition(store.db, 'race-three')).awards.map((a) => a.id).sort()).toEqual(ids);
    const rows = await store.db
      .selectFrom('awards')
      .innerJoin('programs', 'programs.id', 'awards.program_id')
      .select('awards.slug')
      .where('programs.slug', '=', 'race-three')
      .execute();
    expect(rows.map((row) => row.slug).sort()).toEqual(ids);
  });

  it('still answers 404 for an award to a missing program and 409 for a created program', async () => {
    expect((await post('/api/programs/race-nowhere/awards', award('race-lost'))).statusCode).toBe(404);
    await expect(
      createProgram(store.db, ProgramDefinitionSchema.parse(program('race-one'))),
    ).rejects.toMatchObject({
      code: 'ERR_EXISTS',
    });
  });
});
