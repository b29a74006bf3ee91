/**
 * Confidence thresholds: a match at or above ACCEPT_AT is accepted by the rule, one at or above
 * PROPOSE_AT is proposed for review, anything lower is dropped.
 */
export const MATCH_THRESHOLDS = { acceptAt: 0.9, proposeAt: 0.6 } as const;

/** The status a rule gives a match of this confidence, or null when it is dropped. */
export function statusOfConfidence(confidence: number): 'accepted' | 'proposed' | null {
  if (confidence >= MATCH_THRESHOLDS.acceptAt) return 'accepted';
  if (confidence >= MATCH_THRESHOLDS.proposeAt) return 'proposed';
  return null;
}
