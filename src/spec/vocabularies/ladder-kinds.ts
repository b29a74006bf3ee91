/** How a benchmark's public leaderboard releases scores: Blum & Hardt's Ladder with a fixed step, or parameter-free. */
export const LADDER_KINDS = ['fixed', 'parameter-free'] as const;

/** One of LADDER_KINDS. */
export type LadderKind = (typeof LADDER_KINDS)[number];
