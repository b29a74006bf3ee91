import type { Kysely } from 'kysely';
import type { VerificationStatus } from '../spec/index.ts';
import type { Database } from '../store/index.ts';
import { selectVerificationResults } from './verification-results-query.ts';

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
  let query = selectVerificationResults(db)
    .innerJoin('verification_runs as v', 'v.id', 'r.run_id')
    .select(['r.run_id as runId', 'v.as_of as asOf'])
    .orderBy('r.run_id')
    .orderBy('p.slug')
    .orderBy('a.slug')
    .orderBy('d.requirement');
  if (options.program !== undefined) query = query.where('p.slug', '=', options.program);
  const rows = await query.execute();
  // Fields in EXPORT_COLUMNS order, so JSON Lines keys read in the CSV's order.
  return rows.map((row) => ({
    runId: row.runId,
    asOf: row.asOf,
    checkedAt: row.checkedAt,
    program: row.program,
    award: row.award,
    recipient: row.recipient,
    requirement: row.requirement,
    kind: row.kind,
    source: row.source,
    due: row.due,
    status: row.status,
    score: row.score === null ? null : Number(row.score),
    mofClass: row.mofClass,
    missing: ((typeof row.missing === 'string' ? JSON.parse(row.missing) : row.missing) as string[]).join(
      '; ',
    ),
  }));
}
