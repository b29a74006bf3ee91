import type { ArenaDb } from './arena-records.ts';
import { type LogEntry, toJsonLines } from './transparency-log.ts';

/**
 * The whole transparency log in order (submission and close entries, of either version), as entries and as
 * the JSON Lines export that `aperture arena verify-log` checks. Salts stay in the store.
 *
 * @example
 * const { jsonLines, count } = await exportLog(db);
 */
export async function exportLog(
  db: ArenaDb,
): Promise<{ entries: LogEntry[]; jsonLines: string; count: number }> {
  const rows = await db.selectFrom('transparency_log').select('entry').orderBy('entry_index').execute();
  const entries = rows.map((row) => JSON.parse(row.entry) as LogEntry);
  return { entries, jsonLines: toJsonLines(entries), count: entries.length };
}
