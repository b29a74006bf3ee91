import { sql } from 'kysely';
import { z } from 'zod';
import { YEAR_PARAMETERS } from './common-parameters.ts';
import type { IndicatorDefinition } from './indicator-definition.ts';
import { textParameter } from './indicator-parameter.ts';
import { roundTo, shareOf, sortRows, toCount, toNumber } from './indicator-values.ts';

/**
 * Share of funding-program money tied to open deliverables per year (optionally per funder), per
 * currency.
 *
 * @example
 * const result = await runIndicator(db, 'open-funding-share', { by: 'funder' });
 */
export const openFundingShare: IndicatorDefinition = {
  id: 'open-funding-share',
  title: 'Share of program funding tied to open deliverables',
  summary: 'How much of the money of AI funding programs is tied to open deliverables, per year.',
  docs: {
    definition: [
      'Sums, per start year of the program (and per funder with `by=funder`), the total amount of the funding programs of the catalog and the part of it tied to open deliverables (`funding_programs.open_amount`), and gives the open share = open amount / total amount.',
      '**Counting rule:** each program counts once, in its start year; amounts are summed per currency, never converted, so a year with programs in euros and in dollars has one row per currency. Programs with an unknown or zero total amount, or an unknown open amount, are left out; a program without a start year counts under an empty year.',
      '**Caveats:** what counts as an open deliverable is the program’s own commitment as recorded when it was imported (e.g. open weights, open data or open code required by the call); it is not verified against what was delivered.',
    ].join('\n\n'),
  },
  columns: [
    { name: 'year', type: 'integer', description: 'start year of the programs' },
    { name: 'funder', type: 'text', description: 'the funder (with by=funder; empty otherwise)' },
    { name: 'currency', type: 'text', description: 'currency of the amounts' },
    { name: 'programs', type: 'integer', description: 'programs counted' },
    { name: 'totalAmount', type: 'number', description: 'total program money' },
    { name: 'openAmount', type: 'number', description: 'money tied to open deliverables' },
    { name: 'openShare', type: 'number', description: 'openAmount / totalAmount, 4 decimals' },
  ],
  chart: { kind: 'line', x: 'year', y: 'openShare', series: 'currency' },
  sources: ['aperture-program'],
  params: z.object({
    by: textParameter({
      description: 'one row per year, or per year and funder',
      default: 'year',
      choices: ['year', 'funder'],
    }),
    funder: textParameter({ description: 'only the programs of this funder' }),
    ...YEAR_PARAMETERS,
  }),
  async run(db, params) {
    const byFunder = params.by === 'funder';
    let query = db
      .selectFrom('funding_programs as f')
      .select([
        'f.start_year as year',
        'f.currency as currency',
        sql<number>`count(*)`.as('programs'),
        sql<number>`sum(${sql.ref('f.total_amount')})`.as('total'),
        sql<number>`sum(${sql.ref('f.open_amount')})`.as('open'),
      ])
      .where('f.total_amount', 'is not', null)
      .where('f.total_amount', '>', 0)
      .where('f.open_amount', 'is not', null)
      .groupBy(['f.start_year', 'f.currency']);
    if (byFunder) query = query.select('f.funder as funder').groupBy('f.funder');
    if (typeof params.funder === 'string') query = query.where('f.funder', '=', params.funder);
    if (typeof params.from === 'number') query = query.where('f.start_year', '>=', params.from);
    if (typeof params.to === 'number') query = query.where('f.start_year', '<=', params.to);
    const rows = (await query.execute()) as Array<Record<string, unknown>>;
    return sortRows(
      rows.map((row) => {
        const total = toNumber(row.total) ?? 0;
        const open = toNumber(row.open) ?? 0;
        return {
          year: row.year === null ? null : toCount(row.year),
          funder: byFunder ? ((row.funder as string | null) ?? null) : null,
          currency: (row.currency as string | null) ?? null,
          programs: toCount(row.programs),
          totalAmount: roundTo(total, 2),
          openAmount: roundTo(open, 2),
          openShare: shareOf(open, total),
        };
      }),
      ['year', 'funder', 'currency'],
    );
  },
};
