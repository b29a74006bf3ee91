import type { Kysely } from 'kysely';
import { ApertureError } from '../../errors.ts';
import type { Database } from '../../store/index.ts';
import { adoptionByOrigin } from './adoption-by-origin.ts';
import { brainFlow } from './brain-flow.ts';
import { chineseBaselines } from './chinese-baselines.ts';
import type { IndicatorDefinition, IndicatorParams, IndicatorResult } from './indicator-definition.ts';
import { modelsPerCountry } from './models-per-country.ts';
import { modelsPerRegion } from './models-per-region.ts';
import { mofClassDistribution } from './mof-class-distribution.ts';
import { openFundingShare } from './open-funding-share.ts';
import { openShareTopLabs } from './open-share-top-labs.ts';
import { opennessByCountry } from './openness-by-country.ts';
import { opennessByOrganizationType } from './openness-by-organization-type.ts';
import { readStoredIndicatorRows } from './stored-indicator-results.ts';
import { universityLabs } from './university-labs.ts';

/** Every observatory indicator, in the order they are listed and documented. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  modelsPerCountry,
  modelsPerRegion,
  openShareTopLabs,
  opennessByCountry,
  opennessByOrganizationType,
  mofClassDistribution,
  adoptionByOrigin,
  brainFlow,
  openFundingShare,
  universityLabs,
  chineseBaselines,
];

/** The name the counting notes of indicator `id` are stored under in `indicator_results`. */
export function countingNotesName(id: string): string {
  return `${id}#counting-notes`;
}

/** The indicator with id `id`, or a usage error listing the indicators. */
export function requireIndicator(id: string): IndicatorDefinition {
  const found = INDICATORS.find((indicator) => indicator.id === id);
  if (!found) {
    throw new ApertureError(
      'ERR_USAGE',
      `unknown indicator ${JSON.stringify(id)}; indicators: ${INDICATORS.map((indicator) => indicator.id).join(', ')}`,
    );
  }
  return found;
}

/**
 * The validated parameters of `indicator`, by its `params` schema: defaults applied, integers parsed and
 * bounded, choices checked; `from` not after `to`. An unknown parameter name or a bad value is a usage
 * error naming the parameter (the first one in the indicator's order).
 */
export function resolveIndicatorParams(
  indicator: IndicatorDefinition,
  params: Record<string, string | number | undefined> = {},
): IndicatorParams {
  const given = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
  const names = Object.keys(indicator.params.shape);
  const unknown = Object.keys(given).find((name) => !names.includes(name));
  if (unknown !== undefined) {
    throw new ApertureError(
      'ERR_USAGE',
      `unknown parameter ${JSON.stringify(unknown)} for indicator ${indicator.id}; parameters: ${names.join(', ') || 'none'}`,
      { field: unknown },
    );
  }
  const parsed = indicator.params.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ApertureError(
      'ERR_USAGE',
      `parameter ${String(issue.path[0])} of indicator ${indicator.id} ${issue.message}`,
      { field: String(issue.path[0]) },
    );
  }
  const resolved: IndicatorParams = parsed.data;
  if (typeof resolved.from === 'number' && typeof resolved.to === 'number' && resolved.from > resolved.to) {
    throw new ApertureError(
      'ERR_USAGE',
      `parameter from of indicator ${indicator.id} must not be after to (${resolved.from} > ${resolved.to})`,
      { field: 'from' },
    );
  }
  return resolved;
}

/** Options of runIndicator. */
export interface RunIndicatorOptions {
  /**
   * Read the rows materializeIndicators stored when the last import committed, when they describe the
   * current catalog version (one primary-key read); compute them otherwise. The server reads them; a
   * command computes (its database may predate migration 0011).
   */
  stored?: boolean;
}

/**
 * Computes the indicator `name` in the database: its rows (sorted deterministically, identical on
 * SQLite and PostgreSQL) with its columns, chart and references.
 *
 * @example
 * const result = await runIndicator(store.db, 'models-per-region', { from: 2020 });
 * console.log(result.rows, result.references[0]?.rows);
 */
export async function runIndicator(
  db: Kysely<Database>,
  name: string,
  params: Record<string, string | number | undefined> = {},
  options: RunIndicatorOptions = {},
): Promise<IndicatorResult> {
  const indicator = requireIndicator(name);
  const resolved = resolveIndicatorParams(indicator, params);
  const stored = options.stored ? await readStoredIndicatorRows(db, indicator.id, resolved) : undefined;
  const rows = stored ?? (await indicator.run(db, resolved));
  const notes = indicator.countingNotes;
  const noteRows = notes
    ? ((options.stored
        ? await readStoredIndicatorRows(db, countingNotesName(indicator.id), resolved)
        : undefined) ?? (await notes.run(db, resolved)))
    : undefined;
  return {
    name: indicator.id,
    title: indicator.title,
    summary: indicator.summary,
    definition: indicator.docs.definition,
    columns: indicator.columns,
    chart: indicator.chart,
    rows,
    references: [
      ...(indicator.references ?? []),
      ...(notes && noteRows ? [{ label: notes.label, citation: notes.citation, rows: noteRows }] : []),
    ],
    sources: [...indicator.sources],
  };
}
