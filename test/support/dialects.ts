import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { type DatabaseHandle, type DialectName, openDatabase } from '../../src/store/index.ts';

/*
 * The dialect matrix: the same describe block runs on SQLite (a temp file, always) and on PostgreSQL
 * when 127.0.0.1:5432 answers, in a database created for the run and dropped afterwards, so parallel
 * runs never collide. Set APERTURE_TEST_PG_URL to use another server (its database is the admin one).
 */

const PG_HOST = '127.0.0.1';
const PG_PORT = 5432;

/** What a test block gets for its dialect. */
export interface DialectContext {
  readonly dialect: DialectName;
  /** Opens (another) handle on this block's database; closed after the block. */
  open(): Promise<DatabaseHandle>;
  /** Creates a new empty database of this dialect and opens it; dropped after the block. */
  openFresh(): Promise<DatabaseHandle>;
  /** CLI arguments and environment that select this block's database (`--db FILE` or DATABASE_URL). */
  cli(): { args: string[]; env: Record<string, string> };
  /** A scratch folder for files (backups, exports); removed after the block. */
  readonly tempDir: string;
}

function portAnswers(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

async function canConnect(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** An admin URL that connects (to create and drop databases), or why PostgreSQL is skipped. */
async function findPostgres(): Promise<{ adminUrl: string } | { skip: string }> {
  const override = process.env.APERTURE_TEST_PG_URL;
  if (override) {
    const problem = await canConnect(override);
    return problem ? { skip: `APERTURE_TEST_PG_URL does not connect: ${problem}` } : { adminUrl: override };
  }
  if (!(await portAnswers(PG_HOST, PG_PORT, 1_000))) {
    return { skip: `nothing answers on ${PG_HOST}:${PG_PORT}` };
  }
  const problems: string[] = [];
  for (const user of ['postgres', 'root']) {
    for (const database of ['test', 'postgres']) {
      const url = `postgres://${user}@${PG_HOST}:${PG_PORT}/${database}`;
      const problem = await canConnect(url);
      if (problem === null) return { adminUrl: url };
      problems.push(`${user}@${database}: ${problem}`);
    }
  }
  return { skip: `${PG_HOST}:${PG_PORT} answers but refuses us (${problems.join('; ')})` };
}

const POSTGRES = await findPostgres();

/** True when the PostgreSQL leg of the matrix runs. */
export const POSTGRES_AVAILABLE = 'adminUrl' in POSTGRES;

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function makeContext(
  dialect: DialectName,
  adminUrl: string | null,
): {
  context: DialectContext;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
} {
  const handles: DatabaseHandle[] = [];
  const databases: string[] = [];
  let tempDir = '';
  let mainTarget = '';

  async function createTarget(): Promise<string> {
    if (dialect === 'sqlite') return path.join(tempDir, `aperture-${randomBytes(4).toString('hex')}.db`);
    const name = `aperture_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(adminUrl!, `create database ${name}`);
    databases.push(name);
    return databaseUrl(adminUrl!, name);
  }

  async function openTarget(target: string): Promise<DatabaseHandle> {
    const handle = await openDatabase(
      dialect === 'sqlite' ? { file: target, env: {} } : { url: target, env: {} },
    );
    handles.push(handle);
    return handle;
  }

  const context: DialectContext = {
    dialect,
    open: () => openTarget(mainTarget),
    openFresh: async () => openTarget(await createTarget()),
    cli: (): { args: string[]; env: Record<string, string> } =>
      dialect === 'sqlite'
        ? { args: ['--db', mainTarget], env: {} }
        : { args: [], env: { DATABASE_URL: mainTarget } },
    get tempDir() {
      return tempDir;
    },
  };

  return {
    context,
    async setUp() {
      tempDir = await mkdtemp(path.join(tmpdir(), `aperture-${dialect}-`));
      mainTarget = await createTarget();
    },
    async tearDown() {
      await Promise.all(handles.splice(0).map((handle) => handle.close().catch(() => {})));
      for (const name of databases.splice(0)) {
        await adminQuery(adminUrl!, `drop database if exists ${name} with (force)`).catch((error: Error) =>
          console.warn(`could not drop test database ${name}: ${error.message}`),
        );
      }
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `body` as a describe block once per dialect with the same assertions: `name [sqlite]` always,
 * `name [postgres]` when PostgreSQL answers (otherwise skipped, with the reason printed).
 *
 * @example
 * forEachDialect('store', (ctx) => {
 *   it('migrates', async () => {
 *     const store = await ctx.open();
 *     expect((await migrateToLatest(store)).applied).toEqual(['0001-catalog']);
 *   });
 * });
 */
export function forEachDialect(name: string, body: (context: DialectContext) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const title = `${name} [${dialect}]`;
    if (dialect === 'postgres' && 'skip' in POSTGRES) {
      console.warn(`skipping ${title}: ${POSTGRES.skip}`);
      describe.skip(title, () => body(makeContext(dialect, null).context));
      continue;
    }
    describe(title, () => {
      const { context, setUp, tearDown } = makeContext(
        dialect,
        'adminUrl' in POSTGRES ? POSTGRES.adminUrl : null,
      );
      beforeAll(setUp);
      afterAll(tearDown);
      body(context);
    });
  }
}
