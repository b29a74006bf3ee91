import { sql } from 'kysely';
import { z } from 'zod';
import { sourceParameter, YEAR_PARAMETERS } from './common-parameters.ts';
import type { IndicatorDefinition } from './indicator-definition.ts';
import { OPENNESS_COLUMNS, OPENNESS_STATISTICS_TEXT, opennessDistribution } from './openness-distribution.ts';

/**
 * Openness score distribution (count, mean, min, max, four buckets) per country per year.
 *
 * @example
 * const result = await runIndicator(db, 'openness-by-country', { source: 'release-pack' });
 */
export const opennessByCountry: IndicatorDefinition = {
  id: 'openness-by-country',
  title: 'Openness score distribution by country per year',
  summary: 'How open the models of each country are: openness score statistics per country and year.',
  docs: {
    definition: [
      'Summarises `models.openness_score` (0–100, the score of Aperture’s openness profile) of the scored models per country of their organisations and per year of publication.',
      '**Counting rule:** a model counts once for each distinct country among its organisations (`model_countries`); models whose organisations have no known country are left out.',
      OPENNESS_STATISTICS_TEXT,
    ].join('\n\n'),
  },
  columns: [
    { name: 'year', type: 'integer', description: 'year of publication (empty when the model has no date)' },
    { name: 'country', type: 'text', description: 'ISO 3166-1 alpha-2 code' },
    ...OPENNESS_COLUMNS,
  ],
  chart: { kind: 'line', x: 'year', y: 'mean', series: 'country' },
  sources: ['release-pack'],
  params: z.object({ source: sourceParameter('all'), ...YEAR_PARAMETERS }),
  run: (db, params) =>
    opennessDistribution(db, params, 'country', sql<string>`${sql.ref('mc.country')}`, 'countries'),
};
