/** Words for each component rating. */
const RATING_WORDS: Record<string, string> = {
  open: 'Open',
  partial: 'Partly open',
  closed: 'Closed',
  'not-applicable': 'Not applicable',
};

/** A component rating as a word with a colour; the word alone carries the meaning. */
export function RatingBadge({ rating }: { rating: string }) {
  return <span className={`badge badge-${rating}`}>{RATING_WORDS[rating] ?? rating}</span>;
}
