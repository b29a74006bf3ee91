import { hubRepoIdOf } from './hub-repo-id.ts';
import { type ModelNameKey, parseModelName } from './model-name-key.ts';
import { normalizeLink } from './normalize-link.ts';
import { organizationKey, organizationParts } from './organization-key.ts';

/** A model row as the matcher sees it: its ids, its parsed name and what identifies it elsewhere. */
export interface ModelMember {
  /** models.id. */
  id: number;
  /** `<source>:<external id>`, stable across databases and re-imports. */
  key: string;
  source: string;
  name: string;
  parsed: ModelNameKey;
  /** Canonical keys of the organisations it names (see organizationKey). */
  organizationKeys: string[];
  /** Hub repo ids, lower case. */
  hubIds: string[];
  /** Normalised links other than Hub model pages. */
  links: string[];
  /** ISO date (possibly partial) the source gives. */
  date: string | null;
}

/** The facts of a model row the matcher reads. */
export interface ModelMemberRow {
  id: number;
  source: string;
  external_id: string;
  name: string;
  /** The organisation's name (organizations.name), if any. */
  organization: string | null;
  source_url: string | null;
  /** models.external_ids: JSON object text such as `{"hf":"org/name"}`. */
  external_ids: string | null;
  date?: string | null;
  /** Further links a source gave (a rating's link). */
  links?: readonly (string | null)[];
}

/** The source whose external ids are Hub repo ids. */
const HUB_LISTING_SOURCE = 'hf';

function idsOf(text: string | null): string[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object') return [];
    return Object.values(value as Record<string, unknown>).filter((v): v is string => typeof v === 'string');
  } catch {
    return [];
  }
}

/**
 * The member key of a model: `<source>:<external id>`.
 *
 * @example
 * memberKey('epoch', 'Llama 2-7B'); // 'epoch:Llama 2-7B'
 */
export function memberKey(source: string, externalId: string): string {
  return `${source}:${externalId}`;
}

/**
 * Reads a model row into a ModelMember: parses the name, keys the organisation (each part of a
 * `A, B` producer text), and collects Hub repo ids (the external ids, Hub links, a Hub listing's own id)
 * and other normalised links.
 */
export function modelMemberOf(row: ModelMemberRow, aliases?: ReadonlyMap<string, string>): ModelMember {
  const hubIds = new Set<string>();
  const links = new Set<string>();
  const texts = [row.source_url, ...idsOf(row.external_ids), ...(row.links ?? [])];
  if (row.source === HUB_LISTING_SOURCE) texts.push(row.external_id);
  for (const text of texts) {
    if (!text) continue;
    const hub = /^https?:/i.test(text) || text.includes('/') ? hubRepoIdOf(text) : null;
    if (hub !== null) {
      hubIds.add(hub);
      continue;
    }
    const link = normalizeLink(text);
    if (link !== null) links.add(link);
  }
  const organizationKeys = row.organization
    ? [
        ...new Set(
          organizationParts(row.organization)
            .map((part) => organizationKey(part, aliases).key)
            .filter((key) => key !== ''),
        ),
      ]
    : [];
  return {
    id: row.id,
    key: memberKey(row.source, row.external_id),
    source: row.source,
    name: row.name,
    parsed: parseModelName(row.name),
    organizationKeys,
    hubIds: [...hubIds],
    links: [...links],
    date: row.date ?? null,
  };
}
