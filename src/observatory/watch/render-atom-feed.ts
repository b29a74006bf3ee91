import type { ReleaseFilters, WatchedRelease } from '../../spec/index.ts';
import { XML_FORBIDDEN_CHARACTERS } from '../../util/index.ts';

/** What the feed says about itself. */
export interface AtomFeedOptions {
  /** The absolute URL of this feed document, query included (its `rel="self"` link). */
  selfUrl: string;
  /** The dashboard page that lists the same releases (`rel="alternate"`). */
  pageUrl: string;
  filters: ReleaseFilters;
  /** The feed's `updated` when it has no entry (the newest entry's otherwise). */
  emptyUpdated: string;
  generatorVersion: string;
}

/** The authority of Aperture's tag URIs (RFC 4151): ids stay the same whichever host serves the feed. */
const TAG_AUTHORITY = 'tag:aperture.dev,2026';

/**
 * Text as XML character data or an attribute value: markup characters escaped, characters XML cannot
 * carry replaced by U+FFFD, so any release name or reason yields a well-formed document.
 *
 * @example
 * escapeXml('<b> & "c"') // '&lt;b&gt; &amp; &quot;c&quot;'
 */
export function escapeXml(text: string): string {
  return text
    .replace(XML_FORBIDDEN_CHARACTERS, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The stable id of a release's entry: the same in every feed, filter and host. */
export function releaseEntryId(release: Pick<WatchedRelease, 'repoId'>): string {
  return `${TAG_AUTHORITY}:release/${encodeURIComponent(release.repoId.toLowerCase()).replace(/%2F/g, '/')}`;
}

/** The one-line headline of a release: its id and openness. */
export function releaseHeadline(release: WatchedRelease): string {
  if (release.status === 'check-failed') return `${release.repoId}: not checked`;
  const score =
    release.opennessScore === null ? 'unscored' : `openness ${Math.round(release.opennessScore)}/100`;
  const mof = release.mofClass === null ? 'no MOF class' : `MOF class ${release.mofClass}`;
  return `${release.repoId}: ${score}, ${mof}${release.openWashing ? ', open-washing' : ''}`;
}

function summaryOf(release: WatchedRelease): string {
  const lines = [releaseHeadline(release)];
  if (release.status === 'check-failed')
    lines.push(`The check failed: ${release.checkError ?? 'unknown reason'}`);
  if (release.openWashing) lines.push(`Open-washing: ${release.openWashingReason ?? 'flagged'}`);
  lines.push(
    `Organization: ${release.organization ?? release.author}${release.country ? ` (${release.country})` : ''}`,
  );
  if (release.license) lines.push(`License: ${release.license}`);
  if (release.createdAt) lines.push(`Created on the Hub: ${release.createdAt}`);
  return lines.join('\n');
}

function describeFilters(filters: ReleaseFilters): string {
  const parts: string[] = [];
  if (filters.organization) parts.push(`organization ${filters.organization}`);
  if (filters.country) parts.push(`country ${filters.country}`);
  if (filters.minScore !== undefined) parts.push(`score ≥ ${filters.minScore}`);
  if (filters.mofClass) parts.push(`MOF class ${filters.mofClass} or better`);
  if (filters.openWashing !== undefined)
    parts.push(filters.openWashing ? 'open-washing' : 'not open-washing');
  return parts.join(', ');
}

/** The feed's id: one per set of filters, in a canonical order. */
function feedId(filters: ReleaseFilters): string {
  const keys = Object.keys(filters).sort() as Array<keyof ReleaseFilters>;
  const query = keys
    .filter((key) => filters[key] !== undefined)
    .map((key) => `${key}=${encodeURIComponent(String(filters[key]).toLowerCase())}`)
    .join('&');
  return `${TAG_AUTHORITY}:release-watch${query === '' ? '' : `?${query}`}`;
}

function element(name: string, text: string, indent = '    '): string {
  return `${indent}<${name}>${escapeXml(text)}</${name}>`;
}

/**
 * An Atom 1.0 feed (RFC 4287) of watched releases, newest first: one entry per release with a stable
 * tag-URI id, `published` (when the watch found it), `updated` (when it was checked), the organization
 * as author, its Hub page as link, categories for country, MOF class and the open-washing flag, and a
 * plain-text summary of its openness. Every text is escaped; the result is well-formed XML.
 *
 * @example
 * const xml = renderAtomFeed(releases, { selfUrl, pageUrl, filters: {}, emptyUpdated: now, generatorVersion: '0.1.0' });
 */
export function renderAtomFeed(releases: readonly WatchedRelease[], options: AtomFeedOptions): string {
  const filterText = describeFilters(options.filters);
  // ISO 8601 UTC times sort as text: the newest check is the feed's last change.
  const updated =
    releases.length === 0
      ? options.emptyUpdated
      : releases
          .map((release) => release.checkedAt)
          .sort()
          .at(-1)!;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    element('id', feedId(options.filters), '  '),
    element('title', `Aperture release watch${filterText ? `: ${filterText}` : ''}`, '  '),
    element(
      'subtitle',
      'New Hugging Face releases of watched organizations, each checked for openness',
      '  ',
    ),
    element('updated', updated, '  '),
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(options.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(options.pageUrl)}"/>`,
    `  <generator uri="https://aperture.dev" version="${escapeXml(options.generatorVersion)}">Aperture</generator>`,
    '  <author><name>Aperture release watch</name></author>',
  ];
  for (const release of releases) {
    lines.push('  <entry>');
    lines.push(element('id', releaseEntryId(release)));
    lines.push(element('title', releaseHeadline(release)));
    lines.push(`    <link rel="alternate" type="text/html" href="${escapeXml(release.link)}"/>`);
    lines.push(element('published', release.discoveredAt));
    lines.push(element('updated', release.checkedAt));
    lines.push(`    <author><name>${escapeXml(release.organization ?? release.author)}</name></author>`);
    const categories = [
      `organization:${release.author}`,
      ...(release.country ? [`country:${release.country}`] : []),
      ...(release.mofClass ? [`mof-class:${release.mofClass}`] : []),
      ...(release.openWashing ? ['open-washing'] : []),
      ...(release.status === 'check-failed' ? ['check-failed'] : []),
    ];
    for (const term of categories) lines.push(`    <category term="${escapeXml(term)}"/>`);
    lines.push(`    <summary type="text">${escapeXml(summaryOf(release))}</summary>`);
    lines.push('  </entry>');
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
