import {
  type AwardDetail,
  type AwardSummary,
  DELIVERABLE_STATUSES,
  type PortfolioRow,
  type ProgramSummary,
  type StatusCounts,
} from '../spec/index.ts';
import { type CsvColumn, plainColumns } from './send-csv.ts';

/** One column per verification status, counting a program's or an award's deliverables in it. */
const statusColumns = <T extends { status: StatusCounts }>(): CsvColumn<T>[] =>
  DELIVERABLE_STATUSES.map((status) => ({
    header: status,
    value: (item: T) => item.status[status],
  }));

/** The columns of GET /api/programs?format=csv. */
export const PROGRAM_CSV: CsvColumn<ProgramSummary>[] = [
  ...plainColumns<ProgramSummary>([
    'id',
    'name',
    'kind',
    'funder',
    'demo',
    'currency',
    'totalBudget',
    'computeBudgetGpuHours',
    'startDate',
    'endDate',
    'awardCount',
    'awardedMoney',
    'awardedGpuHours',
  ]),
  ...statusColumns<ProgramSummary>(),
];

/** The columns of GET /api/programs/:id?format=csv (the program's awards). */
export const AWARD_CSV: CsvColumn<AwardSummary>[] = [
  ...plainColumns<AwardSummary>([
    'id',
    'program',
    'recipient',
    'recipientType',
    'institution',
    'country',
    'money',
    'computeGpuHours',
    'startDate',
    'endDate',
  ]),
  ...statusColumns<AwardSummary>(),
];

/** The columns of GET /api/awards/:id?format=csv (the award's verification history). */
export const HISTORY_CSV = plainColumns<AwardDetail['history'][number]>([
  'runId',
  'checkedAt',
  'asOf',
  'requirement',
  'status',
  'score',
  'mofClass',
]);

/** The columns of GET /api/programs/:id/portfolio?format=csv. */
export const PORTFOLIO_CSV = plainColumns<PortfolioRow>(['group', 'mofClass', 'count', 'share']);
