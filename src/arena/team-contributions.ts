import type { ArenaDb } from './arena-records.ts';

/** One accepted submission of a team, with the transparency-log entry that proves it. */
export interface TeamContribution {
  benchmark: string;
  round: string;
  team: string;
  submissionId: number;
  /** sha256 hex of the submitted predictions file. */
  digest: string;
  /** Acceptance time, ISO 8601 UTC (the log entry's `time`). */
  receivedAt: string;
  /** The entry of the exported log (`aperture arena export-log`) that records the submission. */
  log: { index: number; hash: string };
}

/**
 * The accepted submissions of a team, to one benchmark or to any, oldest first. Accepted means logged:
 * submitPredictions inserts a submission and its transparency-log entry in one transaction, and only
 * submissions with an entry are returned, so each comes with the log index and hash anyone can check
 * against an export. An unknown team or benchmark has no contributions (an empty list, not an error).
 *
 * @example
 * const found = await teamContributions(db, { team: 'owls', benchmark: 'demo-sentiment' });
 * // [{ benchmark: 'demo-sentiment', round: 'round-1', team: 'owls', submissionId: 3, log: { index: 2, hash: '…' }, … }]
 */
export async function teamContributions(
  db: ArenaDb,
  query: { team: string; benchmark?: string },
): Promise<TeamContribution[]> {
  let select = db
    .selectFrom('submissions')
    .innerJoin('teams', 'teams.id', 'submissions.team_id')
    .innerJoin('rounds', 'rounds.id', 'submissions.round_id')
    .innerJoin('benchmarks', 'benchmarks.id', 'rounds.benchmark_id')
    .innerJoin('transparency_log', 'transparency_log.submission_id', 'submissions.id')
    .select([
      'benchmarks.slug as benchmark',
      'rounds.name as round',
      'teams.slug as team',
      'submissions.id as submissionId',
      'submissions.digest as digest',
      'submissions.received_at as receivedAt',
      'transparency_log.entry_index as logIndex',
      'transparency_log.hash as logHash',
    ])
    .where('teams.slug', '=', query.team)
    .where('submissions.unscored', 'is', null)
    .orderBy('transparency_log.entry_index');
  if (query.benchmark !== undefined) select = select.where('benchmarks.slug', '=', query.benchmark);
  const rows = await select.execute();
  return rows.map(({ logIndex, logHash, submissionId, ...row }) => ({
    ...row,
    submissionId: Number(submissionId),
    log: { index: Number(logIndex), hash: logHash },
  }));
}
