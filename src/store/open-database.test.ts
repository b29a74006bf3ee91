import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgresUrl, openDatabase, redactUrl } from './open-database.ts';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'aperture-open-database-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('defaults to .aperture/aperture.db under cwd, creating the folder, in WAL mode with foreign keys on', async () => {
    const store = await openDatabase({ cwd: root, env: {} });
    try {
      expect(store.dialect).toBe('sqlite');
      expect(store.location).toBe(path.join(root, '.aperture', 'aperture.db'));
      expect(existsSync(store.location)).toBe(true);
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
      expect(mode.rows[0]?.journal_mode).toBe('wal');
      const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.db);
      expect(keys.rows[0]?.foreign_keys).toBe(1);
      const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(store.db);
      expect(busy.rows[0]?.timeout).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('prefers --db over DATABASE_URL, and the url option over both', async () => {
    const store = await openDatabase({
      file: 'x.db',
      cwd: root,
      env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/x' },
    });
    expect(store.dialect).toBe('sqlite');
    await store.close();
    await expect(
      openDatabase({ url: 'postgres://nobody:pw@127.0.0.1:1/x', file: 'x.db', cwd: root, env: {} }),
    ).rejects.toMatchObject({ code: 'ERR_SOURCE_UNAVAILABLE' });
  });

  it('refuses a file that is not a SQLite database with a one-line error', async () => {
    const file = path.join(root, 'not-a-db.db');
    await writeFile(file, 'hello, this is text and not a database at all '.repeat(100));
    await expect(openDatabase({ file, env: {} })).rejects.toMatchObject({
      code: 'ERR_UNREADABLE',
      message: expect.stringMatching(/^cannot open SQLite database .*not a database/),
    });
  });

  it('with mustExist, does not create a missing file', async () => {
    const file = path.join(root, 'missing', 'x.db');
    await expect(openDatabase({ file, env: {}, mustExist: true })).rejects.toMatchObject({
      code: 'ERR_NOT_FOUND',
    });
    expect(existsSync(path.dirname(file))).toBe(false);
  });
});

describe('URL helpers', () => {
  it('recognise PostgreSQL URLs only', () => {
    expect(isPostgresUrl('postgres://h/db')).toBe(true);
    expect(isPostgresUrl('postgresql://h/db')).toBe(true);
    expect(isPostgresUrl('mysql://h/db')).toBe(false);
    expect(isPostgresUrl('/tmp/postgres://x')).toBe(false);
  });

  it('hide passwords', () => {
    expect(redactUrl('postgres://u:secret@h:5432/db')).toBe('postgres://u:***@h:5432/db');
    expect(redactUrl('postgres://u@h/db')).toBe('postgres://u@h/db');
  });
});
