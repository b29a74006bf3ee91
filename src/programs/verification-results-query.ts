import type { Kysely } from 'kysely';
import type { Database } from '../store/index.ts';

/**
 * Recorded verification results joined with their deliverable, award and program, selecting what every
 * reader of results shows (who, which requirement, the verdict); callers add their own columns, filters
 * and order. The one place this join is written, so an export and a run's results never disagree.
 *
 * @example
 * const rows = await selectVerificationResults(db).select('r.report as report').where('r.run_id', '=', 3).execute();
 */
export function selectVerificationResults(db: Kysely<Database>) {
  return db
    .selectFrom('verification_results as r')
    .innerJoin('deliverables as d', 'd.id', 'r.deliverable_id')
    .innerJoin('awards as a', 'a.id', 'd.award_id')
    .innerJoin('programs as p', 'p.id', 'a.program_id')
    .select([
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
      'r.checked_at as checkedAt',
    ]);
}
