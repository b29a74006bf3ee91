import type { RoundPhase } from '../spec/index.ts';

/**
 * The phase of a round at `now`: `upcoming` before opensAt; `open` until the submission freeze (teams
 * register and freeze their systems); `frozen` from the freeze to closesAt (fresh items are added and
 * predictions accepted; items created after the freeze cannot have leaked into any frozen system, the
 * K Prize idea); `ended` after closesAt until closeRound runs; `closed` once the private scores are revealed.
 *
 * @example
 * roundPhase({ opens_at: '2025-01-01T00:00:00.000Z', freezes_at: '…', closes_at: '…', status: 'open' }, new Date());
 */
export function roundPhase(
  round: { opens_at: string; freezes_at: string; closes_at: string; status: string },
  now: Date,
): RoundPhase {
  if (round.status === 'closed') return 'closed';
  const time = now.toISOString();
  if (time < round.opens_at) return 'upcoming';
  if (time < round.freezes_at) return 'open';
  if (time < round.closes_at) return 'frozen';
  return 'ended';
}
