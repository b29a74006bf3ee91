import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.ts';
import type { IndicatorParamsSchema } from './indicator-parameter.ts';

/** One output column of an indicator (names are camelCase, as in the API's JSON). */
export interface IndicatorColumn {
  name: string;
  type: 'text' | 'integer' | 'number';
  description: string;
}

/** One row of an indicator's result: column name → value. */
export type IndicatorRow = Record<string, string | number | null>;

/** Published figures shown beside an indicator, with where they come from. */
export interface IndicatorReference {
  label: string;
  citation: { title: string; url: string; note: string };
  rows: IndicatorRow[];
}

/** How a chart of the indicator is drawn: the x column, the y column and an optional series column. */
export interface IndicatorChart {
  kind: 'line' | 'bar' | 'stacked-bar';
  x: string;
  y: string;
  /** The series column; a name that is not a column (stacked-bar only) stacks every numeric column but x and y. */
  series?: string;
}

/** Parameters after validation: defaults applied, integers as numbers, absent optional ones undefined. */
export type IndicatorParams = Record<string, string | number | undefined>;

/**
 * An observatory indicator: a plain object that documents itself (docs/indicators.md is generated
 * from these fields) and computes its rows in the database, the same on SQLite and PostgreSQL.
 *
 * @example
 * export const brainFlow: IndicatorDefinition = { id: 'brain-flow', title: '…', params: z.object({ ...YEAR_PARAMETERS }), … };
 */
export interface IndicatorDefinition {
  /** Stable id, kebab-case, also the file name; results, the CLI and the API call it `name`. */
  id: string;
  title: string;
  /** One line. */
  summary: string;
  docs: {
    /** Markdown paragraph(s): what is counted, the counting rule, caveats. */
    definition: string;
  };
  columns: IndicatorColumn[];
  chart: IndicatorChart;
  /**
   * The parameters, each made by `integerParameter` or `textParameter` (validation, default and
   * description in one place); GET /api/indicators lists them and the API's query schema is made from them.
   */
  params: IndicatorParamsSchema;
  references?: IndicatorReference[];
  /** Computes the rows, sorted deterministically; `params` are already validated. */
  run(db: Kysely<Database>, params: IndicatorParams): Promise<IndicatorRow[]>;
}

/** What runIndicator returns (also the JSON of `aperture indicators NAME --json` and of the API). */
export interface IndicatorResult {
  name: string;
  title: string;
  /** One line: what the indicator shows. */
  summary: string;
  /** Markdown: what is counted, the counting rule, caveats. */
  definition: string;
  columns: IndicatorColumn[];
  chart: IndicatorChart;
  rows: IndicatorRow[];
  references: IndicatorReference[];
}
