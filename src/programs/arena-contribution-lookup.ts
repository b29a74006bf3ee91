/** Evidence of an accepted submission: the submission, its file digest and its transparency-log entry. */
export interface SubmissionEvidence {
  submissionId: number;
  round: string;
  digest: string;
  log: { index: number; hash: string };
}

/** Evidence of a contributed benchmark: its slug and when the organiser created (accepted) it. */
export interface BenchmarkEvidence {
  slug: string;
  createdAt: string;
}

/**
 * One contribution of a team to the arena, as the arena records it: a submission to a benchmark
 * (`kind: 'submission'`, the default when absent) or a benchmark the team contributed (`kind: 'benchmark'`).
 */
export interface ArenaContribution {
  kind?: 'submission' | 'benchmark';
  benchmark: string;
  team: string;
  /** ISO date or timestamp of the submission, or of the benchmark's creation. */
  submittedAt: string;
  /** True when the arena accepted it (scored, logged); rejected submissions do not count. */
  accepted: boolean;
  /** The evidence, when the lookup has it. */
  evidence?: SubmissionEvidence | BenchmarkEvidence;
}

/**
 * How program verification asks the arena whether a team contributed to a benchmark. The arena's
 * tables are its own; it implements this interface over them, so programs never read arena tables
 * directly. Without an implementation, benchmark-contribution deliverables verify as `unverifiable`
 * (never as a pass).
 *
 * @example
 * const lookup: ArenaContributionLookup = {
 *   async findContributions({ team }) { return []; },
 * };
 */
export interface ArenaContributionLookup {
  /**
   * Contributions of `team`, to (or being) `benchmark` when given, else any the arena accepts: submissions
   * and, when the lookup knows them, contributed benchmarks; the judge keeps the kinds a requirement counts.
   */
  findContributions(query: { team: string; benchmark?: string }): Promise<ArenaContribution[]>;
}
