import type { ReleaseLocationSummary } from '../../../src/spec/api/index.ts';
import { ExternalLink } from './external-link.tsx';

/** How each location became part of the release, in words. */
const ROLE_WORDS: Record<ReleaseLocationSummary['role'], string> = {
  primary: 'checked',
  given: 'named with it',
  followed: 'followed from a link',
};

/**
 * The locations a release spans (its Hub repository, its code repository, its datasets): each ref with
 * how it joined the release, its file count, its revision and the link that led to it.
 *
 * @example
 * <LocationList locations={report.locations} />
 */
export function LocationList({ locations }: { locations: readonly ReleaseLocationSummary[] }) {
  return (
    <ul className="locations" aria-label="Locations of the release">
      {locations.map((location) => (
        <li key={location.ref} data-role={location.role}>
          <code>{location.ref}</code>
          {location.url && (
            <>
              {' '}
              (<ExternalLink href={location.url}>page</ExternalLink>)
            </>
          )}
          : {ROLE_WORDS[location.role] ?? location.role}, {location.files}{' '}
          {location.files === 1 ? 'file' : 'files'}
          {location.revision && (
            <>
              , revision <code>{location.revision.slice(0, 12)}</code>
            </>
          )}
          {location.via?.file && (
            <>
              , linked from{' '}
              <code>
                {location.via.file}
                {location.via.line ? `:${location.via.line}` : ''}
              </code>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
