import { z } from 'zod';
import { FormatParamSchema } from './pages.ts';

/** One output column of an indicator (names are camelCase, as in the API's JSON). */
export const IndicatorColumnSchema = z.object({
  name: z.string(),
  type: z.enum(['text', 'integer', 'number']),
  description: z.string(),
});

/** One output column of an indicator (see IndicatorColumnSchema). */
export type IndicatorColumn = z.output<typeof IndicatorColumnSchema>;

/** How a chart of the indicator is drawn: the x column, the y column and an optional series column. */
export const IndicatorChartSchema = z.object({
  kind: z.enum(['line', 'bar', 'stacked-bar']),
  x: z.string(),
  y: z.string(),
  series: z.string().optional(),
});

/**
 * How a chart of the indicator is drawn (see IndicatorChartSchema); a `series` that is not a column
 * (stacked-bar only) stacks every numeric column but x and y.
 */
export type IndicatorChart = z.output<typeof IndicatorChartSchema>;

/** One cell of an indicator's row. */
export const IndicatorCellSchema = z.union([z.string(), z.number(), z.null()]);

/** One cell of an indicator's row (see IndicatorCellSchema). */
export type IndicatorCell = z.output<typeof IndicatorCellSchema>;

/** One row of an indicator's result: column name → value. */
export const IndicatorRowSchema = z.record(z.string(), IndicatorCellSchema);

/** One row of an indicator's result (see IndicatorRowSchema). */
export type IndicatorRow = z.output<typeof IndicatorRowSchema>;

/** Published figures shown beside an indicator, with where they come from. */
export const IndicatorReferenceSchema = z.object({
  label: z.string(),
  citation: z.object({ title: z.string(), url: z.string(), note: z.string() }),
  rows: z.array(IndicatorRowSchema),
});

/** Published figures shown beside an indicator (see IndicatorReferenceSchema). */
export type IndicatorReference = z.output<typeof IndicatorReferenceSchema>;

/** The ids of the data sources an indicator counts (see GET /api/sources), e.g. `['epoch']`. */
export const IndicatorSourcesSchema = z
  .array(z.string())
  .describe('Ids of the data sources the indicator counts (GET /api/sources describes each)');

/** An indicator as GET /api/indicators lists it: what it counts, its columns, chart and parameters. */
export const IndicatorInfoSchema = z.object({
  name: z.string(),
  title: z.string(),
  summary: z.string(),
  chart: IndicatorChartSchema,
  columns: z.array(IndicatorColumnSchema),
  sources: IndicatorSourcesSchema,
  parameters: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      type: z.enum(['integer', 'text']),
      default: z.union([z.string(), z.number()]).optional(),
      choices: z.array(z.string()).optional(),
      min: z.number().optional(),
      max: z.number().optional(),
    }),
  ),
});

/** An indicator as GET /api/indicators lists it (see IndicatorInfoSchema). */
export type IndicatorInfo = z.output<typeof IndicatorInfoSchema>;

/** GET /api/indicators. */
export const IndicatorListSchema = z.object({ items: z.array(IndicatorInfoSchema) });

/** The answer of GET /api/indicators. */
export type IndicatorList = z.output<typeof IndicatorListSchema>;

/** Path of GET /api/indicators/:name. */
export const IndicatorParamsSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]{1,80}$/, 'expected a kebab-case indicator name'),
});

/** Query of GET /api/indicators/:name: the indicator's own parameters, plus `format`. */
export const IndicatorQuerySchema = z
  .object({ format: FormatParamSchema })
  .catchall(z.string().max(200))
  .describe("The indicator's parameters (see GET /api/indicators) and `format`");

/** GET /api/indicators/:name: the result of one indicator (also `aperture indicators NAME --json`). */
export const IndicatorResultSchema = z
  .object({
    name: z.string(),
    title: z.string(),
    summary: z.string(),
    definition: z.string().describe('Markdown: what is counted, the counting rule and caveats'),
    columns: z.array(IndicatorColumnSchema),
    chart: IndicatorChartSchema,
    rows: z.array(IndicatorRowSchema),
    references: z.array(IndicatorReferenceSchema),
    sources: IndicatorSourcesSchema,
  })
  .meta({ id: 'IndicatorResult' });

/** The result of one indicator (see IndicatorResultSchema); `summary` is one line. */
export type IndicatorResult = z.output<typeof IndicatorResultSchema>;
