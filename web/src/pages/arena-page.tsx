import { Link } from 'react-router';
import { api } from '../api-client.ts';
import { AsyncView } from '../components/async-view.tsx';
import { DataTable } from '../components/data-table.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { formatInteger, humanize } from '../format.ts';
import { useApi } from '../use-api.ts';

/** `/arena`: the arena's benchmarks. */
export default function ArenaPage() {
  const state = useApi('benchmarks', (signal) => api.benchmarks(signal));
  return (
    <>
      <PageTitle title="Arena" />
      <h1>Arena benchmarks</h1>
      <p className="lead">
        Open benchmarks that are hard to game: rounds whose items are made after the submission freeze, hidden
        labels that never leave the server, leaderboards with bootstrap confidence intervals, and a
        hash-chained transparency log of every accepted submission.
      </p>
      <AsyncView state={state} what="benchmarks">
        {({ items }) => (
          <DataTable
            caption="Arena benchmarks"
            hideCaption
            columns={[
              {
                key: 'title',
                header: 'Benchmark',
                render: (benchmark) => (
                  <>
                    <Link to={`/arena/${encodeURIComponent(benchmark.slug)}`}>{benchmark.title}</Link>
                    {benchmark.demo && <span className="tag">Demo (fictional)</span>}
                    <span className="subline">{benchmark.description}</span>
                  </>
                ),
              },
              {
                key: 'metric',
                header: 'Metric',
                // A benchmark of several tasks lists each task's metric.
                render: (benchmark) =>
                  benchmark.tasks.length > 1
                    ? `${benchmark.tasks.length} tasks: ${benchmark.tasks
                        .map((task) => `${task.title} (${humanize(task.metric)})`)
                        .join(', ')}`
                    : `${humanize(benchmark.metric)} (${benchmark.higherIsBetter ? 'higher' : 'lower'} is better)`,
              },
              {
                key: 'rounds',
                header: 'Rounds',
                numeric: true,
                render: (benchmark) => formatInteger(benchmark.rounds),
              },
              {
                key: 'cap',
                header: 'Submissions per team per day',
                numeric: true,
                render: (benchmark) => formatInteger(benchmark.dailyCap),
              },
            ]}
            rows={items}
            rowKey={(benchmark) => benchmark.slug}
            empty="No benchmarks yet. Create one with `aperture arena create`."
          />
        )}
      </AsyncView>
    </>
  );
}
