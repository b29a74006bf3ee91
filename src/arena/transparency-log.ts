import { createHash } from 'node:crypto';

/*
 * The arena's transparency log: every accepted submission, and every task of every closed round, is appended
 * as an entry whose hash covers the previous entry's hash, so rewriting, dropping, reordering or inserting an
 * entry breaks the chain from that entry on. Export format: JSON Lines, one entry per line, fields in
 * canonical order.
 *
 * Three kinds of entry (docs/arena.md, "The transparency log"):
 * - version 1 (no `version` field), written before scores were committed: index, previous, round, submission,
 *   team, time. Logs of that era keep verifying; no entry of it may follow a version-2 entry.
 * - version 2, kind `submission`: the version-1 fields plus `public` (the score the Ladder released after it)
 *   and `scores` (a salted digest of its other scored fields, kept server-side: see score-commitments.ts).
 * - version 2, kind `close`: index, previous, round, time, `scores` (a salted digest of every logged
 *   submission of the round's task with its scores) and `leaderboard` (a salted digest of the private
 *   leaderboard the close stored).
 *
 * Canonical serialisation (what is hashed): the JSON object of every field but `hash`, keys in lexicographic
 * order, no white space, strings and numbers as JSON.stringify writes them (which equals RFC 8785 JCS for
 * strings, safe integers and finite doubles). entry.hash = sha256 hex of the UTF-8 bytes of that text. The
 * first entry's `previous` is GENESIS_HASH. For version 1 this is exactly the text hashed since the start.
 */

/** The `previous` of the first entry: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** The entry version this code writes. */
export const LOG_ENTRY_VERSION = 2;

/** What a version-1 entry records for an accepted submission (the format before scores were committed). */
export interface LogEntryInput {
  /** sha256 hex of the submitted predictions file. */
  submission: string;
  /** Acceptance time, ISO 8601 UTC with milliseconds (`Date.prototype.toISOString`). */
  time: string;
  team: string;
  /** `benchmark/round` for a benchmark's first task, `benchmark/round/task` for the others. */
  round: string;
}

/** What a version-2 entry records for an accepted submission. */
export interface SubmissionEntryInput extends LogEntryInput {
  kind: 'submission';
  /** The public score the Ladder released after this submission (what the public leaderboard shows). */
  public: number;
  /** sha256 hex of the submission's salted scored fields (see submissionScoresDigest). */
  scores: string;
}

/** What a version-2 entry records for one task of a closed round. */
export interface CloseEntryInput {
  kind: 'close';
  /** Close time (never before the entry before). */
  time: string;
  /** The round's task, named as the submissions' entries name it. */
  round: string;
  /** sha256 hex of the salted list of the round task's logged submissions with their scores. */
  scores: string;
  /** sha256 hex of the salted private leaderboard the close stored. */
  leaderboard: string;
}

/** Position and chain fields every entry has. */
interface Chained {
  /** Position in the log, from 0. */
  index: number;
  /** Hash of the entry before, or GENESIS_HASH. */
  previous: string;
  /** sha256 hex of the canonical serialisation of the other fields. */
  hash: string;
}

/** A version-1 submission entry. */
export type LegacySubmissionEntry = LogEntryInput & Chained;
/** A version-2 submission entry. */
export type SubmissionEntry = Omit<SubmissionEntryInput, 'kind'> &
  Chained & { version: 2; kind: 'submission' };
/** A version-2 close entry. */
export type CloseEntry = Omit<CloseEntryInput, 'kind'> & Chained & { version: 2; kind: 'close' };

/** One entry of the log. */
export type LogEntry = LegacySubmissionEntry | SubmissionEntry | CloseEntry;

/** The outcome of {@link verifyLog}: the count and head hash, or the first broken entry and why. */
export type LogVerification =
  | { ok: true; count: number; head: string }
  | { ok: false; index: number; reason: string };

const HEX64 = /^[0-9a-f]{64}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The exact field set of each kind of entry, sorted. */
const FIELDS = {
  legacy: ['hash', 'index', 'previous', 'round', 'submission', 'team', 'time'],
  submission: [
    'hash',
    'index',
    'kind',
    'previous',
    'public',
    'round',
    'scores',
    'submission',
    'team',
    'time',
    'version',
  ],
  close: ['hash', 'index', 'kind', 'leaderboard', 'previous', 'round', 'scores', 'time', 'version'],
} as const;

/** True for an entry of version 2 (either kind). */
export function isVersionTwo(entry: LogEntry): entry is SubmissionEntry | CloseEntry {
  return 'version' in entry;
}

/** True for a close entry. */
export function isCloseEntry(entry: LogEntry): entry is CloseEntry {
  return isVersionTwo(entry) && entry.kind === 'close';
}

/** The fields of an entry but `hash`, keys in lexicographic order. */
function sortedBody(entry: Omit<LogEntry, 'hash'> | LogEntry): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(entry).sort())
    if (key !== 'hash') body[key] = (entry as Record<string, unknown>)[key];
  return body;
}

/** The canonical text of an entry's hashed fields (see the header comment). */
export function canonicalEntryText(entry: Omit<LogEntry, 'hash'> | LogEntry): string {
  return JSON.stringify(sortedBody(entry));
}

/** sha256 hex of an entry's canonical text. */
export function hashEntry(entry: Omit<LogEntry, 'hash'> | LogEntry): string {
  return createHash('sha256').update(canonicalEntryText(entry), 'utf8').digest('hex');
}

