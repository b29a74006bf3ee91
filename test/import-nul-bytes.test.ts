/**
 * NUL bytes in imported sources (hardening): a record with U+0000 in any text is a rejected row naming the
 * field, and the rest of the source is imported, whatever the kind; a rejection that quotes a NUL stores it
 * as `\0`; the catalog writer refuses a NUL that reaches it anyway. Before, PostgreSQL aborted the whole
 * import (exit 70) and SQLite stored the NUL. SQLite and PostgreSQL.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../src/cli/test-support/recording-io.ts';
import { ApertureError } from '../src/errors.ts';
import { bareModelRecord } from '../src/observatory/importers/bare-model-record.ts';
import { runImport, writeCatalog } from '../src/observatory/index.ts';
import { type DatabaseHandle, migrateToLatest, TABLE_NAMES } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

const EPOCH_CSV = [
  'Model,Organization,Country (of organization),Publication date,Model accessibility',
  'Alpha,Lab A,United States of America,2024-01-02,Open weights (unrestricted)',
  'Beta,Lab\u0000B,China,2024-03,API access',
  'Ga\u0000mma,Lab A,United States of America,2023,Unreleased',
  'Delta,Lab A,United States of America,2023,Unreleased',
  '',
].join('\n');

const MOT_YAML = (name: string) =>
  `framework:\n  name: Model Openness Framework\n  version: '1.0'\n  date: '2024-12-15'\nrelease:\n  name: ${name}\n  producer: Lab\n  license: { distribution: { name: MIT } }\n  components:\n    - name: 'Model architecture'\n`;

/** Every text cell of every table, to show no NUL was stored anywhere. */
async function storedTextWithNul(store: DatabaseHandle): Promise<string[]> {
  const found: string[] = [];
  for (const table of TABLE_NAMES) {
    const rows = (await store.db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    for (const row of rows)
      for (const [column, value] of Object.entries(row))
        if (typeof value === 'string' && value.includes('\u0000')) found.push(`${table}.${column}`);
  }
  return found;
}

forEachDialect('NUL bytes in imported sources', (ctx) => {
  let dir = '';
  let store: DatabaseHandle;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'aperture-import-nul-'));
    store = await ctx.open();
    await migrateToLatest(store);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rejects the Epoch rows holding NUL, naming the field, and imports the rest', async () => {
    const file = path.join(dir, 'epoch.csv');
    await writeFile(file, EPOCH_CSV);
    const result = await runImport(store.db, { kind: 'epoch', source: file, batchSize: 2 });
    expect(result).toMatchObject({ records: 2, inserted: 2, rejectedCount: 2 });
    expect(result.rejected).toEqual([
      { file, line: 3, reason: expect.stringMatching(/^field organizations\.0 holds a NUL byte/) },
      { file, line: 4, reason: expect.stringMatching(/^field name holds a NUL byte/) },
    ]);
    const run = await store.db
      .selectFrom('import_runs')
      .select(['status', 'inserted', 'rejected'])
      .where('id', '=', result.run)
      .executeTakeFirstOrThrow();
    expect(run).toEqual({ status: 'finished', inserted: 2, rejected: 2 });
    const models = await store.db.selectFrom('models').select('name').orderBy('name').execute();
    expect(models.map((model) => model.name)).toEqual(['Alpha', 'Delta']);
    expect(await storedTextWithNul(store)).toEqual([]);
  });

  it('rejects NUL records of the other kinds too, and stores quoted NUL in reasons as \\0', async () => {
    await writeFile(path.join(dir, 'nul.yml'), MOT_YAML('"Bad\\0model"'));
    const mot = await runImport(store.db, { kind: 'mot', source: path.join(dir, 'nul.yml') });
    expect(mot).toMatchObject({ records: 0, rejectedCount: 1 });
    expect(mot.rejected[0]!.reason).toMatch(/^field name holds a NUL byte/);

    await writeFile(path.join(dir, 'good.yml'), MOT_YAML('Good model'));
    expect(await runImport(store.db, { kind: 'mot', source: path.join(dir, 'good.yml') })).toMatchObject({
      records: 1,
      rejectedCount: 0,
    });

    // The FMTI parser quotes a cell that is not a number in its reason.
    const fmti = path.join(dir, 'Dec2025_scores.csv');
    await writeFile(fmti, 'Indicator,Lab A,Lab B\nX,1,0\nY,1,n\u0000a\n');
    const scores = await runImport(store.db, { kind: 'fmti', source: fmti });
    expect(scores).toMatchObject({ records: 2, rejectedCount: 1 });
    expect(scores.rejected[0]).toMatchObject({
      line: 3,
      reason: 'indicator "Y": not a number: Lab B "n\\0a"',
    });

    const authors = path.join(dir, 'authors.jsonl');
    const author = (id: string, name: string) =>
      JSON.stringify({ id, display_name: name, affiliations: [], last_known_institutions: [] });
    await writeFile(authors, `${author('A1', 'Ada\u0000Example')}\n${author('A2', 'Bo Sample')}\n`);
    const people = await runImport(store.db, { kind: 'openalex', source: authors });
    expect(people).toMatchObject({ records: 1, rejectedCount: 1 });
    expect(people.rejected[0]).toMatchObject({ line: 1, reason: expect.stringMatching(/NUL byte/) });

    const stored = await store.db.selectFrom('rejected_rows').select('reason').execute();
    expect(stored.map((row) => row.reason)).toContain('indicator "Y": not a number: Lab B "n\\0a"');
    expect(await storedTextWithNul(store)).toEqual([]);
  });

  it('`aperture import` exits 0 with the NUL row listed as rejected', async () => {
    await writeFile(
      path.join(dir, 'cli.csv'),
      EPOCH_CSV.replace('Alpha', 'Epsilon').replace('Delta', 'Zeta'),
    );
    const { args, env } = ctx.cli();
    const result = await runCli(['import', 'epoch', 'cli.csv', '--json', ...args], { env, cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ inserted: 2 });
    expect(json.rejected.map((row: { line: number }) => row.line)).toEqual([3, 4]);
  });

  it('writeCatalog refuses a batch holding NUL before writing anything', async () => {
    const before = await store.db.selectFrom('models').select('name').execute();
    const source = { source: 'epoch', file: 'x.csv', line: 2 } as const;
    const write = writeCatalog(store.db, {
      models: [
        bareModelRecord('Clean', source),
        bareModelRecord('Dirty', source, { link: 'https://example.org/\u0000' }),
      ],
    });
    await expect(write).rejects.toThrow(ApertureError);
    await expect(write).rejects.toMatchObject({
      code: 'ERR_INVALID_INPUT',
      message: expect.stringMatching(/models\.1\.link holds a NUL byte/),
    });
    expect(await store.db.selectFrom('models').select('name').execute()).toEqual(before);
  });
});
