/** SQLite's extended result codes for a broken UNIQUE or PRIMARY KEY constraint (better-sqlite3's `code`). */
const SQLITE_UNIQUE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
/** PostgreSQL's SQLSTATE unique_violation. */
const POSTGRES_UNIQUE_VIOLATION = '23505';

/**
 * True when `error` is a write refused by a unique constraint, on either dialect, so that a writer can
 * insert first and let the constraint decide who was first instead of reading, then writing (a race).
 *
 * @example
 * try {
 *   await trx.insertInto('programs').values(row).execute();
 * } catch (error) {
 *   if (isUniqueViolation(error)) throw new ApertureError('ERR_EXISTS', `program "${row.slug}" exists`);
 *   throw error;
 * }
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (SQLITE_UNIQUE_CODES.has(code) || code === POSTGRES_UNIQUE_VIOLATION);
}
