import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.ts';

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

/** A parameter an indicator accepts (validated by runIndicator before `run` sees it). */
export interface IndicatorParameter {
  name: string;
  description: string;
  type: 'integer' | 'text';
  default?: string | number;
  /** The accepted values of a text parameter, when it is a closed list. */
  choices?: readonly string[];
  /** Bounds of an integer parameter (inclusive). */
  min?: number;
  max?: number;
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
 */
export interface IndicatorDefinition {
  /** kebab-case, also the file name. */
  name: string;
  title: string;
  /** One line. */
  summary: string;
  /** Markdown paragraph(s): what is counted, the counting rule, caveats. */
  definition: string;
  columns: IndicatorColumn[];
  chart: IndicatorChart;
  parameters: IndicatorParameter[];
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
