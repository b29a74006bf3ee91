/** Stored status of a round: `open` until closeRound reveals the private leaderboard. */
export const ROUND_STATUSES = ['open', 'closed'] as const;

/** One of ROUND_STATUSES. */
export type RoundStatus = (typeof ROUND_STATUSES)[number];
