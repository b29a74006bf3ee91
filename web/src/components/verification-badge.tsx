import type { StoredComponentRating } from '../../../src/spec/api/index.ts';

/** How a shipped component is known: read in a location of the release, or only linked. */
type Verification = NonNullable<StoredComponentRating['verification']>;

/** Words for each verification of a component. */
export const VERIFICATION_WORDS: Record<Verification, string> = {
  verified: 'Verified',
  'linked-unverified': 'Linked, unverified',
};

/** What each verification means, for the tooltip and for screen readers. */
export const VERIFICATION_MEANINGS: Record<Verification, string> = {
  verified: 'its files were read in a location of the release',
  'linked-unverified': 'known only by a link, not verified; earns half its points',
};

/**
 * How a shipped component is known: read in a location of the release, or only linked. The words carry
 * the meaning; the tooltip and a screen-reader text explain it. Nothing for a component not shipped.
 *
 * @example
 * <VerificationBadge verification={component.verification} />
 */
export function VerificationBadge({ verification }: { verification: Verification | null | undefined }) {
  if (!verification) return null;
  const meaning = VERIFICATION_MEANINGS[verification];
  return (
    <span
      // Not `.badge`: the rating is the card's badge; this one qualifies it.
      className={`verification verification-${verification}`}
      title={`${VERIFICATION_WORDS[verification]}: ${meaning}`}
      data-testid="verification-badge"
      data-verification={verification}
    >
      {VERIFICATION_WORDS[verification]}
      <span className="visually-hidden">: {meaning}</span>
    </span>
  );
}
