import { createHash } from 'node:crypto';

/*
 * The arena's transparency log: every accepted submission is appended as an entry whose hash covers the
 * previous entry's hash, so rewriting, dropping, reordering or inserting an entry breaks the chain from that
 * entry on. Export format: JSON Lines, one entry per line, fields in canonical order.
 *
 * Canonical serialisation (what is hashed): the JSON object with exactly the keys index, previous, round,
 * submission, team, time, in that (lexicographic) order, no white space, strings escaped as
 * JSON.stringify does (which equals RFC 8785 JCS for strings and safe integers). entry.hash =
 * sha256 hex of the UTF-8 bytes of that text. The first entry's `previous` is GENESIS_HASH.
 */

/** The `previous` of the first entry: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the arena records for an accepted submission. */
export interface LogEntryInput {
  /** sha256 hex of the submitted predictions file. */
  submission: string;
  /** Acceptance time, ISO 8601 UTC with milliseconds (`Date.prototype.toISOString`). */
  time: string;
  team: string;
  round: string;
}

/** One entry of the log. */
export interface LogEntry extends LogEntryInput {
  /** Position in the log, from 0. */
  index: number;
  /** Hash of the entry before, or GENESIS_HASH. */
  previous: string;
  /** sha256 hex of the canonical serialisation of the other fields. */
  hash: string;
}

/** The outcome of {@link verifyLog}: the count and head hash, or the first broken entry and why. */
export type LogVerification =
  | { ok: true; count: number; head: string }
  | { ok: false; index: number; reason: string };

const HEX64 = /^[0-9a-f]{64}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const FIELDS = ['hash', 'index', 'previous', 'round', 'submission', 'team', 'time'] as const;

/** The canonical text of an entry's hashed fields (see the header comment). */
export function canonicalEntryText(entry: Omit<LogEntry, 'hash'>): string {
  return JSON.stringify({
    index: entry.index,
    previous: entry.previous,
    round: entry.round,
    submission: entry.submission,
    team: entry.team,
    time: entry.time,
  });
}

/** sha256 hex of an entry's canonical text. */
export function hashEntry(entry: Omit<LogEntry, 'hash'>): string {
  return createHash('sha256').update(canonicalEntryText(entry), 'utf8').digest('hex');
}

/**
 * The entry that follows `last` (or the first entry when `last` is undefined). Pure: the caller stores it.
 *
 * @example
 * const first = appendEntry(undefined, { submission: digest, time: new Date().toISOString(), team: 'owls', round: 'r1' });
 */
export function appendEntry(last: LogEntry | undefined, input: LogEntryInput): LogEntry {
  const problem =
    inputProblem(input) ?? (last && input.time < last.time ? 'time is before the previous entry' : undefined);
  if (problem) throw new RangeError(`transparency log: ${problem}`);
  const body = {
    index: last ? last.index + 1 : 0,
    previous: last ? last.hash : GENESIS_HASH,
    round: input.round,
    submission: input.submission,
    team: input.team,
    time: input.time,
  };
  return { ...body, hash: hashEntry(body) };
}

function inputProblem(input: { [K in keyof LogEntryInput]?: unknown }): string | undefined {
  if (typeof input.submission !== 'string' || !HEX64.test(input.submission))
    return 'submission is not a lowercase sha256 hex digest';
  if (typeof input.time !== 'string' || !ISO_TIME.test(input.time) || Number.isNaN(Date.parse(input.time)))
    return 'time is not an ISO 8601 UTC time like 2025-01-31T12:00:00.000Z';
  if (typeof input.team !== 'string' || input.team === '') return 'team is not a non-empty string';
  if (typeof input.round !== 'string' || input.round === '') return 'round is not a non-empty string';
  return undefined;
}

/**
 * Recomputes the chain and names the first entry that breaks it: a wrong shape, an index out of sequence
 * (dropped, inserted or reordered entries), a `previous` that is not the hash of the entry before, a hash
 * that does not match the content (a rewritten entry), or a time earlier than the entry before.
 * A log cut short at the end still verifies: compare `count` and `head` with a published head to catch that,
 * or pass `expected`.
 *
 * @example
 * verifyLog(entries); // { ok: true, count: 3, head: '9f…' }
 */
export function verifyLog(
  entries: readonly unknown[],
  expected?: { count?: number; head?: string },
): LogVerification {
  let previous = GENESIS_HASH;
  let previousTime = '';
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      return { ok: false, index, reason: 'not a JSON object' };
    const record = entry as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    if (keys.length !== FIELDS.length || keys.some((key, i) => key !== FIELDS[i]))
      return { ok: false, index, reason: `fields must be exactly ${FIELDS.join(', ')}` };
    const problem = inputProblem(record);
    if (problem) return { ok: false, index, reason: problem };
    if (record.index !== index)
      return {
        ok: false,
        index,
        reason: `index is ${JSON.stringify(record.index)}, expected ${index} (an entry was dropped, inserted or moved)`,
      };
    if (record.previous !== previous)
      return {
        ok: false,
        index,
        reason:
          'previous is not the hash of the entry before (an entry was dropped, inserted, moved or rewritten)',
      };
    const logEntry = record as unknown as LogEntry;
    if (logEntry.time < previousTime)
      return { ok: false, index, reason: 'time is before the previous entry' };
    if (logEntry.hash !== hashEntry(logEntry))
      return { ok: false, index, reason: 'hash does not match the entry (the entry was rewritten)' };
    previous = logEntry.hash;
    previousTime = logEntry.time;
  }
  if (expected?.count !== undefined && expected.count !== entries.length)
    return {
      ok: false,
      index: Math.min(entries.length, expected.count),
      reason: `the log has ${entries.length} entries, expected ${expected.count}`,
    };
  if (expected?.head !== undefined && expected.head !== previous)
    return {
      ok: false,
      index: Math.max(0, entries.length - 1),
      reason: 'the head hash differs from the published head',
    };
  return { ok: true, count: entries.length, head: previous };
}

/** The log as JSON Lines (one canonical entry per line, each line ending in `\n`). */
export function toJsonLines(entries: readonly LogEntry[]): string {
  return entries
    .map(
      (entry) =>
        `${JSON.stringify({
          index: entry.index,
          previous: entry.previous,
          round: entry.round,
          submission: entry.submission,
          team: entry.team,
          time: entry.time,
          hash: entry.hash,
        })}\n`,
    )
    .join('');
}

/**
 * Parses an exported log (JSON Lines; blank lines ignored) into values for {@link verifyLog}, or names the
 * first line that is not JSON.
 */
export function parseLogJsonLines(
  text: string,
): { ok: true; entries: unknown[] } | { ok: false; line: number; reason: string } {
  const entries: unknown[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      entries.push(JSON.parse(line));
    } catch {
      return { ok: false, line: i + 1, reason: 'not valid JSON' };
    }
  }
  return { ok: true, entries };
}
