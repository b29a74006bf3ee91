import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { getPriority, tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countTurnsDuring } from '../../test/support/event-loop-turns.ts';
import { ApertureError } from '../errors.ts';
import type { Database } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { type DatabaseHandle, openDatabase } from './open-database.ts';
import { SqliteReadPool } from './sqlite-read-pool.ts';
import { SqliteReadPoolDialect } from './sqlite-read-pool-dialect.ts';

/** The error class of better-sqlite3. */
type SqliteError = InstanceType<typeof BetterSqlite3.SqliteError>;

/** A recursive count that keeps SQLite busy for a noticeable time without any table. */
const SLOW_COUNT = sql<{
  n: number;
}>`with recursive c(x) as (select 1 union all select x + 1 from c where x < 2000000) select count(*) as n from c`;

let root: string;
let file: string;
let store: DatabaseHandle;
let pool: SqliteReadPool;
let reads: Kysely<Database>;

/** The error a promise rejects with (or a marker when it resolves). */
async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'aperture-read-pool-'));
  file = path.join(root, 'catalog.db');
  store = await openDatabase({ file, env: {} });
  await migrateToLatest(store);
  await store.db
    .insertInto('organizations')
    .values(
      ['Lab A', 'Lab B', 'Lab C'].map((name, i) => ({
        name,
        country: ['FR', 'US', 'CN'][i]!,
        type: 'industry',
        source: 'test',
      })),
    )
    .execute();
  pool = await SqliteReadPool.open(file, { workers: 2 });
  reads = new Kysely<Database>({ dialect: new SqliteReadPoolDialect(pool) });
});

afterAll(async () => {
  await reads?.destroy();
  await store?.close();
  await rm(root, { recursive: true, force: true });
});

