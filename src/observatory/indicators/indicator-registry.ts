import type { Kysely } from 'kysely';
import { ApertureError } from '../../errors.ts';
import type { Database } from '../../store/index.ts';
import { adoptionByOrigin } from './adoption-by-origin.ts';
import { brainFlow } from './brain-flow.ts';
import type {
  IndicatorDefinition,
  IndicatorParameter,
  IndicatorParams,
  IndicatorResult,
} from './indicator-definition.ts';
import { modelsPerCountry } from './models-per-country.ts';
import { modelsPerRegion } from './models-per-region.ts';
import { mofClassDistribution } from './mof-class-distribution.ts';
import { openFundingShare } from './open-funding-share.ts';
import { openShareTopLabs } from './open-share-top-labs.ts';
import { opennessByCountry } from './openness-by-country.ts';
import { opennessByOrganizationType } from './openness-by-organization-type.ts';
import { readStoredIndicatorRows } from './stored-indicator-results.ts';

export type {
  IndicatorChart,
  IndicatorColumn,
  IndicatorDefinition,
  IndicatorParameter,
  IndicatorParams,
  IndicatorReference,
  IndicatorResult,
  IndicatorRow,
} from './indicator-definition.ts';

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
];

/** The indicator called `name`, or a usage error listing the indicators. */
export function requireIndicator(name: string): IndicatorDefinition {
  const found = INDICATORS.find((indicator) => indicator.name === name);
  if (!found) {
    throw new ApertureError(
      'ERR_USAGE',
      `unknown indicator ${JSON.stringify(name)}; indicators: ${INDICATORS.map((indicator) => indicator.name).join(', ')}`,
    );
  }
  return found;
}

function parameterValue(
  indicator: IndicatorDefinition,
  parameter: IndicatorParameter,
  raw: string | number | undefined,
): string | number | undefined {
  const value = raw ?? parameter.default;
  if (value === undefined) return undefined;
  const fail = (why: string): never => {
    throw new ApertureError(
      'ERR_USAGE',
      `parameter ${parameter.name} of indicator ${indicator.name} ${why} (got ${JSON.stringify(value)})`,
      { field: parameter.name },
    );
  };
  if (parameter.type === 'integer') {
    const text = String(value).trim();
    if (!/^-?\d+$/.test(text)) return fail('must be an integer');
    const number = Number(text);
    if (parameter.min !== undefined && number < parameter.min)
      return fail(`must be at least ${parameter.min}`);
    if (parameter.max !== undefined && number > parameter.max)
      return fail(`must be at most ${parameter.max}`);
    return number;
  }
  const text = String(value);
  if (text.trim() === '' || text.length > 200)
    return fail('must be a non-empty text of at most 200 characters');
  if (parameter.choices && !parameter.choices.includes(text)) {
    return fail(`must be one of ${parameter.choices.join(', ')}`);
  }
  return text;
}

/**
 * The validated parameters of `indicator`: defaults applied, integers parsed and bounded, choices
 * checked. An unknown parameter name or a bad value is a usage error naming the parameter (its `field`).
 */
export function resolveIndicatorParams(
  indicator: IndicatorDefinition,
  params: Record<string, string | number | undefined> = {},
): IndicatorParams {
  const known = new Set(indicator.parameters.map((parameter) => parameter.name));
  for (const name of Object.keys(params)) {
    if (params[name] !== undefined && !known.has(name)) {
      const valid = indicator.parameters.map((parameter) => parameter.name).join(', ') || 'none';
      throw new ApertureError(
        'ERR_USAGE',
        `unknown parameter ${JSON.stringify(name)} for indicator ${indicator.name}; parameters: ${valid}`,
        { field: name },
      );
    }
  }
  const resolved: IndicatorParams = {};
  for (const parameter of indicator.parameters) {
    resolved[parameter.name] = parameterValue(indicator, parameter, params[parameter.name]);
  }
  if (typeof resolved.from === 'number' && typeof resolved.to === 'number' && resolved.from > resolved.to) {
    throw new ApertureError(
      'ERR_USAGE',
      `parameter from of indicator ${indicator.name} must not be after to (${resolved.from} > ${resolved.to})`,
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
  const stored = options.stored ? await readStoredIndicatorRows(db, indicator.name, resolved) : undefined;
  const rows = stored ?? (await indicator.run(db, resolved));
  return {
    name: indicator.name,
    title: indicator.title,
    summary: indicator.summary,
    definition: indicator.definition,
    columns: indicator.columns,
    chart: indicator.chart,
    rows,
    references: indicator.references ?? [],
  };
}
