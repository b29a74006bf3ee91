import { sql } from 'kysely';
import { z } from 'zod';
import { hasYear, modelFilter, sourceParameter, YEAR_PARAMETERS } from './common-parameters.ts';
import type { IndicatorDefinition } from './indicator-definition.ts';
import { regionOfColumn, yearOf } from './indicator-sql.ts';
import { sortRows, toCount } from './indicator-values.ts';
import { REGION_COUNTING_NOTES } from './region-counting-notes.ts';

/**
 * Notable models per country per year. A model with organisations in several countries counts once
 * for each distinct country (its `model_countries` rows).
 *
 * @example
 * const result = await runIndicator(db, 'models-per-country', { from: 2020 });
 */
export const modelsPerCountry: IndicatorDefinition = {
  id: 'models-per-country',
  title: 'Notable models per country per year',
  summary: 'How many notable models organisations of each country published each year.',
  docs: {
    definition: [
      "Counts the models of the catalog (every source by default; `source=epoch` restricts it to Epoch AI's Notable AI Models, and a model listed by two sources counts once per source) per country of their organisations and per year of publication.",
      "**Counting rule:** a model counts once for each distinct country among all its organisations (one `model_countries` row per country), so a US–Chinese collaboration counts once for the US and once for China, and the per-country figures add up to more than the number of models. The year is the first four characters of the model's publication date.",
      "**Caveats:** models without a date, or whose organisations have no known country (Epoch's `Multinational`, unmapped names), are not counted. Epoch revises its dataset continually, so figures change between snapshots.",
      "**Beside the AI Index:** its 2025 report counts 40 US and 15 Chinese notable models for 2024, from an early-2025 snapshot of Epoch's data. The counting notes beside the chart are computed from the loaded catalog (same `source`): how many models it dates 2024 (an export taken during or soon after the year lists far fewer, as Epoch adds models late), how many are multi-country or have no country, and the US, China and Europe counted by any organisation beside the count of models whose only region it is. See models-per-region for the four reasons the figures differ.",
    ].join('\n\n'),
  },
  columns: [
    { name: 'year', type: 'integer', description: 'year of publication' },
    { name: 'country', type: 'text', description: 'ISO 3166-1 alpha-2 code of an organisation of the model' },
    {
      name: 'region',
      type: 'text',
      description: 'the observatory region of the country (us, china, europe, rest)',
    },
    {
      name: 'models',
      type: 'integer',
      description: 'models published that year with an organisation in the country',
    },
  ],
  chart: { kind: 'line', x: 'year', y: 'models', series: 'country' },
  sources: ['epoch'],
  params: z.object({ source: sourceParameter('all'), ...YEAR_PARAMETERS }),
  countingNotes: REGION_COUNTING_NOTES,
  async run(db, params) {
    const year = yearOf('m.date');
    const rows = await db
      .selectFrom('models as m')
      .innerJoin('model_countries as mc', 'mc.model_id', 'm.id')
      .select([
        year.as('year'),
        'mc.country as country',
        regionOfColumn('mc.country').as('region'),
        sql<number>`count(distinct ${sql.ref('m.id')})`.as('models'),
      ])
      .where(hasYear('m.date'))
      .where(modelFilter(params))
      .groupBy([year, 'mc.country'])
      .execute();
    return sortRows(
      rows.map((row) => ({
        year: Number(row.year),
        country: row.country,
        region: row.region,
        models: toCount(row.models),
      })),
      ['year', 'country'],
    );
  },
};
