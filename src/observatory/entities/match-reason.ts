/** The rules a match can rest on. */
export const MATCH_RULES = [
  'same-hub-repo',
  'same-link',
  'same-name',
  'same-name-other-revision',
  'family-name',
  'family-name-version-prefix',
  'family-name-longer',
  'same-organization',
  'organization-differs',
  'organization-alias',
  'organization-part',
  'override',
] as const;

/** One rule that matched, with what it saw. */
export interface MatchReason {
  rule: (typeof MATCH_RULES)[number];
  detail: string;
}

/** A pair the matcher proposes, before it is stored. */
export interface ProposedMatch {
  kind: 'model' | 'organization';
  relation: 'same' | 'family';
  leftKey: string;
  rightKey: string;
  leftId: number | null;
  rightId: number | null;
  /** 0–1, two decimals. */
  confidence: number;
  reasons: MatchReason[];
}
