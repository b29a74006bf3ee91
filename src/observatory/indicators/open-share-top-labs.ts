import { sql } from 'kysely';
import { z } from 'zod';
import { modelFilter, sourceParameter, YEAR_PARAMETERS } from './common-parameters.ts';
import type { IndicatorDefinition, IndicatorRow } from './indicator-definition.ts';
import { integerParameter } from './indicator-parameter.ts';
import { quarterOf } from './indicator-sql.ts';
import { shareOf, sortRows, toCount } from './indicator-values.ts';

const OPEN = sql<number>`sum(case when ${sql.ref('m.accessibility')} like 'open-weights-%' then 1 else 0 end)`;
const CLOSED = sql<number>`sum(case when ${sql.ref('m.accessibility')} in ('api', 'hosted', 'unreleased') then 1 else 0 end)`;

/**
 * Open vs closed releases of the top labs per quarter: one row per lab and quarter, and one row per
 * quarter for the top labs together (organization null).
 *
 * @example
 * const result = await runIndicator(db, 'open-share-top-labs', { top: 5 });
 */
export const openShareTopLabs: IndicatorDefinition = {
  id: 'open-share-top-labs',
  title: 'Open vs closed releases of the top labs per quarter',
  summary: 'Share of open-weights releases among the models of the labs with the most models, per quarter.',
  docs: {
    definition: [
      'For the top labs, counts per quarter of publication the models released with open weights and those kept closed, and the open share = open / (open + closed).',
      '**Open** means an accessibility of `open-weights-*` (`open-weights-unrestricted`, `open-weights-restricted` or `open-weights-noncommercial`); **closed** means `api`, `hosted` or `unreleased`; models of `unknown` accessibility are left out of both counts and of the share.',
      '**Top labs rule:** the `top` organisations (default 10) with the most models of the selected source in the whole catalog (every year, whatever `from` and `to` say), ties broken by name in code-point order. A model belongs to its first organisation (`models.organization_id`), so a collaboration counts for its first-listed lab only.',
      '**Rows:** one per lab and quarter with at least one open or closed model, plus, per quarter, a row with `organization` empty for the top labs together. **Caveats:** models dated only by year have no quarter and are left out.',
    ].join('\n\n'),
  },
  columns: [
    { name: 'quarter', type: 'text', description: 'quarter of publication, e.g. 2024-Q3' },
    { name: 'organization', type: 'text', description: 'the lab, or empty for the top labs together' },
    { name: 'open', type: 'integer', description: 'models with open weights' },
    { name: 'closed', type: 'integer', description: 'models behind an API, hosted only, or unreleased' },
    { name: 'openShare', type: 'number', description: 'open / (open + closed), 4 decimals' },
  ],
  chart: { kind: 'line', x: 'quarter', y: 'openShare', series: 'organization' },
  sources: ['epoch'],
  params: z.object({
    source: sourceParameter('all'),
    top: integerParameter({
      description: 'how many labs (by number of models)',
      default: 10,
      min: 1,
      max: 100,
    }),
    ...YEAR_PARAMETERS,
  }),
  async run(db, params) {
    const top = await db
      .selectFrom('models as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .select(['o.id as id', 'o.name as name', sql<number>`count(*)`.as('models')])
      .where(modelFilter({ source: params.source }))
      .groupBy(['o.id', 'o.name'])
      .execute();
    const labs = sortRows(
      top.map((lab) => ({ id: lab.id, name: lab.name, models: toCount(lab.models) })),
      ['-models', 'name'],
    ).slice(0, Number(params.top));
    if (labs.length === 0) return [];

    const quarter = quarterOf('m.date');
    const counted = await db
      .selectFrom('models as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .select([quarter.as('quarter'), 'o.name as organization', OPEN.as('open'), CLOSED.as('closed')])
      .where(
        'o.id',
        'in',
        labs.map((lab) => lab.id),
      )
      .where(sql<boolean>`${quarter} is not null`)
      .where(modelFilter(params))
      .groupBy([quarter, 'o.name'])
      .execute();

    const rows: IndicatorRow[] = [];
    const totals = new Map<string, { open: number; closed: number }>();
    for (const row of counted) {
      const open = toCount(row.open);
      const closed = toCount(row.closed);
      if (open + closed === 0) continue;
      const quarterText = String(row.quarter);
      rows.push({
        quarter: quarterText,
        organization: row.organization,
        open,
        closed,
        openShare: shareOf(open, open + closed),
      });
      const total = totals.get(quarterText) ?? { open: 0, closed: 0 };
      total.open += open;
      total.closed += closed;
      totals.set(quarterText, total);
    }
    for (const [quarterText, { open, closed }] of totals) {
      rows.push({
        quarter: quarterText,
        organization: null,
        open,
        closed,
        openShare: shareOf(open, open + closed),
      });
    }
    return sortRows(rows, ['quarter', 'organization']);
  },
};
