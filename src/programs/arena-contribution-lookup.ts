/** One submission of a team to an arena benchmark, as the arena records it. */
export interface ArenaContribution {
  benchmark: string;
  team: string;
  /** ISO date or timestamp of the submission. */
  submittedAt: string;
  /** True when the arena accepted it (scored, logged); rejected submissions do not count. */
  accepted: boolean;
  /** The evidence, when the lookup has it: the submission, its file digest and its transparency-log entry. */
  evidence?: {
    submissionId: number;
    round: string;
    digest: string;
    log: { index: number; hash: string };
  };
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
  /** Contributions of `team`, to `benchmark` when given, else to any benchmark the arena accepts. */
  findContributions(query: { team: string; benchmark?: string }): Promise<ArenaContribution[]>;
}
