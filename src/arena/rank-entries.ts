/** A leaderboard entry to rank: a score with its confidence interval. */
export interface RankInput {
  id: string;
  score: number;
  lower: number;
  upper: number;
}

/** A ranked entry; entries whose intervals overlap can share a rank. */
export interface RankedEntry extends RankInput {
  rank: number;
}

/**
 * Ranks leaderboard entries by the LMArena rule: rank = 1 + the number of entries that are better beyond
 * doubt, i.e. whose whole interval lies beyond this entry's interval. For a higher-is-better metric that is
 * entries whose lower bound is above this entry's upper bound; for lower-is-better (RMSE), entries whose
 * upper bound is below this entry's lower bound. Returned best score first (ties by id, for stable output).
 *
 * @example
 * rankEntries([{ id: 'a', score: 0.9, lower: 0.88, upper: 0.92 }, { id: 'b', score: 0.8, lower: 0.78, upper: 0.82 }], true);
 * // a: rank 1, b: rank 2
 */
export function rankEntries(entries: readonly RankInput[], higherIsBetter: boolean): RankedEntry[] {
  // Mirror lower-is-better metrics so one rule serves both.
  const sign = higherIsBetter ? 1 : -1;
  const lowers = entries
    .map((entry) => sign * (higherIsBetter ? entry.lower : entry.upper))
    .sort((a, b) => a - b);
  const countAbove = (value: number): number => {
    let low = 0;
    let high = lowers.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (lowers[mid]! <= value) low = mid + 1;
      else high = mid;
    }
    return lowers.length - low;
  };
  return entries
    .map((entry) => ({ ...entry, rank: 1 + countAbove(sign * (higherIsBetter ? entry.upper : entry.lower)) }))
    .sort(
      (a, b) => a.rank - b.rank || sign * (b.score - a.score) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}
