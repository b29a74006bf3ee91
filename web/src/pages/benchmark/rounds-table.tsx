import { Link } from 'react-router';
import type { BenchmarkDetail, TaskSummary } from '../../../../src/spec/api/index.ts';
import { DataTable } from '../../components/data-table.tsx';
import { formatInteger, formatTimestamp } from '../../format.ts';
import { phaseWords } from './phase-words.ts';
import { countsFor } from './round-counts.ts';

/** A benchmark's rounds: phase, times, and the item and submission counts of one task. */
export function RoundsTable({
  benchmark,
  task,
  multiTask,
  withParam,
}: {
  benchmark: BenchmarkDetail;
  task: TaskSummary;
  multiTask: boolean;
  /** The page's query with one parameter set, for the links to each round's leaderboard. */
  withParam: (name: string, value: string) => URLSearchParams;
}) {
  return (
    <DataTable
      caption={`Rounds of ${benchmark.title}`}
      hideCaption
      columns={[
        {
          key: 'name',
          header: 'Round',
          render: (row) => (
            <Link to={`?${withParam('round', row.name)}`} className="nowrap">
              {row.name}
            </Link>
          ),
        },
        {
          key: 'phase',
          header: 'Phase',
          render: (row) => phaseWords(row.phase, countsFor(row, task.id, multiTask).withheld),
        },
        { key: 'opens', header: 'Opens', render: (row) => formatTimestamp(row.opensAt) },
        { key: 'freezes', header: 'Freezes', render: (row) => formatTimestamp(row.freezesAt) },
        {
          key: 'closes',
          header: 'Closes',
          render: (row) => formatTimestamp(row.closedAt ?? row.closesAt),
        },
        {
          key: 'items',
          header: multiTask ? `Items of ${task.title} (public / hidden)` : 'Items (public / hidden)',
          numeric: true,
          render: (row) => {
            const counts = countsFor(row, task.id, multiTask);
            return `${formatInteger(counts.publicItems)} / ${formatInteger(counts.privateItems)}`;
          },
        },
        {
          key: 'submissions',
          header: multiTask ? `Submissions to ${task.title}` : 'Submissions',
          numeric: true,
          render: (row) => formatInteger(countsFor(row, task.id, multiTask).submissions),
        },
      ]}
      rows={benchmark.roundList}
      rowKey={(row) => row.name}
      empty="No rounds yet."
    />
  );
}
