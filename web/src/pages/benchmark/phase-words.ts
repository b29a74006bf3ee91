import type { Withholding } from '../../../../src/spec/api/index.ts';

/** Words for each round phase. */
const PHASE_WORDS: Record<string, string> = {
  upcoming: 'Upcoming',
  open: 'Open for submissions',
  frozen: 'Frozen (items being made)',
  ended: 'Ended, not yet closed',
  closed: 'Closed (private scores revealed)',
};

/** Words for a round's phase; a closed round whose private scores are withheld says so. */
export function phaseWords(phase: string, withheld: Withholding | null): string {
  if (phase === 'closed' && withheld) return 'Closed (private scores withheld)';
  return PHASE_WORDS[phase] ?? phase;
}
