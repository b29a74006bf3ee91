import type { EvidenceRef, StoredComponentRating } from '../../../src/spec/api/index.ts';
import { formatNumber } from '../format.ts';
import { ExternalLink } from './external-link.tsx';
import { RatingBadge } from './rating-badge.tsx';
import { VerificationBadge } from './verification-badge.tsx';

/** One piece of evidence: a file with its line, or a link, with what it shows. */
function Evidence({ evidence }: { evidence: EvidenceRef }) {
  const where = evidence.url ? (
    <ExternalLink href={evidence.url} />
  ) : evidence.file ? (
    <code>
      {evidence.file}
      {evidence.line ? `:${evidence.line}` : ''}
    </code>
  ) : null;
  return (
    <li>
      {where}
      {where && evidence.note ? ': ' : ''}
      {evidence.note}
    </li>
  );
}

/**
 * The components of an openness profile as a grid of cards: rating and verification (read, or known
 * only by a link), status, license, score points and the evidence behind each rating (files of other
 * locations of the release are named with their location).
 */
export function ComponentGrid({ components }: { components: StoredComponentRating[] }) {
  return (
    <ul className="component-grid" aria-label="Components and their ratings">
      {components.map((component) => (
        <li
          key={component.id}
          className={`component-card rating-${component.rating}${
            component.verification === 'linked-unverified' ? ' linked' : ''
          }`}
          data-component={component.id}
        >
          <h4>{component.title}</h4>
          <p className="component-rating">
            <RatingBadge rating={component.rating} />
            {component.verification && (
              <>
                {' '}
                <VerificationBadge verification={component.verification} />
              </>
            )}
            {component.inferred && <span className="inferred"> inferred</span>}
          </p>
          <dl>
            <dt>Points</dt>
            <dd>
              {formatNumber(component.points)} of {formatNumber(component.maxPoints)}
            </dd>
            <dt>Status</dt>
            <dd>{component.status}</dd>
            <dt>License</dt>
            <dd>{component.license.expression ?? component.license.input ?? component.license.class}</dd>
            {component.quality && (
              <>
                <dt>Quality</dt>
                <dd>
                  {formatNumber(component.quality.score)}/10 by check <code>{component.quality.check}</code>
                </dd>
              </>
            )}
          </dl>
          <p className="reason">{component.reason}</p>
          {component.evidence.length > 0 && (
            <details>
              <summary>Evidence ({component.evidence.length})</summary>
              <ul className="evidence">
                {component.evidence.map((evidence, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: evidence items have no id and never reorder.
                  <Evidence key={index} evidence={evidence} />
                ))}
              </ul>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
