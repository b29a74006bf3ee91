import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.ts';
import { main } from '../src/cli/main.ts';
import { openDatabase, upsertRows } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

async function run(argv: string[], env: Record<string, string> = {}, cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (text) => void out.push(text) },
    stderr: { write: (text) => void err.push(text) },
    env,
    cwd,
  };
  const code = await main(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

forEachDialect('aperture db / export', (ctx) => {
  beforeAll(async () => {
    const { args, env } = ctx.cli();
    const migrated = await run(['db', 'migrate', ...args], env);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toContain('applied 0001-catalog');
    const store = await ctx.open();
    await upsertRows(
      store.db,
      'organizations',
      [
        { name: '=cmd|" /C calc"!A0', country: 'US', source: 'test' },
        { name: 'DeepSeek', country: 'CN', source: 'test', source_url: '@https://example.org' },
        { name: 'Plain, with comma', country: 'FR', source: '-x' },
      ],
      ['name'],
    );
  });

  it('db migrate is idempotent and says so, also as JSON', async () => {
    const { args, env } = ctx.cli();
    const again = await run(['db', 'migrate', ...args, '--json'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      dialect: ctx.dialect,
      applied: [],
      // Other migrations (arena, programs) follow; these must all be known.
      known: expect.arrayContaining([
        '0001-catalog',
        '0002-ratings',
        '0003-catalog-indexes',
        '0004-arena',
        '0005-programs',
        '0006-benchmark-contributors',
        '0007-benchmark-tasks',
      ]),
    });
    const text = await run(['db', 'migrate', ...args], env);
    expect(text.stdout).not.toContain('applied 0001');
    expect(text.stdout).toContain('0 applied now');
  });

  it('export --format csv neutralises formula cells', async () => {
    const { args, env } = ctx.cli();
    const result = await run(['export', 'organizations', '--format', 'csv', ...args], env);
    expect(result.code, result.stderr).toBe(0);
    const [header, ...rows] = parse(result.stdout) as string[][];
    expect(header).toEqual([
      'id',
      'name',
      'country',
      'country_name',
      'region',
      'type',
      'parent_id',
      'source',
      'source_url',
      'entity_id',
      'name_folded',
    ]);
    const byName = rows.map((row) => [row[1], row[2], row[7], row[8]]);
    expect(byName).toEqual([
      ['\'=cmd|" /C calc"!A0', 'US', 'test', ''],
      ['DeepSeek', 'CN', 'test', "'@https://example.org"],
      ['Plain, with comma', 'FR', "'-x", ''],
    ]);
  });

  it('export writes JSON lines by default, to a file with -o', async () => {
    const { args, env } = ctx.cli();
    const file = path.join(ctx.tempDir, `organizations-${ctx.dialect}.jsonl`);
    const result = await run(['export', 'organizations', ...args, '-o', file], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('3 row(s)');
    const lines = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.name)).toEqual(['=cmd|" /C calc"!A0', 'DeepSeek', 'Plain, with comma']);
    expect(lines[1]).toMatchObject({ country: 'CN', parent_id: null });
  });

  it('export refuses an unknown table with the list of tables', async () => {
    const { args, env } = ctx.cli();
    const result = await run(['export', 'users; drop table models', ...args], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^aperture: unknown table .*; tables: organization_entities, model_entities, organizations, models/,
    );
  });

  if (ctx.dialect === 'sqlite') {
    it('db backup writes an openable copy with the same rows, and will not overwrite it', async () => {
      const { args, env } = ctx.cli();
      const file = path.join(ctx.tempDir, 'backup.db');
      const result = await run(['db', 'backup', file, ...args], env);
      expect(result.code, result.stderr).toBe(0);
      const copy = await openDatabase({ file, env: {} });
      try {
        const names = await copy.db.selectFrom('organizations').select('name').orderBy('id').execute();
        expect(names.map((row) => row.name)).toEqual(['=cmd|" /C calc"!A0', 'DeepSeek', 'Plain, with comma']);
      } finally {
        await copy.close();
      }
      const again = await run(['db', 'backup', file, ...args], env);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/already exists; choose another name or pass --force/);
      expect((await run(['db', 'backup', file, ...args, '--force'], env)).code).toBe(0);
    });
  } else {
    it('db backup refuses PostgreSQL with a pg_dump hint on one line', async () => {
      const { args, env } = ctx.cli();
      const file = path.join(ctx.tempDir, 'backup.db');
      const result = await run(['db', 'backup', file, ...args], env);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^aperture: backup works on SQLite only; for PostgreSQL use pg_dump .*\n$/,
      );
      expect(existsSync(file)).toBe(false);
    });
  }
});

describe('aperture db / export without a database', () => {
  it('export and backup do not create a missing SQLite file', async () => {
    const missing = path.join(process.cwd(), 'no-such-dir-aperture', 'x.db');
    const exported = await run(['export', 'models', '--db', missing]);
    expect(exported.code).toBe(2);
    expect(exported.stderr).toMatch(/no database at .*aperture db migrate/);
    const backup = await run(['db', 'backup', '/tmp/never.db', '--db', missing]);
    expect(backup.code).toBe(2);
    expect(existsSync(missing)).toBe(false);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL, hiding its password', async () => {
    const result = await run(['db', 'migrate'], { DATABASE_URL: 'mysql://user:hunter2@localhost/db' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not postgres://');
    expect(result.stderr).not.toContain('hunter2');
  });

  it('reports an unreachable PostgreSQL in one line with exit 3', async () => {
    const result = await run(['db', 'migrate'], { DATABASE_URL: 'postgres://u:secret@127.0.0.1:1/none' });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /^aperture: cannot connect to PostgreSQL at postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/none: /,
    );
    expect(result.stderr).not.toContain('secret');
  });
});

describe('help', () => {
  it('db, db migrate, db backup and export show examples', async () => {
    for (const argv of [['db'], ['db', 'migrate'], ['db', 'backup'], ['export']]) {
      const help = await run([...argv, '--help']);
      expect(help.code, argv.join(' ')).toBe(0);
      expect(help.stdout, argv.join(' ')).toContain('$ aperture');
    }
  });
});
