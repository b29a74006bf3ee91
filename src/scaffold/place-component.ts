import {
  type EvidenceRef,
  locateReleasePath,
  locationLabel,
  type ReleaseLocationSummary,
  type ResolvedComponent,
} from '../spec/index.ts';
import { isUrl } from '../util/index.ts';
import { locationWebUrl, pathUrl } from './location-url.ts';

/** More files than this from one other location are drafted as their folder's URL, not one URL each. */
const MAX_URLS_PER_LOCATION = 3;

/** Where a component is drafted, and the comments that say where it was found. */
export interface Placement {
  locations: string[];
  comments: string[];
}

/** A URL without the differences that do not change the page it names. */
function urlKey(url: string): string {
  return url
    .toLowerCase()
    .replace(/[#?].*$/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
}

/** The deepest folder holding every path ('' for the root). */
function commonFolder(paths: readonly string[]): string {
  const split = paths.map((path) => path.split('/').slice(0, -1));
  const first = split[0] ?? [];
  let depth = 0;
  while (depth < first.length && split.every((parts) => parts[depth] === first[depth])) depth++;
  return first.slice(0, depth).join('/');
}

/** Where a link stands, in a few characters: `README.md:5`, or the link itself. */
export function linkSite(ref: EvidenceRef): string {
  return ref.file ? `${ref.file}${ref.line ? `:${ref.line}` : ''}` : (ref.url ?? 'a link');
}

/** A location as the comments name it: its ref, revision, and how it joined the release. */
function describeLocation(location: ReleaseLocationSummary): string {
  const revision = location.revision ? ` at ${location.revision.slice(0, 12)}` : '';
  if (location.role === 'given') return `${location.ref}${revision}, given with --from`;
  const via = location.via ? `, linked from ${linkSite(location.via)}` : '';
  return `${location.ref}${revision}${via}`;
}

/**
 * Places a component for a manifest that lives in the primary location: the primary's own paths as
 * they are, paths in other locations (given, followed) as their URLs (a Hub or git web page), links as
 * written, less a link that names a location whose files are drafted already.
 */
export function placeComponent(
  component: ResolvedComponent,
  releaseLocations: readonly ReleaseLocationSummary[],
): Placement {
  const own: string[] = [];
  const links: string[] = [];
  const elsewhere = new Map<ReleaseLocationSummary, string[]>();
  for (const location of component.locations) {
    if (isUrl(location)) {
      links.push(location);
      continue;
    }
    const found = locateReleasePath(location, releaseLocations);
    if (!found) own.push(location);
    else elsewhere.set(found.location, [...(elsewhere.get(found.location) ?? []), found.path]);
  }
  const files = new Set(component.files);
  const urls: string[] = [];
  const comments: string[] = [];
  const covered = new Set<string>();
  for (const [location, paths] of elsewhere) {
    const page = locationWebUrl(location);
    const label = locationLabel(location.ref);
    const isFile = (path: string) => files.has(`${label}/${path}`);
    const placed =
      paths.length > MAX_URLS_PER_LOCATION
        ? [pathUrl(location, commonFolder(paths), 'folder')]
        : paths.map((path) => pathUrl(location, path, isFile(path) ? 'file' : 'folder'));
    if (!page) {
      comments.push(
        `found in ${describeLocation(location)} (${paths.slice(0, MAX_URLS_PER_LOCATION).join(', ')}), a copy with no web address: write where it is published`,
      );
      continue;
    }
    covered.add(urlKey(page));
    if (location.via?.url) covered.add(urlKey(location.via.url));
    const exact = placed.every((url) => url !== null);
    urls.push(...(exact ? (placed as string[]) : [page]));
    comments.push(
      exact
        ? `found in ${describeLocation(location)}: check the location`
        : `found in ${describeLocation(location)} at ${paths.slice(0, MAX_URLS_PER_LOCATION).join(', ')}: check the location`,
    );
  }
  // A link to the primary location itself (the code linking the model it sits beside) adds nothing to its paths.
  const primary = releaseLocations.find((location) => location.role === 'primary');
  const primaryPage = primary && own.length > 0 ? locationWebUrl(primary) : null;
  if (primaryPage) covered.add(urlKey(primaryPage));
  const kept = links.filter((link) => !covered.has(urlKey(link)));
  return { locations: [...new Set([...own, ...urls, ...kept])], comments };
}
