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
 * Models rated against the MOF: a class recorded, a checked profile (a release pack, rated by the
 * checker whether or not it reaches a class), or a MOF rating linked to the model (the Model Openness Tool).
 */
const RATED = sql<number>`sum(case when ${MOF_CLASS} is not null or ${sql.ref('m.profile')} is not null or exists (select 1 from openness_ratings r where r.model_id = ${sql.ref('m.id')} and r.scheme = 'mof') then 1 else 0 end)`;

/**
 * Model Openness Framework classes (I, II, III, none) and unrated models per country of the models' organisations.
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
      'Counts the models per Model Openness Framework class (`models.mof_class`: `I` open science, `II` open tooling, `III` open model) and per country of their organisations. A model rated against the framework that reaches no class counts as `none`; a model nobody rated counts as `unrated`, apart from `none`.',
      '**Counting rule:** a model counts once for each distinct country among its organisations (`model_countries`); models with no known country are counted in a row with an empty country.',
      '**Rated** means a MOF class recorded in the catalog, a checked openness profile (a release pack: the checker rates it whether or not it reaches a class) or a MOF rating of the Model Openness Tool linked to the model. **Caveats:** most models of the catalog (Epoch AI, Hugging Face listings) are `unrated`: absence of a rating says nothing about openness. Filter with `source` to keep one source.',
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
    { name: 'none', type: 'integer', description: 'rated models that reach no MOF class' },
    { name: 'unrated', type: 'integer', description: 'models nobody rated against the MOF' },
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
        RATED.as('rated'),
        sql<number>`count(*)`.as('models'),
      ])
      .where(modelFilter(params))
      .groupBy('mc.country')
      .execute();
    return sortRows(
      rows.map((row) => {
        const classes = [toCount(row.classI), toCount(row.classII), toCount(row.classIII)] as const;
        const models = toCount(row.models);
        const rated = toCount(row.rated);
        return {
          country: row.country,
          region: row.country === null ? null : regionOf(row.country),
          classI: classes[0],
          classII: classes[1],
          classIII: classes[2],
          none: rated - classes[0] - classes[1] - classes[2],
          unrated: models - rated,
          models,
        };
      }),
      ['country'],
    );
  },
};
