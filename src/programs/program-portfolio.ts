import { type Kysely, sql } from 'kysely';
import {
  type OpennessGroup,
  PORTFOLIO_CLASSES,
  type PortfolioRow,
  type ProgramPortfolio,
} from '../spec/index.ts';
import type { Database } from '../store/index.ts';
import { getProgram } from './program-queries.ts';

function groupOf(items: ReadonlyArray<{ score: number; mofClass: string | null }>): OpennessGroup {
  const classes = { I: 0, II: 0, III: 0, none: 0 };
  for (const item of items) {
    const key =
      item.mofClass === 'I' || item.mofClass === 'II' || item.mofClass === 'III' ? item.mofClass : 'none';
    classes[key] += 1;
  }
  const mean = items.length === 0 ? null : items.reduce((sum, item) => sum + item.score, 0) / items.length;
  return { count: items.length, meanScore: mean === null ? null : Math.round(mean * 10) / 10, classes };
}

function rowsOf(group: 'funded' | 'field', value: OpennessGroup): PortfolioRow[] {
  return PORTFOLIO_CLASSES.map((mofClass) => ({
    group,
    mofClass,
    count: value.classes[mofClass],
    share: value.count === 0 ? null : Math.round((value.classes[mofClass] / value.count) * 10_000) / 10_000,
  }));
}

/**
 * Openness of the work a program funded against the field: the latest verified score and MOF class of
 * each award's release (release-pack deliverables) vs the openness score and MOF class of the models of
 * the observatory catalog. Read-only; ERR_NOT_FOUND for an unknown program.
 *
 * @example
 * const { funded, field } = await programPortfolio(db, 'open-artifacts-fellowship');
 */
export async function programPortfolio(db: Kysely<Database>, slug: string): Promise<ProgramPortfolio> {
  await getProgram(db, slug);
  const funded = await db
    .selectFrom('verification_results as r')
    .innerJoin('deliverables as d', 'd.id', 'r.deliverable_id')
    .innerJoin('awards as a', 'a.id', 'd.award_id')
    .innerJoin('programs as p', 'p.id', 'a.program_id')
    .select([
      'a.id as awardId',
      'd.id as deliverableId',
      'r.run_id as runId',
      'r.score as score',
      'r.mof_class as mofClass',
    ])
    .where('p.slug', '=', slug)
    .where('d.kind', '=', 'release-pack')
    .where('r.score', 'is not', null)
    .orderBy('r.run_id', 'desc')
    .orderBy('d.id')
    .execute();
  // One release per award: the latest result of its first release-pack deliverable.
  const perAward = new Map<number, { score: number; mofClass: string | null }>();
  for (const row of funded) {
    if (!perAward.has(row.awardId))
      perAward.set(row.awardId, { score: Number(row.score), mofClass: row.mofClass });
  }
  const field = await db
    .selectFrom('models')
    .select([
      'mof_class as mofClass',
      sql<number>`count(*)`.as('count'),
      sql<number>`sum(${sql.ref('openness_score')})`.as('total'),
    ])
    .where('openness_score', 'is not', null)
    .groupBy('mof_class')
    .execute();
  const fieldGroup: OpennessGroup = { count: 0, meanScore: null, classes: { I: 0, II: 0, III: 0, none: 0 } };
  let total = 0;
  for (const row of field) {
    const count = Number(row.count);
    const key =
      row.mofClass === 'I' || row.mofClass === 'II' || row.mofClass === 'III' ? row.mofClass : 'none';
    fieldGroup.classes[key] += count;
    fieldGroup.count += count;
    total += Number(row.total);
  }
  fieldGroup.meanScore = fieldGroup.count === 0 ? null : Math.round((total / fieldGroup.count) * 10) / 10;
  const fundedGroup = groupOf([...perAward.values()]);
  return {
    program: slug,
    funded: fundedGroup,
    field: fieldGroup,
    rows: [...rowsOf('funded', fundedGroup), ...rowsOf('field', fieldGroup)],
    definition:
      'Funded: the latest verified release of each award (its release-pack deliverable). Field: every model of the observatory catalog with an openness score. Classes are MOF classes; none = no class met.',
  };
}
