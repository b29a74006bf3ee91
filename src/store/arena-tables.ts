import type { ColumnType, Generated } from 'kysely';
import type { ItemSplit, LadderKind, RoundStatus, TokenScope } from '../spec/index.ts';

/** An arena benchmark. Natural key: `slug`. */
export interface BenchmarksTable {
  id: Generated<number>;
  slug: string;
  title: string;
  description: string;
  /** A metric name of the arena registry (`accuracy`, `rmse`, `pass@10`, …). */
  metric: string;
  /** 1 when higher scores are better, else 0 (copied from the metric for SQL ordering). */
  higher_is_better: number;
  ladder_kind: LadderKind;
  /** The fixed Ladder's step η (a loss difference); null for the parameter-free Ladder. */
  ladder_step: number | null;
  /** Submissions a team may make per UTC day to this benchmark. */
  daily_cap: number;
  /** The label set as a JSON array text, for label metrics; null otherwise. */
  label_set: string | null;
  /** 1 for the bundled demo benchmark (fictional data). */
  demo: number;
  created_at: string;
  /** The arena team (slug) that contributed the benchmark; null for the organiser's own. */
  contributed_by: string | null;
}

/**
 * A task of a benchmark: its own metric, label set, items, Ladder state and private leaderboard.
 * Natural key: (`benchmark_id`, `name`). Position 0 is the primary task, the default wherever a task is omitted.
 */
export interface BenchmarkTasksTable {
  id: Generated<number>;
  benchmark_id: number;
  /** The task id (a slug); `main` for a benchmark defined without tasks. */
  name: string;
  title: string;
  description: string;
  /** A metric name of the arena registry. */
  metric: string;
  /** 1 when higher scores are better, else 0. */
  higher_is_better: number;
  /** The label set as a JSON array text, for label metrics; null otherwise. */
  label_set: string | null;
  /** Order within the benchmark, from 0. */
  position: number;
}

/** One item of a benchmark. Natural key: (`benchmark_id`, `external_id`): ids are unique across tasks. */
export interface ArenaItemsTable {
  id: Generated<number>;
  benchmark_id: number;
  split: ItemSplit;
  external_id: string;
  /** The truth as JSON text; for the private split it never leaves the server. */
  label: string;
  /** The round whose fresh items these are; null for items shared by every round. */
  round_id: number | null;
  created_at: string;
  /** The task (benchmark_tasks.name) the item belongs to. */
  task: ColumnType<string, string | undefined, string>;
}

/** A time-windowed round of a benchmark. Natural key: (`benchmark_id`, `name`). */
export interface RoundsTable {
  id: Generated<number>;
  benchmark_id: number;
  name: string;
  opens_at: string;
  /** The submission freeze: fresh items may be added, and predictions sent, from this time on. */
  freezes_at: string;
  closes_at: string;
  status: RoundStatus;
  /** When closeRound ran. */
  closed_at: string | null;
  /** The private leaderboard computed at close, as JSON text. */
  results: string | null;
}

/** A team. Natural key: `slug`. */
export interface TeamsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  created_at: string;
}

/** An API token of a team: only its sha256 is stored. */
export interface TeamTokensTable {
  id: Generated<number>;
  team_id: number;
  /**
   * What the token shows between `apt_` and its secret: 24 random hex digits, or for a token issued before
   * migration 0010 its row id as text. Unique; set on every insert (the column is nullable only because
   * 0010 added it to existing rows).
   */
  public_id: string;
  /** sha256 hex of the secret part of the token. */
  token_hash: string;
  scope: TokenScope;
  created_at: string;
  revoked_at: string | null;
}

/** An accepted submission (resending the same file is another submission and counts toward the cap). */
export interface SubmissionsTable {
  id: Generated<number>;
  team_id: number;
  round_id: number;
  /** sha256 hex of the submitted file. */
  digest: string;
  received_at: string;
  /** The score the public leaderboard shows after this submission (the Ladder's release). */
  public_released: number;
  /** The released public loss (the Ladder works on losses). */
  public_released_loss: number;
  /** 1 when this submission became the team's new public best. */
  improved: number;
  /** The private-split score, shown only once the round is closed. */
  private_score: number | null;
  /** Per-split results (raw public score, private score, item counts) as JSON text; server-side only. */
  results: string;
  /** The predictions aligned with the round's public then private ids, as JSON text; server-side only. */
  predictions: string;
  /** The task (benchmark_tasks.name) the predictions are for. */
  task: ColumnType<string, string | undefined, string>;
  /**
   * Why this submission has no score (rows repaired by migration 0009), or null for a scored one.
   * Leaderboards, histories, closes and the daily cap read only scored submissions.
   */
  unscored: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One entry of the hash-chained transparency log. Natural key: `entry_index`. */
export interface TransparencyLogTable {
  id: Generated<number>;
  entry_index: number;
  previous_hash: string;
  hash: string;
  /** The submission a submission entry records; null for a close entry. */
  submission_id: number | null;
  /** The round a close entry records (one entry per task); null for a submission entry (migration 0011). */
  round_id: ColumnType<number | null, number | null | undefined, number | null>;
  /**
   * The salt of the entry's score digests (64 hex digits), server-side only: it never leaves the store, so
   * a digest cannot be tried against guessed scores. Null for entries of the format before migration 0011.
   */
  salt: ColumnType<string | null, string | null | undefined, string | null>;
  /** The canonical entry as JSON text (see src/arena transparency-log.ts). */
  entry: string;
}

/** A prize track of a benchmark: the openness a team's release must reach. Natural key: (`benchmark_id`, `name`). */
export interface PrizeTracksTable {
  id: Generated<number>;
  benchmark_id: number;
  name: string;
  description: string;
  /** Minimum openness score 0–100, or null. */
  min_score: number | null;
  /** Minimum MOF class (`I`, `II`, `III`; I is the most open), or null. */
  min_class: string | null;
  /** A full gate policy as JSON text, or null. */
  policy: string | null;
}

/** A team's claim on a prize track, with the checker's verdict. Natural key: (`team_id`, `track_id`). */
export interface PrizeClaimsTable {
  id: Generated<number>;
  team_id: number;
  track_id: number;
  /** The release pack source checked (https git URL, hf: id, or a folder for local admin use). */
  source: string;
  checked_at: string;
  /** 1 when the release meets the track's minimum. */
  eligible: number;
  score: number | null;
  mof_class: string | null;
  /** The verdict (gate rules, score, class, what was released) as JSON text. */
  result: string;
}
