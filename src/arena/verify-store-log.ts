import { setImmediate } from 'node:timers/promises';
import { type ArenaDb, roundTaskName } from './arena-records.ts';
import { type LoggedSubmissionRow, readLoggedSubmissions } from './read-logged-submissions.ts';
import {
  closeDigests,
  type ScoredSubmission,
  scoredSubmissionOf,
  submissionScoresDigest,
} from './score-commitments.ts';
import {
  type CloseEntry,
  isCloseEntry,
  isVersionTwo,
  type LogEntry,
  type SubmissionEntry,
  verifyLog,
} from './transparency-log.ts';

/**
 * The outcome of {@link verifyStoreLog}: the count and head with how many submission and close entries were
 * checked against the store, or the first problem: the entry it is at (null for a problem no entry is at,
 * such as a submission the log does not record), the submission concerned when there is one, and why.
 */
export type StoreLogVerification =
  | { ok: true; count: number; head: string; submissions: number; closes: number }
  | { ok: false; index: number | null; submission: number | null; reason: string };

/** Rows read per query: SQLite's queries run on the event loop, so large stores are read a page at a time. */
const PAGE = 5000;

interface LogRow {
  entry_index: number;
  previous_hash: string;
  hash: string;
  submission_id: number | null;
  round_id: number | null;
  salt: string | null;
  entry: LogEntry;
}

interface RoundInfo {
  id: number;
  name: string;
  status: string;
  results: string | null;
  benchmark: string;
  /** The round's tasks, each with the name the log gives it (`bench/round` or `bench/round/task`). */
  tasks: { task: string; logName: string }[];
}

/** The private leaderboard of one task in a round's stored results, in its JSON form (null when absent). */
function storedBoard(results: string, task: string): unknown {
  const stored = JSON.parse(results) as { tasks?: { task: string }[] };
  return stored.tasks?.find((board) => board.task === task) ?? null;
}

/**
 * Verifies the store's own transparency log, and the store against it: the chain (as verifyLog does, with
 * `expected` count and head), then each entry against what the store holds now. A submission entry's
 * submission must still have the entry's round and task, team, file digest and time; a version-2 entry's
 * also its public score and the salted digest of its private score, released loss, Ladder flag and scored
 * flag. A close entry's round must still be closed, with the same logged submissions and scored fields and
 * the same private leaderboard as the close committed. Every submission must have an entry, and every
 * closed round whose submissions were logged with scores must have its close entries. Names the first
 * problem: the entry (in log order) and submission, without quoting any private score. Reads the store a
 * page at a time, with a turn for the event loop between pages.
 *
 * @example
 * const verdict = await verifyStoreLog(db, { head: publishedHead });
 * if (!verdict.ok) console.log(verdict.reason); // "entry 4 (submission 5): the store's scores … differ from what the entry commits"
 */
export async function verifyStoreLog(
  db: ArenaDb,
  expected?: { count?: number; head?: string },
): Promise<StoreLogVerification> {
  const rows = await readLogRows(db);
  const entries = rows.map((row) => row.entry);
  const chain = verifyLog(entries, expected);
  if (!chain.ok)
    return {
      ok: false,
      index: chain.index,
      submission: rows[chain.index]?.submission_id ?? null,
      reason: `entry ${chain.index}: ${chain.reason}`,
    };
  const submissions = await readAllSubmissions(db);
  const rounds = await readRounds(db);
  /** (round id, task) pairs with a version-2 submission entry, and those with a close entry. */
  const scoredLogged = new Set<string>();
  const closed = new Set<string>();
  const fail = (index: number | null, submission: number | null, reason: string) => ({
    ok: false as const,
    index,
    submission,
    reason,
  });
  let submissionEntries = 0;
  for (const row of rows) {
    const { entry } = row;
    const at = entry.index;
    if (row.entry_index !== at || row.hash !== entry.hash || row.previous_hash !== entry.previous)
      return fail(
        at,
        row.submission_id,
        `entry ${at}: its row's index or hash columns differ from the entry`,
      );
    if (isCloseEntry(entry)) {
      const problem = closeProblem(entry, row, rounds, submissions);
      if (problem) return fail(at, null, `entry ${at} (close of ${entry.round}): ${problem}`);
      closed.add(`${row.round_id}/${entry.round}`);
      continue;
    }
    submissionEntries++;
    if (row.submission_id === null || row.round_id !== null)
      return fail(at, row.submission_id, `entry ${at}: its row records no submission`);
    const id = row.submission_id;
    const submission = submissions.get(id);
    const problem = submission
      ? submissionProblem(entry, row.salt, submission, rounds)
      : 'the store has no such submission';
    if (problem) return fail(at, id, `entry ${at} (submission ${id}): ${problem}`);
    if (isVersionTwo(entry)) scoredLogged.add(`${submission!.round_id}/${entry.round}`);
    if (at % PAGE === PAGE - 1) await setImmediate();
  }
  for (const submission of submissions.values())
    if (submission.entry_index === null)
      return fail(
        null,
        submission.id,
        `submission ${submission.id} has no log entry (it was added behind the log)`,
      );
  for (const key of scoredLogged) {
    const round = rounds.get(Number(key.slice(0, key.indexOf('/'))));
    if (round?.status === 'closed' && !closed.has(key))
      return fail(
        null,
        null,
        `round ${key.slice(key.indexOf('/') + 1)} is closed but the log has no close entry for it`,
      );
  }
  return {
    ok: true,
    count: chain.count,
    head: chain.head,
    submissions: submissionEntries,
    closes: closed.size,
  };
}

