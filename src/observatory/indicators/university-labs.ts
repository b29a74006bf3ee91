import { sql } from 'kysely';
import { z } from 'zod';
import { hasYear, modelFilter, sourceParameter, YEAR_PARAMETERS } from './common-parameters.ts';
import type { IndicatorDefinition } from './indicator-definition.ts';
import { yearOf } from './indicator-sql.ts';
import { roundTo, shareOf, sortRows, toCount, toNumber } from './indicator-values.ts';

/**
 * The categories a model counts under, one each, from the distinct kinds of its organisations
 * (`models.organization_kinds`), in the order they are listed.
 */
export const LAB_CATEGORIES = [
  'academia',
  'industry',
  'academia-industry',
  'government',
  'research-collective',
  'mixed',
] as const;

/** One of LAB_CATEGORIES. */
export type LabCategory = (typeof LAB_CATEGORIES)[number];

/**
 * The one category of a model from its stored organisation kinds (`academia,industry`): a single kind
 * is its own category (`other` alone counts as mixed); academia with industry, whatever else is listed,
 * is `academia-industry`; any other combination is `mixed`.
 *
 * @example
 * labCategoryOf('academia,industry') // 'academia-industry'
 * labCategoryOf('academia,government') // 'mixed'
 */
export function labCategoryOf(kindsText: string): LabCategory {
  const kinds = new Set(kindsText.split(',').filter((kind) => kind !== ''));
  if (kinds.has('academia') && kinds.has('industry')) return 'academia-industry';
  if (kinds.size === 1) {
    const [only] = kinds;
    if (only === 'academia' || only === 'industry' || only === 'government' || only === 'research-collective')
      return only;
  }
  return 'mixed';
}

/** A sum of FLOP to 6 significant digits, so float sums agree across dialects. */
function flopFigure(value: number): number {
  return Number(value.toPrecision(6));
}

interface Tally {
  models: number;
  withCompute: number;
  flop: number;
}

/**
 * The health of university labs: academia's share of the notable models and of their training compute
 * per year, beside industry's, collaborations', government's and research collectives'.
 *
 * @example
 * const result = await runIndicator(db, 'university-labs', { source: 'epoch', from: 2010 });
 */
export const universityLabs: IndicatorDefinition = {
  id: 'university-labs',
  title: 'The health of university labs: academia’s share of models and compute',
  summary:
    'Academia’s share of notable models and of their training compute per year, beside industry’s and collaborations’ (filled by `aperture import epoch FILE`).',
  sources: ['epoch'],
  docs: {
    definition: [
      'Shares, per year of publication, the models of the catalog whose source says what kind of organisations made them (Epoch AI’s `Organization categorization`: Industry, Academia, Government, Research collective, one entry per organisation, comma-separated) among six categories, and their training compute (`Training compute (FLOP)`) the same way. Stored as `models.organization_kinds`, the distinct kinds of the model’s organisations (migration 0016).',
      '**Counting rule:** each model counts once, in exactly one category, so the shares of a year add up to 1: `academia` when every organisation listed is academic, `industry` when every one is a company, `academia-industry` when academia and industry both appear (a university–company collaboration, whatever else is listed), `government` or `research-collective` when that is the only kind, and `mixed` for any other combination (e.g. academia with government, industry with a research collective) or a term outside Epoch’s four. Academia’s whole involvement is `academia` + `academia-industry` (+ the part of `mixed` with academia); academia-only and collaborations are kept apart because they tell different stories about university labs.',
      '**Shares:** `modelShare` = models of the category / models of the year with a categorisation (`yearModels`). `computeShare` = summed training compute of the category / summed training compute of the year’s categorised models whose compute is known; models without a compute estimate count for `modelShare` only (`modelsWithCompute` says how many have one), and a category with no compute estimate at all has no `computeShare` (unknown, not 0). Models without any categorisation, or without a date, are left out of both (13 of the 884 rows of Epoch’s December 2024 export have no categorisation). `computeFlop` is rounded to 6 significant digits.',
      '**Empty until** a source that lists organisation kinds is imported: `aperture import epoch FILE` (models imported before migration 0016 count once their source is imported again). Epoch’s notable-models list is a selection (by citations, state of the art, historical significance), not a census, so a share here is a share of notable models.',
    ].join('\n\n'),
  },
  columns: [
    { name: 'year', type: 'integer', description: 'year of publication' },
    {
      name: 'category',
      type: 'text',
      description: 'academia, industry, academia-industry, government, research-collective or mixed',
    },
    { name: 'models', type: 'integer', description: 'models of the category published that year' },
    { name: 'modelShare', type: 'number', description: 'models / yearModels, 4 decimals' },
    { name: 'yearModels', type: 'integer', description: 'models of the year with a categorisation' },
    {
      name: 'modelsWithCompute',
      type: 'integer',
      description: 'models of the category with a training compute estimate',
    },
    {
      name: 'computeFlop',
      type: 'number',
      description: 'summed training compute of the category (FLOP, 6 significant digits)',
    },
    {
      name: 'computeShare',
      type: 'number',
      description:
        'computeFlop / the year’s summed known training compute, 4 decimals; empty when no model of the year has one',
    },
  ],
  chart: { kind: 'stacked-bar', x: 'year', y: 'modelShare', series: 'category' },
  params: z.object({ source: sourceParameter('all'), ...YEAR_PARAMETERS }),
  async run(db, params) {
    const year = yearOf('m.date');
    const groups = await db
      .selectFrom('models as m')
      .select([
        year.as('year'),
        'm.organization_kinds as kinds',
        sql<number>`count(*)`.as('models'),
        sql<number>`count(${sql.ref('m.training_compute_flop')})`.as('withCompute'),
        sql<number>`sum(${sql.ref('m.training_compute_flop')})`.as('flop'),
      ])
      .where('m.organization_kinds', 'is not', null)
      .where(hasYear('m.date'))
      .where(modelFilter(params))
      .groupBy([year, 'm.organization_kinds'])
      .execute();
    const byYear = new Map<number, Map<LabCategory, Tally>>();
    for (const group of groups) {
      const y = Number(group.year);
      const category = labCategoryOf(String(group.kinds));
      const categories = byYear.get(y) ?? new Map<LabCategory, Tally>();
      byYear.set(y, categories);
      const tally = categories.get(category) ?? { models: 0, withCompute: 0, flop: 0 };
      tally.models += toCount(group.models);
      tally.withCompute += toCount(group.withCompute);
      tally.flop += toNumber(group.flop) ?? 0;
      categories.set(category, tally);
    }
    const rows = [...byYear].flatMap(([y, categories]) => {
      const tallies = [...categories.values()];
      const yearModels = tallies.reduce((sum, tally) => sum + tally.models, 0);
      const yearFlop = tallies.reduce((sum, tally) => sum + tally.flop, 0);
      return [...categories].map(([category, tally]) => ({
        year: y,
        category,
        models: tally.models,
        modelShare: shareOf(tally.models, yearModels),
        yearModels,
        modelsWithCompute: tally.withCompute,
        computeFlop: tally.withCompute > 0 ? flopFigure(tally.flop) : null,
        // A category none of whose models has a compute estimate has an unknown share, not 0.
        computeShare: tally.withCompute > 0 && yearFlop > 0 ? roundTo(tally.flop / yearFlop) : null,
      }));
    });
    const order = new Map(LAB_CATEGORIES.map((category, index) => [category, index]));
    return sortRows(
      rows.map((row) => ({ ...row, order: order.get(row.category) ?? 99 })),
      ['year', 'order'],
    ).map(({ order: _order, ...row }) => row);
  },
};