describe('SqliteReadPool', () => {
  it('answers Kysely queries with the rows the main connection gives', async () => {
    const query = (db: Kysely<Database>) =>
      db
        .selectFrom('organizations')
        .select(['name', 'country'])
        .where('country', '!=', 'US')
        .orderBy('name')
        .execute();
    const direct = await query(store.db);
    expect(direct).toHaveLength(2);
    expect(await query(reads)).toEqual(direct);
    const raw = sql<{
      n: number;
      t: string | null;
    }>`select count(*) as n, max(name) as t from organizations where country = ${'FR'}`;
    expect((await raw.execute(reads)).rows).toEqual((await raw.execute(store.db)).rows);
  });

  it('sees a write the main connection commits (WAL: readers never block the writer)', async () => {
    const count = async () =>
      Number(
        (
          await reads
            .selectFrom('organizations')
            .select(sql<number>`count(*)`.as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await store.db
      .insertInto('organizations')
      .values({ name: 'Lab D', country: 'DE', type: 'academia', source: 'test' })
      .execute();
    expect(await count()).toBe(before + 1);
  });

  it('runs queries of concurrent callers side by side and keeps each answer with its caller', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => sql<{ v: number }>`select ${i} * 3 as v`.execute(reads)),
    );
    expect(answers.map((answer) => answer.rows[0]!.v)).toEqual(Array.from({ length: 12 }, (_, i) => i * 3));
  });

  it('throws the SqliteError the main connection throws for bad SQL and for a write', async () => {
    const bad = sql`select nope from organizations`;
    const direct = await failureOf(bad.execute(store.db));
    const pooled = await failureOf(bad.execute(reads));
    expect(direct).toBeInstanceOf(BetterSqlite3.SqliteError);
    expect(pooled).toBeInstanceOf(BetterSqlite3.SqliteError);
    expect((pooled as SqliteError).code).toBe((direct as SqliteError).code);
    expect((pooled as Error).message).toBe((direct as Error).message);

    const write = await failureOf(sql`delete from organizations`.execute(reads));
    expect(write).toBeInstanceOf(BetterSqlite3.SqliteError);
    expect((write as SqliteError).code).toBe('SQLITE_READONLY');
    expect(await store.db.selectFrom('organizations').select('name').execute()).not.toHaveLength(0);
  });

  it('refuses transactions and streaming with ERR_INTERNAL', async () => {
    const transaction = await failureOf(reads.transaction().execute(async () => 1));
    expect(transaction).toBeInstanceOf(ApertureError);
    expect((transaction as ApertureError).code).toBe('ERR_INTERNAL');
    const stream = await failureOf(
      (async () => {
        for await (const _row of reads.selectFrom('organizations').selectAll().stream()) return;
      })(),
    );
    expect((stream as ApertureError).code).toBe('ERR_INTERNAL');
  });

  it('leaves the event loop turning while a slow query runs (the main connection does not)', async () => {
    const pooled = await countTurnsDuring(() => SLOW_COUNT.execute(reads));
    const direct = await countTurnsDuring(() => SLOW_COUNT.execute(store.db));
    expect(pooled.value.rows[0]!.n).toBe(2_000_000);
    expect(direct.value.rows).toEqual(pooled.value.rows);
    expect(direct.turns).toBeLessThan(3);
    expect(pooled.turns).toBeGreaterThan(20);
  });

  it.runIf(process.platform === 'linux')(
    'runs its workers below the event loop priority (nice 10 on their own threads only)',
    async () => {
      const niceOfThreads = async () => {
        const tasks = await readdir('/proc/self/task');
        const nices: number[] = [];
        for (const task of tasks) {
          const stat = await readFile(`/proc/self/task/${task}/stat`, 'utf8').catch(() => '');
          // Fields after the command name (in parentheses): nice is the 19th field of the line.
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          if (fields.length > 16) nices.push(Number(fields[16]));
        }
        return nices;
      };
      const before = (await niceOfThreads()).filter((nice) => nice === 10).length;
      const mainPriority = getPriority(0);
      const own = await SqliteReadPool.open(file, { workers: 2 });
      try {
        await own.execute('select 1', []);
        expect((await niceOfThreads()).filter((nice) => nice === 10).length).toBe(before + 2);
        expect(getPriority(0)).toBe(mainPriority);
      } finally {
        await own.close();
      }
    },
  );

  it('fails to open a missing file with ERR_UNREADABLE and leaves no worker behind', async () => {
    const error = await failureOf(SqliteReadPool.open(path.join(root, 'missing.db'), { workers: 2 }));
    expect(error).toBeInstanceOf(ApertureError);
    expect((error as ApertureError).code).toBe('ERR_UNREADABLE');
    expect((error as Error).message).toContain('missing.db');
  });

  it('close fails queued queries with ERR_INTERNAL, ends its workers and refuses new queries', async () => {
    const own = await SqliteReadPool.open(file, { workers: 1 });
    expect(own.size).toBe(1);
    const running = own.execute(SLOW_COUNT.compile(store.db).sql, []);
    const queued = failureOf(own.execute('select 1 as one', []));
    await own.close();
    expect(own.size).toBe(0);
    expect((await queued) as ApertureError).toMatchObject({ code: 'ERR_INTERNAL' });
    // The query already inside SQLite ends with its worker: it fails rather than hangs.
    expect(await failureOf(running)).toMatchObject({ code: 'ERR_INTERNAL' });
    expect(await failureOf(own.execute('select 1', []))).toMatchObject({ code: 'ERR_INTERNAL' });
  });

  it('does not keep a process alive once its queries are answered', async () => {
    const script = path.join(root, 'forgotten-pool.mts');
    const source = pathToModule(path.join(import.meta.dirname, 'sqlite-read-pool.ts'));
    await writeFile(
      script,
      `import { SqliteReadPool } from ${JSON.stringify(source)};
const pool = await SqliteReadPool.open(${JSON.stringify(file)}, { workers: 2 });
const { rows } = await pool.execute('select count(*) as n from organizations', []);
console.log(JSON.stringify(rows));
// No close(): the idle workers must not keep the process alive.
`,
    );
    const { code, stdout } = await runNode(['--import', 'tsx', script], 20_000);
    expect(code).toBe(0);
    expect(JSON.parse(stdout.trim())[0].n).toBeGreaterThan(0);
  });
});

function pathToModule(file: string): string {
  return new URL(`file://${file}`).href;
}

/** Runs node with `args`; resolves with its exit code and output, or code null if it outlived `timeoutMs`. */
function runNode(args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout });
    });
  });
}
