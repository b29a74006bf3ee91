import type { Kysely } from 'kysely';
import type { VerificationStatus } from '../spec/index.ts';
import type { Database } from '../store/index.ts';

/** One exported verification result: every run, every deliverable. */
export interface ExportedResult {
  runId: number;
  asOf: string;
  checkedAt: string;
  program: string;
  award: string;
  recipient: string;
  requirement: string;
  kind: string;
  source: string | null;
  due: string;
  status: VerificationStatus;
  score: number | null;
  mofClass: string | null;
  missing: string;
}

/** Columns of the CSV export, in order. */
export const EXPORT_COLUMNS = [
  'runId',
  'asOf',
  'checkedAt',
  'program',
  'award',
  'recipient',
  'requirement',
  'kind',
  'source',
  'due',
  'status',
  'score',
  'mofClass',
  'missing',
] as const satisfies readonly (keyof ExportedResult)[];

/**
 * Every recorded verification result (history included), oldest run first, for CSV or JSON Lines;
 * `missing` is joined into one text cell with `; `.
 *
 * @example
 * const rows = await exportResults(db, { program: 'open-artifacts-fellowship' });
 */
export async function exportResults(
  db: Kysely<Database>,
  options: { program?: string } = {},
): Promise<ExportedResult[]> {
  let query = db
    .selectFrom('verification_results as r')
    .innerJoin('verification_runs as v', 'v.id', 'r.run_id')
    .innerJoin('deliverables as d', 'd.id', 'r.deliverable_id')
    .innerJoin('awards as a', 'a.id', 'd.award_id')
    .innerJoin('programs as p', 'p.id', 'a.program_id')
    .select([
      'r.run_id as runId',
      'v.as_of as asOf',
      'r.checked_at as checkedAt',
      'p.slug as program',
      'a.slug as award',
      'a.recipient as recipient',
      'd.requirement as requirement',
      'd.kind as kind',
      'd.source as source',
      'd.due_date as due',
      'r.status as status',
      'r.score as score',
      'r.mof_class as mofClass',
      'r.missing as missing',
    ])
    .orderBy('r.run_id')
    .orderBy('p.slug')
    .orderBy('a.slug')
    .orderBy('d.requirement');
  if (options.program !== undefined) query = query.where('p.slug', '=', options.program);
  const rows = await query.execute();
  return rows.map((row) => ({
    ...row,
    score: row.score === null ? null : Number(row.score),
    missing: ((typeof row.missing === 'string' ? JSON.parse(row.missing) : row.missing) as string[]).join(
      '; ',
    ),
  }));
}
