import { createHash, randomBytes } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

/*
 * What the transparency log commits about scores (docs/arena.md, "What the chain commits"). Every digest is
 * sha256 hex of the canonical JSON of a record that includes a salt: 32 random bytes, hex, drawn when the
 * entry is written and kept server-side beside it (transparency_log.salt), never exported. The salt is what
 * lets an entry commit to a private score before it is revealed: without it, anyone could try each possible
 * accuracy (k of n items) against the digest. Binding holds all the same: once the entry is logged, no
 * other record (salt included) gives the same digest.
 */

/** A logged submission's scored fields as the store holds them (what a close commits for each). */
export interface ScoredSubmission {
  /** The index of its log entry. */
  entry: number;
  /** sha256 hex of the predictions file (submissions.digest). */
  submission: string;
  /** The team's slug (through submissions.team_id). */
  team: string;
  /** When it was received (submissions.received_at). */
  time: string;
  /** The score the Ladder released after it (submissions.public_released). */
  public: number;
  /** The released public loss (submissions.public_released_loss). */
  publicLoss: number;
  /** Whether it became the team's public best (submissions.improved). */
  improved: boolean;
  /** Its private score (submissions.private_score). */
  private: number | null;
  /** False once it is marked unscored (submissions.unscored). */
  scored: boolean;
}

/** The fields of a submission its own (version-2) entry commits in `scores`; team and public are in the clear. */
export type SealedScores = Pick<ScoredSubmission, 'publicLoss' | 'improved' | 'private' | 'scored'>;

/** The row fields a ScoredSubmission is read from (a submissions row joined with its team and log entry). */
export interface ScoredSubmissionRow {
  entry_index: number;
  digest: string;
  team: string;
  received_at: string;
  public_released: number;
  public_released_loss: number;
  improved: number;
  private_score: number | null;
  unscored: string | null;
}

/** A fresh salt: 32 random bytes as hex. */
export function newSalt(): string {
  return randomBytes(32).toString('hex');
}

function digestOf(record: unknown): string {
  return createHash('sha256').update(canonicalJson(record), 'utf8').digest('hex');
}

/** The scored fields of a submissions row (joined with its team's slug and its log index). */
export function scoredSubmissionOf(row: ScoredSubmissionRow): ScoredSubmission {
  return {
    entry: row.entry_index,
    submission: row.digest,
    team: row.team,
    time: row.received_at,
    public: row.public_released,
    publicLoss: row.public_released_loss,
    improved: row.improved === 1,
    private: row.private_score,
    scored: row.unscored === null,
  };
}

/**
 * The `scores` of a version-2 submission entry: sha256 of the canonical JSON of
 * `{ improved, private, publicLoss, salt, scored }`.
 *
 * @example
 * const scores = submissionScoresDigest(salt, { publicLoss: 0.25, improved: true, private: 0.8, scored: true });
 */
export function submissionScoresDigest(salt: string, sealed: SealedScores): string {
  return digestOf({
    improved: sealed.improved,
    private: sealed.private,
    publicLoss: sealed.publicLoss,
    salt,
    scored: sealed.scored,
  });
}

/**
 * The digests of a close entry for one task of a round: `scores` over `{ salt, submissions }` (every logged
 * submission of the round's task, by log index, as ScoredSubmission) and `leaderboard` over
 * `{ leaderboard, salt }` (the task's private leaderboard as the close stored it, in its JSON form).
 */
export function closeDigests(
  salt: string,
  submissions: readonly ScoredSubmission[],
  leaderboard: unknown,
): { scores: string; leaderboard: string } {
  const ordered = [...submissions].sort((a, b) => a.entry - b.entry);
  return {
    scores: digestOf({ salt, submissions: ordered }),
    leaderboard: digestOf({ leaderboard, salt }),
  };
}
