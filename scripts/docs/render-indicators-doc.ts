import {
  INDICATORS,
  type IndicatorDefinition,
  type IndicatorParameter,
  listIndicatorParameters,
} from '../../src/observatory/index.ts';
import type { IndicatorRow } from '../../src/spec/index.ts';
import { generatedNotice, table } from './markdown.ts';

function cellText(value: IndicatorRow[string]): string {
  return value === null || value === undefined ? '' : String(value);
}

function parameterDefault(value: string | number | undefined): string {
  return value === undefined ? '—' : `\`${value}\``;
}

function parameterNote(parameter: IndicatorParameter): string {
  const notes = [parameter.description];
  if (parameter.choices)
    notes.push(`one of ${parameter.choices.map((choice) => `\`${choice}\``).join(', ')}`);
  if (parameter.min !== undefined && parameter.max !== undefined)
    notes.push(`${parameter.min}–${parameter.max}`);
  return notes.join('; ');
}

function renderIndicator(indicator: IndicatorDefinition): string[] {
  const parameters = listIndicatorParameters(indicator.params);
  const parts = [
    `## ${indicator.id}`,
    '',
    `**${indicator.title}.** ${indicator.summary}`,
    '',
    indicator.docs.definition.trim(),
    '',
    '### Columns',
    '',
    table(
      ['Column', 'Type', 'Meaning'],
      indicator.columns.map((column) => [`\`${column.name}\``, column.type, column.description]),
    ),
    '',
    '### Parameters',
    '',
    parameters.length === 0
      ? 'None.'
      : table(
          ['Parameter', 'Type', 'Default', 'Meaning'],
          parameters.map((parameter) => [
            `\`${parameter.name}\``,
            parameter.type,
            parameterDefault(parameter.default),
            parameterNote(parameter),
          ]),
        ),
    '',
    `Chart: ${indicator.chart.kind} of \`${indicator.chart.y}\` by \`${indicator.chart.x}\`${indicator.chart.series ? `, one series per \`${indicator.chart.series}\`` : ''}.`,
    '',
    `Sources: ${indicator.sources.map((source) => `\`${source}\``).join(', ')} (GET /api/sources gives each one's snapshot date and license).`,
    '',
    `Command: \`aperture indicators ${indicator.id} [--param key=value …] [--json|--csv]\`; API: \`GET /api/indicators/${indicator.id}\`.`,
  ];
  for (const reference of indicator.references ?? []) {
    const columns = [...new Set(reference.rows.flatMap((row) => Object.keys(row)))];
    parts.push(
      '',
      `### Reference: ${reference.label}`,
      '',
      `[${reference.citation.title}](${reference.citation.url}). ${reference.citation.note}`,
      '',
      table(
        columns,
        reference.rows.map((row) => columns.map((column) => cellText(row[column] ?? null))),
      ),
    );
  }
  if (indicator.countingNotes) {
    parts.push(
      '',
      `### Counting notes: ${indicator.countingNotes.label}`,
      '',
      `${indicator.countingNotes.citation.note} They come with every answer as its last \`references\` entry (computed, so not listed here).`,
    );
  }
  parts.push('');
  return parts;
}

/**
 * Renders docs/indicators.md from the indicator registry: a summary table, then per indicator its
 * definition (counting rule and caveats), columns, parameters, chart and cited references.
 *
 * @example
 * writeFileSync('docs/indicators.md', renderIndicatorsDoc());
 */
export function renderIndicatorsDoc(indicators: readonly IndicatorDefinition[] = INDICATORS): string {
  const parts = [
    '# Observatory indicators',
    '',
    generatedNotice(
      'the indicator registry (`INDICATORS` in src/observatory/indicators/indicator-registry.ts)',
    ),
    '',
    `The observatory computes ${indicators.length} indicators in the database, with the same SQL on SQLite and PostgreSQL (a test runs each on both and compares the answers). Rows are sorted deterministically; shares are rounded to 4 decimals and means to 2 after the query, so both engines print the same figures. Countries are ISO 3166-1 alpha-2 codes; regions are \`us\`, \`china\` (CN only), \`europe\` (EU-27, the United Kingdom and the EFTA states) and \`rest\`. Open release means an accessibility of \`open-weights-*\`; closed means \`api\`, \`hosted\` or \`unreleased\`; \`unknown\` is left out of shares.`,
    '',
    table(
      ['Indicator', 'Summary'],
      indicators.map((indicator) => [`[\`${indicator.id}\`](#${indicator.id})`, indicator.summary]),
    ),
    '',
    ...indicators.flatMap(renderIndicator),
  ];
  return parts.join('\n');
}
