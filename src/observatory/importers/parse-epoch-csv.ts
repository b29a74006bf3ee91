import { ApertureError } from '../../errors.ts';
import type { Accessibility, ModelRecord, OrganizationKind } from '../catalog-records.ts';
import { toCountryCode } from '../country-codes.ts';
import { type ParseItem, recordItem, rejectedItem } from './parse-item.ts';
import { parsePublishedDate } from './published-date.ts';
import { type CsvInput, indexColumns, openFileStream, readCsvRows } from './read-csv-rows.ts';

/**
 * Epoch AI's columns by name, with the spellings of older exports after the current one. Epoch
 * reorders and renames columns between exports, so nothing is read by position.
 */
export const EPOCH_COLUMNS = {
  model: ['Model', 'System'],
  organization: ['Organization'],
  organizationKinds: ['Organization categorization'],
  country: ['Country (of organization)', 'Country (from Organization)'],
  published: ['Publication date'],
  domain: ['Domain'],
  parameters: ['Parameters'],
  compute: ['Training compute (FLOP)'],
  accessibility: ['Model accessibility'],
  baseModel: ['Base model'],
  link: ['Link'],
  notability: ['Notability criteria'],
} as const;

const REQUIRED_COLUMNS = ['model', 'organization', 'country', 'published'] as const;

/**
 * Epoch's `Model accessibility` terms, current ("Open weights (…)") and older ("Open access (…)"),
 * lower-cased, to the observatory's vocabulary.
 */
export const EPOCH_ACCESSIBILITY: Readonly<Record<string, Accessibility>> = {
  'open weights (unrestricted)': 'open-weights-unrestricted',
  'open access (unrestricted)': 'open-weights-unrestricted',
  'open weights (restricted use)': 'open-weights-restricted',
  'open access (restricted use)': 'open-weights-restricted',
  'open weights (non-commercial)': 'open-weights-noncommercial',
  'open access (non-commercial)': 'open-weights-noncommercial',
  'api access': 'api',
  'hosted access (no api)': 'hosted',
  unreleased: 'unreleased',
  '': 'unknown',
};

/**
 * Normalises an Epoch `Model accessibility` value; null for a term outside both vocabularies.
 *
 * @example
 * normalizeEpochAccessibility('Open access (non-commercial)') // 'open-weights-noncommercial'
 */
export function normalizeEpochAccessibility(text: string): Accessibility | null {
  return EPOCH_ACCESSIBILITY[text.trim().replace(/\s+/g, ' ').toLowerCase()] ?? null;
}

const ORGANIZATION_KIND_BY_TERM: Readonly<Record<string, OrganizationKind>> = {
  industry: 'industry',
  academia: 'academia',
  government: 'government',
  'research collective': 'research-collective',
};

