/**
 * Where a round stands at a given time (see roundPhase in the arena): `upcoming` before it opens, `open`
 * until the submission freeze, `frozen` until it closes, `ended` until closeRound runs, then `closed`.
 */
export const ROUND_PHASES = ['upcoming', 'open', 'frozen', 'ended', 'closed'] as const;

/** One of ROUND_PHASES. */
export type RoundPhase = (typeof ROUND_PHASES)[number];
