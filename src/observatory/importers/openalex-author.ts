import { isRecord } from '../../util/index.ts';
import {
  type AffiliationRecord,
  INSTITUTION_TYPES,
  type InstitutionType,
  type PersonRecord,
} from '../catalog-records.ts';
import { shapeOf } from './json-shape.ts';

/** One OpenAlex author: the person and their affiliations over the years. */
export interface OpenAlexAuthor {
  person: PersonRecord;
  /** One per distinct institution, years ascending; from `affiliations`, else `last_known_institutions`. */
  affiliations: AffiliationRecord[];
  /** Field-level problems that did not stop the author (a bad country code, an affiliation without a name). */
  warnings: string[];
}

const OPENALEX_ID = /^(?:https?:\/\/openalex\.org\/)?([AIWSPFTC]\d{1,15})$/i;
const ORCID = /^(?:https?:\/\/orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/i;
const MAX_NAME = 1000;
const MIN_YEAR = 1000;
const MAX_YEAR = 2200;

type Json = unknown;

function cleanText(value: Json): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text.slice(0, MAX_NAME);
}

/** `https://openalex.org/A123` for `A123` or its URL, null otherwise. */
function openAlexId(value: Json): { kind: string; url: string } | null {
  if (typeof value !== 'string') return null;
  const match = OPENALEX_ID.exec(value.trim());
  if (!match) return null;
  const short = match[1]!.toUpperCase();
  return { kind: short[0]!, url: `https://openalex.org/${short}` };
}

const ENTITY_NAMES: Record<string, string> = {
  W: 'a work',
  I: 'an institution',
  S: 'a source',
  P: 'a publisher',
  F: 'a funder',
  T: 'a topic',
  C: 'a concept',
};

/**
 * Maps one OpenAlex author object to a person and affiliations, or gives the reason it is rejected: an
 * `https://openalex.org/A…` id and a `display_name` are required; affiliations come from
 * `affiliations[].institution` with their `years`, else from `last_known_institutions` without years.
 * Field-level problems (an ORCID, a country code, a year) are warnings on the author.
 *
 * @example
 * toOpenAlexAuthor({ id: 'A1', display_name: 'Ada' }, 'a.json', 1) // { person: { id: 'https://openalex.org/A1', … }, … }
 */
export function toOpenAlexAuthor(value: Json, file: string, line: number): OpenAlexAuthor | string {
  if (!isRecord(value)) return `expected an OpenAlex author object, found ${shapeOf(value)}`;
  const id = openAlexId(value.id);
  if (!id) {
    const shown = typeof value.id === 'string' ? JSON.stringify(value.id.slice(0, 80)) : shapeOf(value.id);
    return `id ${shown} is not an OpenAlex author id (https://openalex.org/A…)`;
  }
  if (id.kind !== 'A')
    return `${id.url} is ${ENTITY_NAMES[id.kind] ?? 'not an author'}, not an author (ids start with https://openalex.org/A)`;
  const name = cleanText(value.display_name);
  if (!name) return `${id.url}: display_name is missing`;
  const warnings: string[] = [];
  let orcid: string | null = null;
  if (value.orcid !== null && value.orcid !== undefined) {
    const match = typeof value.orcid === 'string' ? ORCID.exec(value.orcid.trim()) : null;
    if (match) orcid = `https://orcid.org/${match[1]!.toUpperCase()}`;
    else warnings.push(`orcid ${JSON.stringify(String(value.orcid).slice(0, 80))} is not an ORCID iD`);
  }
  const source = { source: 'openalex' as const, file, line };
  const person: PersonRecord = { id: id.url, name, orcid, source };

  const byInstitution = new Map<string, AffiliationRecord>();
  const add = (entry: Json, years: Json, where: string) => {
    const institution = isRecord(entry) ? readInstitution(entry, where, warnings) : null;
    if (!institution) {
      if (!isRecord(entry)) warnings.push(`${where}: no institution object`);
      return;
    }
    const known = byInstitution.get(institution.id);
    const merged = new Set([...(known?.years ?? []), ...readYears(years, where, warnings)]);
    byInstitution.set(institution.id, {
      personId: id.url,
      institution: known?.institution ?? institution,
      years: [...merged].sort((a, b) => a - b),
      source,
    });
  };
  if (Array.isArray(value.affiliations) && value.affiliations.length > 0) {
    value.affiliations.forEach((entry, index) => {
      const where = `affiliations[${index}]`;
      if (!isRecord(entry)) warnings.push(`${where}: expected an object, found ${shapeOf(entry)}`);
      else add(entry.institution, entry.years, `${where}.institution`);
    });
  } else {
    if (value.affiliations !== undefined && value.affiliations !== null && !Array.isArray(value.affiliations))
      warnings.push(`affiliations: expected a list, found ${shapeOf(value.affiliations)}`);
    // Without affiliations the last known institutions still place the person, without years.
    const last = Array.isArray(value.last_known_institutions)
      ? value.last_known_institutions
      : isRecord(value.last_known_institution)
        ? [value.last_known_institution]
        : [];
    last.forEach((entry, index) => {
      add(entry, [], `last_known_institutions[${index}]`);
    });
  }
  return { person, affiliations: [...byInstitution.values()], warnings };
}

function readInstitution(
  entry: Record<string, Json>,
  where: string,
  warnings: string[],
): AffiliationRecord['institution'] | null {
  const id = openAlexId(entry.id);
  const name = cleanText(entry.display_name);
  if (!name) {
    warnings.push(`${where}: the institution has no display_name; skipped`);
    return null;
  }
  if (id && id.kind !== 'I')
    warnings.push(`${where}: ${id.url} is not an institution id; kept the name only`);
  let type: InstitutionType | null = null;
  if (typeof entry.type === 'string') {
    const lower = entry.type.trim().toLowerCase();
    if ((INSTITUTION_TYPES as readonly string[]).includes(lower)) type = lower as InstitutionType;
    else warnings.push(`${where}: institution type ${JSON.stringify(lower.slice(0, 40))} is not known`);
  }
  let country: string | null = null;
  if (typeof entry.country_code === 'string' && entry.country_code.trim() !== '') {
    const code = entry.country_code.trim().toUpperCase();
    if (/^[A-Z]{2}$/.test(code)) country = code;
    else warnings.push(`${where}: country_code ${JSON.stringify(code.slice(0, 20))} is not ISO alpha-2`);
  }
  return { id: id && id.kind === 'I' ? id.url : `name:${name}`, name, type, country };
}

function readYears(value: Json, where: string, warnings: string[]): number[] {
  if (!Array.isArray(value)) return [];
  const years: number[] = [];
  for (const year of value) {
    if (typeof year === 'number' && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR)
      years.push(year);
    else warnings.push(`${where}: year ${JSON.stringify(year)?.slice(0, 20)} is not a year`);
  }
  return years;
}