function splitList(cell: string): string[] {
  return cell
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function parseNumber(cell: string, column: string, warnings: string[]): number | null {
  const text = cell.trim();
  if (text === '') return null;
  const value = Number(text);
  if (Number.isFinite(value) && value >= 0) return value;
  warnings.push(`${column} "${text.slice(0, 60)}" is not a number`);
  return null;
}

/** Options of the Epoch parser. */
export interface EpochParseOptions {
  /** The file name used in rejections and source references. */
  file: string;
}

/**
 * Streams an Epoch AI "Notable AI Models" or "Large-Scale AI Models" CSV export into model records.
 * Columns are matched by name (both the 2024 and the 2025 spellings); a row whose field count differs
 * from the header's, or without a model name, is rejected with its line and the reason.
 * Countries: the comma-separated UN-style names become distinct ISO 3166-1 alpha-2 codes in order of
 * first mention; `Multinational` sets a flag instead.
 *
 * @example
 * for await (const item of parseEpochCsv(stream, { file: 'notable_ai_models.csv' }))
 *   if (item.kind === 'record') console.log(item.value.name, item.value.countries);
 */
export async function* parseEpochCsv(
  input: CsvInput,
  options: EpochParseOptions,
): AsyncGenerator<ParseItem<ModelRecord>> {
  const { file } = options;
  let header: string[] | null = null;
  let columns: Record<keyof typeof EPOCH_COLUMNS, number | undefined> | null = null;
  for await (const item of readCsvRows(input, file)) {
    if (item.kind === 'broken') {
      yield rejectedItem(file, item.line, item.reason);
      continue;
    }
    const { fields, line } = item.row;
    if (!header || !columns) {
      header = fields;
      columns = indexColumns(header, EPOCH_COLUMNS);
      const missing = REQUIRED_COLUMNS.filter((key) => columns![key] === undefined);
      if (missing.length > 0) {
        const names = missing.map((key) => `"${EPOCH_COLUMNS[key].join('" or "')}"`).join(', ');
        throw new ApertureError(
          'ERR_UNREADABLE',
          `${file}: not an Epoch AI models CSV: no column ${names} in the header line`,
        );
      }
      continue;
    }
    if (fields.length !== header.length) {
      yield rejectedItem(
        file,
        line,
        `${fields.length} fields where the header has ${header.length}: the row is shifted or fused with another`,
      );
      continue;
    }
    const cell = (key: keyof typeof EPOCH_COLUMNS): string => {
      const index = columns![key];
      return index === undefined ? '' : (fields[index] ?? '');
    };
    const name = cell('model').trim();
    if (name === '') {
      yield rejectedItem(file, line, 'no model name');
      continue;
    }
    yield recordItem(toModelRecord(name, cell, file, line));
  }
  if (!header) throw new ApertureError('ERR_UNREADABLE', `${file}: the CSV is empty (no header line)`);
}

function toModelRecord(
  name: string,
  cell: (key: keyof typeof EPOCH_COLUMNS) => string,
  file: string,
  line: number,
): ModelRecord {
  const warnings: string[] = [];
  const published = parsePublishedDate(cell('published'));
  if (published.iso === null && published.text.trim() !== '')
    warnings.push(`Publication date "${published.text.slice(0, 60)}" is not a date`);

  const accessibilityText = cell('accessibility');
  let accessibility = normalizeEpochAccessibility(accessibilityText);
  if (accessibility === null) {
    warnings.push(`Model accessibility "${accessibilityText.slice(0, 60)}" is not an Epoch term`);
    accessibility = 'unknown';
  }

  const countries: string[] = [];
  const unmappedCountries: string[] = [];
  let multinational = false;
  for (const countryName of splitList(cell('country'))) {
    if (countryName.toLowerCase() === 'multinational') {
      multinational = true;
      continue;
    }
    const code = toCountryCode(countryName);
    if (code === null) {
      if (!unmappedCountries.includes(countryName)) unmappedCountries.push(countryName);
    } else if (!countries.includes(code)) countries.push(code);
  }
  for (const countryName of unmappedCountries) warnings.push(`country "${countryName}" has no ISO code`);

  const organizationKinds: OrganizationKind[] = splitList(cell('organizationKinds')).map(
    (term) => ORGANIZATION_KIND_BY_TERM[term.toLowerCase()] ?? 'other',
  );

  const link = cell('link').trim();
  const baseModel = cell('baseModel').trim();
  return {
    name,
    organizations: splitList(cell('organization')),
    organizationKinds,
    published,
    domains: splitList(cell('domain')),
    parameters: parseNumber(cell('parameters'), 'Parameters', warnings),
    trainingComputeFlop: parseNumber(cell('compute'), 'Training compute (FLOP)', warnings),
    accessibility,
    accessibilityText,
    countries,
    multinational,
    unmappedCountries,
    baseModel: baseModel === '' ? null : baseModel,
    link: link === '' ? null : link.split(/\s+/)[0]!,
    notability: splitList(cell('notability')),
    warnings,
    source: { source: 'epoch', file, line },
  };
}

/**
 * Streams an Epoch CSV file from disk. Throws ERR_NOT_FOUND / ERR_UNREADABLE when the file cannot be
 * opened; bad rows are yielded as rejections.
 */
export async function* parseEpochCsvFile(filePath: string): AsyncGenerator<ParseItem<ModelRecord>> {
  yield* parseEpochCsv(await openFileStream(filePath), { file: filePath });
}
