import { existsSync } from 'node:fs';
import path from 'node:path';
import { ApertureError } from '../errors.ts';
import { type DatabaseHandle, sqliteConnectionOf } from './open-database.ts';

/** The one-line refusal of a PostgreSQL backup, pointing at pg_dump. */
export function postgresBackupRefused(destination: string): ApertureError {
  return new ApertureError(
    'ERR_USAGE',
    `backup works on SQLite only; for PostgreSQL use pg_dump (e.g. pg_dump --format=custom --file=${path.basename(destination)} "$DATABASE_URL")`,
  );
}

/**
 * Copies a SQLite database to `destination` with SQLite's online backup (consistent while others
 * write; WAL content included). PostgreSQL is refused: its own tool does this properly.
 *
 * @example
 * await backupDatabase(store, 'backups/aperture-2025-06-01.db');
 */
export async function backupDatabase(
  handle: DatabaseHandle,
  destination: string,
  options: { overwrite?: boolean } = {},
): Promise<{ destination: string; pages: number }> {
  const connection = sqliteConnectionOf(handle);
  if (handle.dialect !== 'sqlite' || !connection) throw postgresBackupRefused(destination);
  const target = path.resolve(destination);
  if (target === path.resolve(handle.location)) {
    throw new ApertureError('ERR_USAGE', `backup destination ${destination} is the database itself`);
  }
  if (!options.overwrite && existsSync(target)) {
    throw new ApertureError(
      'ERR_EXISTS',
      `${destination} already exists; choose another name or pass --force`,
    );
  }
  try {
    const { totalPages } = await connection.backup(target);
    return { destination: target, pages: totalPages };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ApertureError('ERR_UNREADABLE', `cannot write backup ${destination}: ${reason}`, {
      cause: error,
    });
  }
}
