import { sql } from 'kysely';
import { z } from 'zod';
import { hasYear, modelFilter, sourceParameter, YEAR_PARAMETERS } from './common-parameters.ts';
import type { IndicatorDefinition, IndicatorReference } from './indicator-definition.ts';
import { regionOfColumn, yearOf } from './indicator-sql.ts';
import { sortRows, toCount } from './indicator-values.ts';
import { REGION_COUNTING_NOTES } from './region-counting-notes.ts';

/** The AI Index 2025's published count of notable models of 2024 by region, shown beside ours. */
export const AI_INDEX_2025_NOTABLE_MODELS: IndicatorReference = {
  label: 'AI Index 2025: notable AI models of 2024 by region',
  citation: {
    title: 'Stanford HAI, The 2025 AI Index Report (chapter 1, Research and Development)',
    url: 'https://hai.stanford.edu/ai-index/2025-ai-index-report',
    note: 'U.S.-based institutions produced 40 notable AI models in 2024, China 15 and Europe 3; computed by the AI Index from an earlier snapshot of Epoch AI’s notable models data.',
  },
  rows: [
    { year: 2024, region: 'us', models: 40 },
    { year: 2024, region: 'china', models: 15 },
    { year: 2024, region: 'europe', models: 3 },
  ],
};

/**
 * Notable models per region (US, China, Europe, rest) per year; a model counts once per distinct
 * region of its organisations' countries. References: the AI Index 2025 figures for 2024, and counting
 * notes computed from the catalog that explain the difference.
 *
 * @example
 * const result = await runIndicator(db, 'models-per-region', { from: 2015 });
 */
export const modelsPerRegion: IndicatorDefinition = {
  id: 'models-per-region',
  title: 'Notable models per region per year',
  summary: 'Notable models of the US, China, Europe and the rest of the world, per year.',
  docs: {
    definition: [
      'Counts the models of the catalog (every source by default; `source=epoch` restricts it to Epoch AI’s Notable AI Models, and a model listed by two sources counts once per source) per region of their organisations and per year of publication. Regions: `us` (US), `china` (CN only; Hong Kong, Macao and Taiwan count under `rest`), `europe` (the 27 EU member states, the United Kingdom and the four EFTA states) and `rest`.',
      '**Counting rule:** a model counts once for each distinct region among its organisations’ countries: a German–French model counts once for Europe, a US–Chinese one once for the US and once for China.',
      '**Why the figures differ from the AI Index (US 40, China 15, Europe 3 in 2024):** four reasons, each measured on the loaded catalog by the counting notes shown beside the chart (`references`, computed by a query with the same `source`, never typed in):',
      '1. *The snapshot.* Stanford HAI’s AI Index 2025 counted an early-2025 snapshot of Epoch AI’s data. Epoch adds a year’s models long after it ends (and reassesses notability), so an export taken during or just after the year lists far fewer: the note `models dated this year` is the loaded snapshot’s total for 2024, to set beside the AI Index’s 40 for the US alone. Only a snapshot of the same date can give the same numbers.',
      '2. *Multi-country models.* This indicator counts a model once in each distinct region of its organisations (a Google DeepMind model listed as US and UK counts for the US and for Europe). The notes give how many 2024 models have organisations in 2 or more countries and regions, and for each region the count by any organisation (as charted) beside the count of models whose only region it is.',
      '3. *Models without a country.* A model whose only country entry is Epoch’s `Multinational`, or whose country has no ISO code, is in no region (note `no known country`).',
      '4. *Regions and sources.* Europe here is the EU 27, the United Kingdom and the four EFTA states; Hong Kong, Macao and Taiwan count under `rest`, not China. With `source=all` (the default) a model listed by two sources (Epoch and a Hub listing, say) counts once per source; `source=epoch` is the figure comparable with the AI Index.',
    ].join('\n\n'),
  },
  columns: [
    { name: 'year', type: 'integer', description: 'year of publication' },
    { name: 'region', type: 'text', description: 'us, china, europe or rest' },
    {
      name: 'models',
      type: 'integer',
      description: 'models published that year with an organisation in the region',
    },
  ],
  chart: { kind: 'line', x: 'year', y: 'models', series: 'region' },
  sources: ['epoch'],
  params: z.object({ source: sourceParameter('all'), ...YEAR_PARAMETERS }),
  references: [AI_INDEX_2025_NOTABLE_MODELS],
  countingNotes: REGION_COUNTING_NOTES,
  async run(db, params) {
    const year = yearOf('m.date');
    const region = regionOfColumn('mc.country');
    const rows = await db
      .selectFrom('models as m')
      .innerJoin('model_countries as mc', 'mc.model_id', 'm.id')
      .select([
        year.as('year'),
        region.as('region'),
        sql<number>`count(distinct ${sql.ref('m.id')})`.as('models'),
      ])
      .where(hasYear('m.date'))
      .where(modelFilter(params))
      .groupBy([year, region])
      .execute();
    return sortRows(
      rows.map((row) => ({ year: Number(row.year), region: row.region, models: toCount(row.models) })),
      ['year', 'region'],
    );
  },
};
