import type { ArenaDb } from './arena-records.ts';
import type { LogEntry } from './transparency-log.ts';

/*
 * The transparency_log table: one row per entry, with the entry's canonical JSON, the submission or round it
 * records, and the server-side salt of its score digests. Writers call these under the arena lock (lockArena),
 * so the last entry they read is still the last when they insert.
 */

/** The last entry of the log, or undefined when the log is empty. */
export async function readLastEntry(db: ArenaDb): Promise<LogEntry | undefined> {
  const last = await db
    .selectFrom('transparency_log')
    .select('entry')
    .orderBy('entry_index', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? (JSON.parse(last.entry) as LogEntry) : undefined;
}

/** Stores an entry with what it records (a submission, or a closed round) and its salt. */
export async function insertEntry(
  db: ArenaDb,
  entry: LogEntry,
  subject: { submissionId: number } | { roundId: number },
  salt: string,
): Promise<void> {
  await db
    .insertInto('transparency_log')
    .values({
      entry_index: entry.index,
      previous_hash: entry.previous,
      hash: entry.hash,
      submission_id: 'submissionId' in subject ? subject.submissionId : null,
      round_id: 'roundId' in subject ? subject.roundId : null,
      salt,
      entry: JSON.stringify(entry),
    })
    .execute();
}
