import { sql } from 'kysely';
import { z } from 'zod';
import { regionOf } from '../regions.ts';
import { modelFilter, sourceParameter, YEAR_PARAMETERS } from './common-parameters.ts';
import type { IndicatorDefinition } from './indicator-definition.ts';
import { sortRows, toCount } from './indicator-values.ts';

const MOF_CLASS = sql.ref('m.mof_class');

function classCount(value: string) {
  return sql<number>`sum(case when ${MOF_CLASS} = ${sql.lit(value)} then 1 else 0 end)`;
}

/**
 * Model Openness Framework classes (I, II, III, none) per country of the models' organisations.
 *
 * @example
 * const result = await runIndicator(db, 'mof-class-distribution', {});
 */
export const mofClassDistribution: IndicatorDefinition = {
  id: 'mof-class-distribution',
  title: 'MOF class distribution by country',
  summary: 'How many models of each country reach Model Openness Framework class I, II or III.',
  docs: {
    definition: [
      'Counts the models per Model Openness Framework class (`models.mof_class`: `I` open science, `II` open tooling, `III` open model) and per country of their organisations. Any other value, or none, counts as `none` (no class reached, or not assessed).',
      '**Counting rule:** a model counts once for each distinct country among its organisations (`model_countries`); models with no known country are counted in a row with an empty country.',
      '**Caveats:** only models whose MOF class was recorded in the catalog (checked release packs, Model Openness Tool ratings) have a class; the `none` column therefore mixes unassessed models with models that reach no class. Filter with `source` to keep one of them.',
    ].join('\n\n'),
  },
  columns: [
    { name: 'country', type: 'text', description: 'ISO 3166-1 alpha-2 code, empty when unknown' },
    {
      name: 'region',
      type: 'text',
      description: 'us, china, europe or rest (empty when the country is unknown)',
    },
    { name: 'classI', type: 'integer', description: 'models of MOF class I (open science)' },
    { name: 'classII', type: 'integer', description: 'models of MOF class II (open tooling)' },
    { name: 'classIII', type: 'integer', description: 'models of MOF class III (open model)' },
    { name: 'none', type: 'integer', description: 'models without a MOF class' },
    { name: 'models', type: 'integer', description: 'all models counted for the country' },
  ],
  chart: { kind: 'stacked-bar', x: 'country', y: 'models', series: 'mofClass' },
  sources: ['mot', 'release-pack'],
  params: z.object({ source: sourceParameter('all'), ...YEAR_PARAMETERS }),
  async run(db, params) {
    const rows = await db
      .selectFrom('models as m')
      .leftJoin('model_countries as mc', 'mc.model_id', 'm.id')
      .select([
        'mc.country as country',
        classCount('I').as('classI'),
        classCount('II').as('classII'),
        classCount('III').as('classIII'),
        sql<number>`count(*)`.as('models'),
      ])
      .where(modelFilter(params))
      .groupBy('mc.country')
      .execute();
    return sortRows(
      rows.map((row) => {
        const classes = [toCount(row.classI), toCount(row.classII), toCount(row.classIII)] as const;
        const models = toCount(row.models);
        return {
          country: row.country,
          region: row.country === null ? null : regionOf(row.country),
          classI: classes[0],
          classII: classes[1],
          classIII: classes[2],
          none: models - classes[0] - classes[1] - classes[2],
          models,
        };
      }),
      ['country'],
    );
  },
};
