import type { LeaderboardEntry } from '../../../../src/spec/api/index.ts';

/** Ranks held by more than one team (their intervals overlap). */
export function sharedRanks(entries: readonly LeaderboardEntry[]): Set<number> {
  const seen = new Map<number, number>();
  for (const entry of entries) seen.set(entry.rank, (seen.get(entry.rank) ?? 0) + 1);
  return new Set([...seen].filter(([, count]) => count > 1).map(([rank]) => rank));
}

/** A rank as the leaderboard writes it: `2 (shared)` when several teams hold it. */
export function rankText(rank: number, shared: ReadonlySet<number>): string {
  return shared.has(rank) ? `${rank} (shared)` : String(rank);
}
