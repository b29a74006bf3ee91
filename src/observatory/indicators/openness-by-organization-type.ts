import { sql } from 'kysely';
import { z } from 'zod';
import { sourceParameter, YEAR_PARAMETERS } from './common-parameters.ts';
import type { IndicatorDefinition } from './indicator-definition.ts';
import { OPENNESS_COLUMNS, OPENNESS_STATISTICS_TEXT, opennessDistribution } from './openness-distribution.ts';

/**
 * Openness score distribution (count, mean, min, max, four buckets) per organisation type per year.
 *
 * @example
 * const result = await runIndicator(db, 'openness-by-organization-type', {});
 */
export const opennessByOrganizationType: IndicatorDefinition = {
  id: 'openness-by-organization-type',
  title: 'Openness score distribution by organisation type per year',
  summary: 'How open industry, academia, government and other labs are: openness score statistics per year.',
  docs: {
    definition: [
      'Summarises `models.openness_score` (0–100) of the scored models per type of their organisation (`organizations.type`: industry, academia, government, research-collective, other) and per year of publication.',
      '**Counting rule:** a model counts once, under the type of its first organisation (`models.organization_id`); a model without an organisation, or whose organisation has no type, counts under `unknown`.',
      OPENNESS_STATISTICS_TEXT,
    ].join('\n\n'),
  },
  columns: [
    { name: 'year', type: 'integer', description: 'year of publication (empty when the model has no date)' },
    { name: 'organizationType', type: 'text', description: 'type of the first organisation, or unknown' },
    ...OPENNESS_COLUMNS,
  ],
  chart: { kind: 'line', x: 'year', y: 'mean', series: 'organizationType' },
  sources: ['release-pack'],
  params: z.object({ source: sourceParameter('all'), ...YEAR_PARAMETERS }),
  run: (db, params) =>
    opennessDistribution(
      db,
      params,
      'organizationType',
      sql<string>`coalesce(${sql.ref('o.type')}, 'unknown')`,
      'organizations',
    ),
};