/**
 * The entry that follows `last` (or the first entry when `last` is undefined). Pure: the caller stores it.
 * An input with a `kind` makes a version-2 entry (what the arena writes); one without, a version-1 entry
 * (the earlier format, kept for tools and tests that reproduce old logs).
 *
 * @example
 * const first = appendEntry(undefined, { kind: 'submission', submission: digest, time: new Date().toISOString(), team: 'owls', round: 'bench/r1', public: 0.75, scores });
 */
export function appendEntry(last: LogEntry | undefined, input: SubmissionEntryInput): SubmissionEntry;
export function appendEntry(last: LogEntry | undefined, input: CloseEntryInput): CloseEntry;
export function appendEntry(last: LogEntry | undefined, input: LogEntryInput): LegacySubmissionEntry;
export function appendEntry(
  last: LogEntry | undefined,
  input: LogEntryInput | SubmissionEntryInput | CloseEntryInput,
): LogEntry {
  const problem =
    inputProblem(input as unknown as Record<string, unknown>) ??
    (last && input.time < last.time ? 'time is before the previous entry' : undefined);
  if (problem) throw new RangeError(`transparency log: ${problem}`);
  const chain = { index: last ? last.index + 1 : 0, previous: last ? last.hash : GENESIS_HASH };
  const body =
    'kind' in input
      ? { ...chain, ...input, version: LOG_ENTRY_VERSION }
      : { ...chain, round: input.round, submission: input.submission, team: input.team, time: input.time };
  return {
    ...(sortedBody(body as Omit<LogEntry, 'hash'>) as Omit<LogEntry, 'hash'>),
    hash: hashEntry(body as Omit<LogEntry, 'hash'>),
  } as LogEntry;
}

/** Why the content of an entry (or entry input) is malformed, or undefined. */
function inputProblem(input: Record<string, unknown>): string | undefined {
  if (input.kind !== 'close' && (typeof input.submission !== 'string' || !HEX64.test(input.submission)))
    return 'submission is not a lowercase sha256 hex digest';
  if (typeof input.time !== 'string' || !ISO_TIME.test(input.time) || Number.isNaN(Date.parse(input.time)))
    return 'time is not an ISO 8601 UTC time like 2025-01-31T12:00:00.000Z';
  if (input.kind !== 'close' && (typeof input.team !== 'string' || input.team === ''))
    return 'team is not a non-empty string';
  if (typeof input.round !== 'string' || input.round === '') return 'round is not a non-empty string';
  if (input.kind === undefined) return undefined;
  if (input.kind !== 'submission' && input.kind !== 'close') return 'kind is neither submission nor close';
  if (typeof input.scores !== 'string' || !HEX64.test(input.scores))
    return 'scores is not a lowercase sha256 hex digest';
  if (input.kind === 'submission' && (typeof input.public !== 'number' || !Number.isFinite(input.public)))
    return 'public is not a finite number';
  if (input.kind === 'close' && (typeof input.leaderboard !== 'string' || !HEX64.test(input.leaderboard)))
    return 'leaderboard is not a lowercase sha256 hex digest';
  return undefined;
}

/** Why the field set or version of an entry is wrong, or undefined. */
function shapeProblem(record: Record<string, unknown>, afterVersionTwo: boolean): string | undefined {
  const keys = Object.keys(record).sort();
  const expect = (fields: readonly string[], what: string) =>
    keys.length !== fields.length || keys.some((key, i) => key !== fields[i])
      ? `fields of ${what} must be exactly ${fields.join(', ')}`
      : undefined;
  if (!('version' in record)) {
    // A version-1 entry after a version-2 one would be a submission logged without its scores.
    if (afterVersionTwo) return 'a version-1 entry (no scores) after a version-2 entry';
    return expect(FIELDS.legacy, 'a version-1 entry');
  }
  if (record.version !== LOG_ENTRY_VERSION)
    return `version is ${JSON.stringify(record.version)}; this verifier knows 1 (no version field) and 2`;
  if (record.kind === 'submission') return expect(FIELDS.submission, 'a submission entry');
  if (record.kind === 'close') return expect(FIELDS.close, 'a close entry');
  return 'kind is neither submission nor close';
}

/**
 * Recomputes the chain and names the first entry that breaks it: a wrong shape, an index out of sequence
 * (dropped, inserted or reordered entries), a `previous` that is not the hash of the entry before, a hash
 * that does not match the content (a rewritten entry), a time earlier than the entry before, or a version-1
 * entry after a version-2 one. A log cut short at the end still verifies: compare `count` and `head` with a
 * published head to catch that, or pass `expected`. It checks the log alone: whether the store still holds
 * what the entries commit is verifyStoreLog's question.
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
  let versionTwoSeen = false;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      return { ok: false, index, reason: 'not a JSON object' };
    const record = entry as Record<string, unknown>;
    const problem = shapeProblem(record, versionTwoSeen) ?? inputProblem(record);
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
    versionTwoSeen ||= isVersionTwo(logEntry);
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

/** One entry as its export line: the canonical fields, then `hash` (no trailing newline). */
export function entryJsonLine(entry: LogEntry): string {
  return JSON.stringify({ ...sortedBody(entry), hash: entry.hash });
}

/** The log as JSON Lines (one canonical entry per line, each line ending in `\n`). */
export function toJsonLines(entries: readonly LogEntry[]): string {
  return entries.map((entry) => `${entryJsonLine(entry)}\n`).join('');
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
