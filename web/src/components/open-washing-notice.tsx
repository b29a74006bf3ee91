import type { StoredProfile } from '../../../src/spec/api/index.ts';

/** The open-washing flag of a profile that makes the claim. */
type OpenWashing = NonNullable<StoredProfile['openWashing']>;

/** Where a release calls itself open: the phrase, in its file and line, or the license's own name. */
function Claim({ claim }: { claim: OpenWashing['claims'][number] }) {
  if (!claim.file) {
    return (
      <li>
        Its license is named <q>{claim.phrase}</q>
      </li>
    );
  }
  return (
    <li>
      <q>{claim.phrase}</q> in{' '}
      <code>
        {claim.file}
        {claim.line ? `:${claim.line}` : ''}
      </code>
    </li>
  );
}

/**
 * The open-washing flag of a profile: a warning block with the reason, where the release calls itself
 * open source and the parts the Model Openness Framework requires that are withheld; a plain line when
 * the release calls itself open source and is not flagged; nothing when it makes no such claim.
 *
 * @example
 * <OpenWashingNotice openWashing={profile.openWashing} />
 */
export function OpenWashingNotice({ openWashing }: { openWashing: OpenWashing | null | undefined }) {
  if (!openWashing) return null;
  if (!openWashing.flagged) {
    return (
      <p className="open-washing-clear" data-testid="open-washing-notice" data-flagged="false">
        Not flagged for open-washing: {openWashing.reason}.
      </p>
    );
  }
  return (
    <section
      className="open-washing-warning"
      aria-labelledby="open-washing-title"
      data-testid="open-washing-notice"
      data-flagged="true"
    >
      <h3 id="open-washing-title">
        <span aria-hidden="true">⚠ </span>Open-washing
      </h3>
      <p className="open-washing-reason">This release {openWashing.reason}.</p>
      {openWashing.claims.length > 0 && (
        <>
          <p>Where it calls itself open source:</p>
          <ul className="open-washing-claims">
            {openWashing.claims.map((claim) => (
              <Claim key={`${claim.file ?? 'license'}:${claim.line ?? 0}:${claim.phrase}`} claim={claim} />
            ))}
          </ul>
        </>
      )}
      {openWashing.missing.length > 0 && (
        <p>Withheld parts the Model Openness Framework requires: {openWashing.missing.join(', ')}.</p>
      )}
    </section>
  );
}
