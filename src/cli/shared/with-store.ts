import { type DatabaseHandle, migrateToLatest, openDatabase } from '../../store/index.ts';
import type { CliIo } from '../io.ts';

/** Options of withStore. */
export interface WithStoreOptions {
  /** Refuse a SQLite file that does not exist yet, instead of creating it. */
  mustExist?: boolean;
}

/**
 * Opens the store (`--db`, else DATABASE_URL, else .aperture/aperture.db), migrates it to the latest
 * schema, runs `work` and closes the store, whether `work` succeeds or throws.
 *
 * @example
 * const items = await withStore(io, options.db, (store) => listBenchmarks(store.db));
 */
export async function withStore<T>(
  io: CliIo,
  db: string | undefined,
  work: (store: DatabaseHandle) => Promise<T>,
  options: WithStoreOptions = {},
): Promise<T> {
  const store = await openDatabase({ file: db, env: io.env, cwd: io.cwd, mustExist: options.mustExist });
  try {
    await migrateToLatest(store);
    return await work(store);
  } finally {
    await store.close();
  }
}
