import { toSafeCsv } from '../../util/index.ts';
import type { LeaderboardEntryView } from './leaderboard-view.ts';

/** The columns of a leaderboard's CSV, in order. */
export const LEADERBOARD_CSV_COLUMNS = [
  'rank',
  'team',
  'score',
  'lower',
  'upper',
  'submissions',
  'lastSubmissionAt',
  'prizes',
] as const;

/**
 * A leaderboard's rows as formula-safe CSV with a header; `prizes` lists the tracks a team is eligible
 * for, separated by spaces.
 *
 * @example
 * io.stdout.write(renderLeaderboardCsv(board.entries));
 */
export function renderLeaderboardCsv(entries: readonly LeaderboardEntryView[]): string {
  return toSafeCsv(
    entries.map((entry) => ({
      ...entry,
      prizes: entry.prizes
        .filter((prize) => prize.eligible)
        .map((prize) => prize.track)
        .join(' '),
    })),
    LEADERBOARD_CSV_COLUMNS,
  );
}
