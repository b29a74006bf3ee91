import { isRecord } from '../../util/index.ts';
import { findBaselineMentions } from '../baseline-mentions.ts';
import type { WorkRecord } from '../catalog-records.ts';
import { abstractText } from './abstract-text.ts';
import { shapeOf } from './json-shape.ts';

const WORK_ID = /^(?:https?:\/\/openalex\.org\/)?(W\d{1,15})$/i;
const DOI = /^(?:https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/i;
const MAX_TITLE = 1000;
const MIN_YEAR = 1000;
const MAX_YEAR = 2200;

/** One OpenAlex work as the catalog keeps it, with field-level problems that did not stop it. */
export interface OpenAlexWork {
  work: WorkRecord;
  warnings: string[];
}

function cleanTitle(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text.slice(0, MAX_TITLE);
}

/**
 * Maps one OpenAlex work object to a work record, or gives the reason it is rejected: an
 * `https://openalex.org/W…` id is required. The title is `title`, else `display_name`; the year
 * `publication_year`, else the year of `publication_date`; the abstract is rebuilt from
 * `abstract_inverted_index`, read for model-family mentions (findBaselineMentions) and dropped.
 * A bad year, title or abstract is a warning and leaves that field empty.
 *
 * @example
 * toOpenAlexWork({ id: 'https://openalex.org/W1', title: 'Fine-tuning Qwen2-7B', publication_year: 2024 }, 'w.json', 1)
 */
export function toOpenAlexWork(value: unknown, file: string, line: number): OpenAlexWork | string {
  if (!isRecord(value)) return `expected an OpenAlex work object, found ${shapeOf(value)}`;
  const match = typeof value.id === 'string' ? WORK_ID.exec(value.id.trim()) : null;
  if (value.id === undefined || value.id === null)
    return 'no id (an OpenAlex work id is https://openalex.org/W…)';
  if (!match) {
    const shown = typeof value.id === 'string' ? JSON.stringify(value.id.slice(0, 80)) : shapeOf(value.id);
    return `id ${shown} is not an OpenAlex work id (https://openalex.org/W…)`;
  }
  const id = `https://openalex.org/${match[1]!.toUpperCase()}`;
  const warnings: string[] = [];
  const title = cleanTitle(value.title) ?? cleanTitle(value.display_name);

  let year: number | null = null;
  const rawYear = value.publication_year;
  if (typeof rawYear === 'number' && Number.isInteger(rawYear) && rawYear >= MIN_YEAR && rawYear <= MAX_YEAR)
    year = rawYear;
  else if (rawYear !== null && rawYear !== undefined)
    warnings.push(`publication_year ${JSON.stringify(rawYear)?.slice(0, 20)} is not a year`);
  if (year === null && typeof value.publication_date === 'string') {
    const fromDate = /^(\d{4})-\d{2}-\d{2}$/.exec(value.publication_date.trim())?.[1];
    if (fromDate && Number(fromDate) >= MIN_YEAR && Number(fromDate) <= MAX_YEAR) year = Number(fromDate);
  }

  const abstract = abstractText(value.abstract_inverted_index);
  if (abstract !== null && typeof abstract === 'object') warnings.push(abstract.problem);
  const doi = typeof value.doi === 'string' ? DOI.exec(value.doi.trim())?.[1] : undefined;
  const mentions = findBaselineMentions(title, typeof abstract === 'string' ? abstract : null);
  return {
    work: {
      id,
      title,
      year,
      url: doi ? `https://doi.org/${doi}` : id,
      mentions,
      source: { source: 'openalex', file, line },
    },
    warnings,
  };
}
