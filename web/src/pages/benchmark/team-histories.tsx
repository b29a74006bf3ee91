import { api } from '../../api-client.ts';
import { ChartLegend } from '../../charts/chart-legend.tsx';
import { LineChart } from '../../charts/line-chart.tsx';
import { AsyncView } from '../../components/async-view.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { formatNumber, formatTimestamp } from '../../format.ts';
import { useApi } from '../../use-api.ts';
import { historyChart } from './history-chart.ts';

/** The ranked teams' public scores after each submission to a round of a task, charted and tabled. */
export function TeamHistories({
  slug,
  round,
  task,
  taskTitle,
  teams,
}: {
  slug: string;
  round: string;
  task: string;
  /** Named in the headings when the benchmark has several tasks. */
  taskTitle: string | undefined;
  teams: string[];
}) {
  // A history holds every task's submissions, so switching task filters it instead of fetching again.
  const state = useApi(`histories:${slug}:${teams.join(',')}`, (signal) =>
    Promise.all(teams.map((team) => api.teamHistory(slug, team, signal))),
  );
  const onTask = taskTitle === undefined ? '' : ` on ${taskTitle}`;
  return (
    <>
      <h3>
        History of each team in {round}
        {onTask}
      </h3>
      <AsyncView state={state} what="the team histories">
        {(histories) => {
          const data = historyChart(histories, round, task);
          const rows = histories.flatMap((history) =>
            history.submissions
              .filter((submission) => submission.task === task)
              .map((submission) => ({ team: history.team, ...submission })),
          );
          return (
            <figure className="indicator">
              <div
                className="chart"
                role="img"
                aria-label={`Public score after each submission to ${round}${onTask}, one line per team (${histories
                  .map((history) => history.team)
                  .join(', ')}). The same numbers are in the table that follows.`}
                data-testid="chart-team-history"
              >
                <LineChart
                  data={data}
                  yLabel="Public score"
                  height={300}
                  connectNulls
                  yDomain={['auto', 'auto']}
                />
              </div>
              <ChartLegend data={data} />
              <details>
                <summary>Data table: every submission of these teams{onTask}, all rounds</summary>
                <DataTable
                  caption="Submissions of every team"
                  hideCaption
                  columns={[
                    { key: 'team', header: 'Team', render: (row) => row.team },
                    { key: 'round', header: 'Round', render: (row) => row.round },
                    { key: 'received', header: 'Received', render: (row) => formatTimestamp(row.receivedAt) },
                    {
                      key: 'public',
                      header: 'Public score shown',
                      numeric: true,
                      render: (row) => formatNumber(row.publicScore),
                    },
                    { key: 'improved', header: 'New best', render: (row) => (row.improved ? 'yes' : 'no') },
                    {
                      key: 'private',
                      header: 'Private score',
                      numeric: true,
                      render: (row) =>
                        row.privateScore !== null ? (
                          formatNumber(row.privateScore)
                        ) : row.privateWithheld ? (
                          <span className="withheld">withheld: {row.privateWithheld.reason}</span>
                        ) : (
                          'hidden until close'
                        ),
                    },
                    {
                      key: 'digest',
                      header: 'Digest (sha256)',
                      render: (row) => <code>{row.digest.slice(0, 16)}…</code>,
                    },
                  ]}
                  rows={rows}
                  rowKey={(row) => `${row.team}:${row.digest}`}
                />
              </details>
            </figure>
          );
        }}
      </AsyncView>
    </>
  );
}