/** What is wrong between a submission entry and the submission the store holds for it, or undefined. */
function submissionProblem(
  entry: Exclude<LogEntry, CloseEntry>,
  salt: string | null,
  submission: LoggedSubmissionRow,
  rounds: Map<number, RoundInfo>,
): string | undefined {
  const logName = rounds
    .get(submission.round_id)
    ?.tasks.find((task) => task.task === submission.task)?.logName;
  if (logName !== entry.round)
    return `the store puts it in ${logName ?? `round ${submission.round_id}, task ${submission.task}`}, the entry in ${entry.round}`;
  if (submission.team !== entry.team)
    return `the store gives it to team ${submission.team}, the entry names ${entry.team}`;
  if (submission.digest !== entry.submission) return "the store's file digest differs from the entry's";
  if (submission.received_at !== entry.time)
    return `the store's receipt time ${submission.received_at} differs from the entry's ${entry.time}`;
  if (!isVersionTwo(entry)) return undefined;
  const scored = entry as SubmissionEntry;
  if (submission.public_released !== scored.public)
    return "the store's public score differs from the entry's";
  if (salt === null) return "the store has lost the salt of the entry's scores";
  const sealed = scoredSubmissionOf({ ...submission, entry_index: entry.index });
  if (submissionScoresDigest(salt, sealed) !== scored.scores)
    return "the store's scores (private score, released loss, Ladder flag or scored flag) differ from what the entry commits";
  return undefined;
}

/** What is wrong between a close entry and the round the store holds for it, or undefined. */
function closeProblem(
  entry: CloseEntry,
  row: LogRow,
  rounds: Map<number, RoundInfo>,
  submissions: Map<number, LoggedSubmissionRow>,
): string | undefined {
  if (row.round_id === null || row.submission_id !== null) return 'its row records no round';
  if (row.salt === null) return "the store has lost the salt of the close's digests";
  const round = rounds.get(row.round_id);
  if (!round) return 'the store has no such round';
  const task = round.tasks.find((candidate) => candidate.logName === entry.round);
  if (!task) return `the store's round ${round.benchmark}/${round.name} has no such task`;
  if (round.status !== 'closed' || round.results === null) return 'the store says the round is not closed';
  const logged: ScoredSubmission[] = [];
  for (const submission of submissions.values())
    if (submission.round_id === round.id && submission.task === task.task && submission.entry_index !== null)
      logged.push(scoredSubmissionOf({ ...submission, entry_index: submission.entry_index }));
  const digests = closeDigests(row.salt, logged, storedBoard(round.results, task.task));
  if (digests.scores !== entry.scores)
    return "the scores of the round's submissions differ from what the close committed (a score, team, Ladder or scored flag was edited, or a submission moved)";
  if (digests.leaderboard !== entry.leaderboard)
    return 'the private leaderboard differs from what the close committed';
  return undefined;
}

/** Every log row in order, its entry parsed. */
async function readLogRows(db: ArenaDb): Promise<LogRow[]> {
  const rows: LogRow[] = [];
  for (let after = -1; ; ) {
    const page = await db
      .selectFrom('transparency_log')
      .select(['entry_index', 'previous_hash', 'hash', 'submission_id', 'round_id', 'salt', 'entry'])
      .where('entry_index', '>', after)
      .orderBy('entry_index')
      .limit(PAGE)
      .execute();
    for (const row of page) rows.push({ ...row, entry: JSON.parse(row.entry) as LogEntry });
    if (page.length < PAGE) return rows;
    after = page.at(-1)!.entry_index;
    await setImmediate();
  }
}

/** Every submission with its team and log entry, by id. */
async function readAllSubmissions(db: ArenaDb): Promise<Map<number, LoggedSubmissionRow>> {
  const submissions = new Map<number, LoggedSubmissionRow>();
  for (let after = 0; ; ) {
    const page = await readLoggedSubmissions(db, { afterId: after, limit: PAGE });
    for (const row of page) submissions.set(row.id, row);
    if (page.length < PAGE) return submissions;
    after = page.at(-1)!.id;
    await setImmediate();
  }
}

/** Every round with its benchmark's slug and tasks, by id. */
async function readRounds(db: ArenaDb): Promise<Map<number, RoundInfo>> {
  const benchmarks = await db.selectFrom('benchmarks').select(['id', 'slug']).execute();
  const tasks = await db
    .selectFrom('benchmark_tasks')
    .select(['benchmark_id', 'name', 'position'])
    .orderBy('benchmark_id')
    .orderBy('position')
    .execute();
  const rows = await db
    .selectFrom('rounds')
    .select(['id', 'benchmark_id', 'name', 'status', 'results'])
    .execute();
  const slugs = new Map(benchmarks.map((benchmark) => [benchmark.id, benchmark.slug]));
  const rounds = new Map<number, RoundInfo>();
  for (const round of rows) {
    const benchmark = slugs.get(round.benchmark_id) ?? `#${round.benchmark_id}`;
    const own = tasks.filter((task) => task.benchmark_id === round.benchmark_id);
    rounds.set(round.id, {
      id: round.id,
      name: round.name,
      status: round.status,
      results: round.results,
      benchmark,
      tasks: own.map((task, index) => ({
        task: task.name,
        logName: roundTaskName(benchmark, round.name, { name: task.name, primary: index === 0 }),
      })),
    });
  }
  return rounds;
}
