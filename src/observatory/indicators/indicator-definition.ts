import type { Kysely } from 'kysely';
import type {
  IndicatorChart,
  IndicatorColumn,
  IndicatorReference,
  IndicatorResult,
  IndicatorRow,
} from '../../spec/index.ts';
import type { Database } from '../../store/index.ts';
import type { IndicatorParamsSchema } from './indicator-parameter.ts';

// What an indicator produces is the API's answer (src/spec/api/indicators.ts), named here for the indicators.
export type { IndicatorChart, IndicatorColumn, IndicatorReference, IndicatorResult, IndicatorRow };

/** Parameters after validation: defaults applied, integers as numbers, absent optional ones undefined. */
export type IndicatorParams = Record<string, string | number | undefined>;

/** Figures computed from the catalog shown beside an indicator as a reference (see `countingNotes`). */
export interface IndicatorCountingNotes {
  label: string;
  citation: IndicatorReference['citation'];
  run(db: Kysely<Database>, params: IndicatorParams): Promise<IndicatorRow[]>;
}

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
   * Ids of the data sources the indicator counts (`epoch`, `mot`, `osai`, `fmti`, `openalex`, `hf`,
   * `release-pack`, `aperture-program`): the dashboard names them, with their snapshot dates, under the chart.
   */
  sources: string[];
  /**
   * The parameters, each made by `integerParameter` or `textParameter` (validation, default and
   * description in one place); GET /api/indicators lists them and the API's query schema is made from them.
   */
  params: IndicatorParamsSchema;
  references?: IndicatorReference[];
  /**
   * Figures computed from the catalog that explain how it counts beside a published figure (e.g. how
   * many models are multi-country): shown after `references` as one more reference whose rows `run`
   * computes with the indicator's parameters; stored with the rows when indicators are materialized.
   */
  countingNotes?: IndicatorCountingNotes;
  /** Computes the rows, sorted deterministically; `params` are already validated. */
  run(db: Kysely<Database>, params: IndicatorParams): Promise<IndicatorRow[]>;
}
