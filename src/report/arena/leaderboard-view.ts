/** A team's standing on a prize track, as a leaderboard shows it. */
export interface PrizeStandingView {
  track: string;
  eligible: boolean;
}

/** One row of a leaderboard: what the table and the CSV show of it. */
export interface LeaderboardEntryView {
  rank: number;
  team: string;
  score: number;
  /** The bootstrap interval on a private board; null on a public one. */
  lower: number | null;
  upper: number | null;
  submissions: number;
  lastSubmissionAt: string;
  prizes: readonly PrizeStandingView[];
}

/**
 * A round's leaderboard for one task, as the renderers read it: plain data, so report/ needs nothing of
 * the arena (the arena's `Leaderboard` fits it as it is).
 */
export interface LeaderboardView {
  benchmark: { title: string; metric: string };
  task: { id: string; title: string };
  /** Every task id of the benchmark, primary first. */
  tasks: readonly string[];
  round: { name: string; phase: string; closedAt: string | null };
  kind: 'public' | 'private';
  bootstrap: { resamples: number; seed: number } | null;
  /** Why a closed round's private board is not shown yet; null when it is. */
  withheld: { reason: string } | null;
  entries: readonly LeaderboardEntryView[];
}
