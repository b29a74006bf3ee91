/**
 * One side of the import benchmark, run in its own process so its peak RSS is its own:
 *
 *   node --import tsx bench/support/import-child.ts <bare|aperture|generate> <rows> <batch> <db-file>
 *
 * Creates a fresh migrated SQLite store at <db-file> (not timed), then times the import of the
 * generated catalog and prints one JSON line: `ImportChildResult`.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { writeCatalog } from '../../src/observatory/index.ts';
import { migrateToLatest, openDatabase } from '../../src/store/index.ts';
import { bareCatalogInserter } from './bare-catalog-insert.ts';
import { generateModelBatches, generateOrganizations } from './generate-catalog-rows.ts';

/** The sides the child runs: the bare insert loop, Aperture's writer, or the generator alone. */
export const IMPORT_SIDES = ['bare', 'aperture', 'generate'] as const;

/** One of IMPORT_SIDES. */
export type ImportSide = (typeof IMPORT_SIDES)[number];

/** What the child prints on its last stdout line. */
export interface ImportChildResult {
  side: ImportSide;
  rows: number;
  /** Wall-clock time of generation + import, in milliseconds (store creation and migration excluded). */
  ms: number;
  /** Rows counted in the store afterwards (0 for `generate`). */
  models: number;
  modelCountries: number;
  organizations: number;
  /** Peak resident set size of the process, in MB (`process.resourceUsage().maxRSS`). */
  maxRssMB: number;
}

/** Removes a SQLite file with its WAL and shared-memory files. */
export async function removeSqliteFile(file: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(`${file}${suffix}`, { force: true });
}

/** Creates a fresh store at `file` with every migration applied. */
async function freshStore(file: string): Promise<void> {
  await removeSqliteFile(file);
  const handle = await openDatabase({ file });
  try {
    await migrateToLatest(handle);
  } finally {
    await handle.close();
  }
}

/** Opens `file` with the pragmas openDatabase uses, so the baseline writes under the same settings. */
export function openRawSqlite(file: string): BetterSqlite3.Database {
  const connection = new BetterSqlite3(file, { timeout: 5_000 });
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  // openDatabase's page cache (64 MiB), so both sides may hold the same pages in memory.
  connection.pragma('cache_size = -65536');
  return connection;
}

async function countRows(
  file: string,
): Promise<Pick<ImportChildResult, 'models' | 'modelCountries' | 'organizations'>> {
  const handle = await openDatabase({ file, mustExist: true });
  try {
    const count = async (table: 'models' | 'model_countries' | 'organizations') =>
      Number(
        (await handle.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n,
      );
    return {
      models: await count('models'),
      modelCountries: await count('model_countries'),
      organizations: await count('organizations'),
    };
  } finally {
    await handle.close();
  }
}

/**
 * Runs one side: `bare` loads with prepared inserts, `aperture` with `writeCatalog` (one batch per
 * call), `generate` only walks the generator (its cost is part of both other sides).
 */
export async function runImportSide(
  side: ImportSide,
  rows: number,
  batchSize: number,
  file: string,
): Promise<ImportChildResult> {
  if (side !== 'generate') await freshStore(file);
  const organizations = generateOrganizations();
  let ms: number;
  if (side === 'bare') {
    const connection = openRawSqlite(file);
    try {
      const start = performance.now();
      const insert = bareCatalogInserter(connection);
      insert.organizations(organizations);
      for (const batch of generateModelBatches(rows, batchSize, organizations)) insert.models(batch);
      ms = performance.now() - start;
    } finally {
      connection.close();
    }
  } else if (side === 'aperture') {
    const handle = await openDatabase({ file });
    try {
      const start = performance.now();
      await writeCatalog(handle.db, { organizations });
      for (const batch of generateModelBatches(rows, batchSize, organizations)) {
        await writeCatalog(handle.db, { models: batch });
      }
      ms = performance.now() - start;
    } finally {
      await handle.close();
    }
  } else {
    const start = performance.now();
    let generated = 0;
    for (const batch of generateModelBatches(rows, batchSize, organizations)) generated += batch.length;
    ms = performance.now() - start;
    if (generated !== rows) throw new Error(`generated ${generated} rows, expected ${rows}`);
  }
  // Read before counting the rows, so the figure is the import's peak alone (maxRSS is in KiB).
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  const counted =
    side === 'generate' ? { models: 0, modelCountries: 0, organizations: 0 } : await countRows(file);
  return { side, rows, ms, ...counted, maxRssMB };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [side, rows, batch, file] = process.argv.slice(2);
  if (!(IMPORT_SIDES as readonly string[]).includes(side ?? '') || !rows || !batch || !file) {
    console.error('usage: import-child.ts <bare|aperture|generate> <rows> <batch> <db-file>');
    process.exit(2);
  }
  const result = await runImportSide(side as ImportSide, Number(rows), Number(batch), path.resolve(file));
  console.log(JSON.stringify(result));
}
