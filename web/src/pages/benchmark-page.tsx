import { Link, useParams, useSearchParams } from 'react-router';
import { ARENA_LOG_URL, api, leaderboardUrl } from '../api-client.ts';
import type {
  BenchmarkDetail,
  Leaderboard,
  LeaderboardEntry,
  RoundSummary,
  TaskSummary,
  TeamHistory,
  Withholding,
} from '../api-types.ts';
import type { ChartData } from '../charts/chart-data.ts';
import { ChartLegend } from '../charts/chart-legend.tsx';
import { IntervalChart } from '../charts/interval-chart.tsx';
import { LineChart } from '../charts/line-chart.tsx';
import { AsyncView } from '../components/async-view.tsx';
import { DataTable } from '../components/data-table.tsx';
import { FilterSelect } from '../components/filter-controls.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { formatInteger, formatNumber, formatTimestamp, humanize } from '../format.ts';
import { useApi } from '../use-api.ts';

/** Words for each round phase. */
const PHASE_WORDS: Record<string, string> = {
  upcoming: 'Upcoming',
  open: 'Open for submissions',
  frozen: 'Frozen (items being made)',
  ended: 'Ended, not yet closed',
  closed: 'Closed (private scores revealed)',
};

/** Words for a round's phase; a closed round whose private scores are withheld says so. */
function phaseWords(phase: string, withheld: Withholding | null): string {
  if (phase === 'closed' && withheld) return 'Closed (private scores withheld)';
  return PHASE_WORDS[phase] ?? phase;
}

/**
 * `/arena/:slug`: a benchmark's rounds, leaderboard with intervals, team histories and the log head. A
 * benchmark with several tasks gets a task selector (`?task=`, the primary task when absent) that the
 * header, the round counts, the leaderboard and the histories follow.
 */
export default function BenchmarkPage() {
  const { slug = '' } = useParams();
  const state = useApi(`benchmark:${slug}`, (signal) => api.benchmark(slug, signal));
  return (
    <AsyncView state={state} what="the benchmark">
      {(benchmark) => <BenchmarkView benchmark={benchmark} />}
    </AsyncView>
  );
}

/** A round's counts for one task (the totals when the benchmark has a single task), and its withholding. */
function countsFor(row: RoundSummary, task: string, multiTask: boolean) {
  if (!multiTask) return row;
  return (
    row.tasks.find((entry) => entry.id === task) ?? {
      publicItems: 0,
      privateItems: 0,
      submissions: 0,
      withheld: null,
    }
  );
}

function BenchmarkView({ benchmark }: { benchmark: BenchmarkDetail }) {
  const [params, setParams] = useSearchParams();
  const round = params.get('round') ?? undefined;
  const askedTask = params.get('task');
  const multiTask = benchmark.tasks.length > 1;
  const task: TaskSummary = benchmark.tasks.find((entry) => entry.id === askedTask) ?? benchmark.tasks[0]!;
  // Single-task benchmarks ask for the leaderboard exactly as before tasks existed.
  const taskQuery = multiTask ? task.id : undefined;
  const withParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    return next;
  };
  return (
    <>
      <PageTitle title={benchmark.title} />
      <p className="breadcrumb">
        <Link to="/arena">Arena</Link>
      </p>
      <h1>{benchmark.title}</h1>
      {benchmark.demo && (
        <p className="notice">
          This is a <strong>fictional demo benchmark</strong>: its items and teams are invented.
        </p>
      )}
      <p className="lead">{benchmark.description}</p>
      {askedTask !== null && askedTask !== task.id && (
        <p className="notice">
          This benchmark has no task &ldquo;{askedTask}&rdquo;; showing{' '}
          {multiTask ? 'its first task' : 'its only task'}.
        </p>
      )}
      {multiTask && (
        <>
          <p>
            This benchmark has {benchmark.tasks.length} tasks, each with its own metric, items and
            leaderboard; rounds and the daily cap are shared.
          </p>
          <div className="filters">
            <FilterSelect
              label="Task"
              name="task"
              value={task.id}
              options={benchmark.tasks.map(
                (entry) => [entry.id, `${entry.title} (${humanize(entry.metric).toLowerCase()})`] as const,
              )}
              onChange={(id) => setParams(withParam('task', id))}
            />
          </div>
        </>
      )}
      <dl className="facts">
        {multiTask && (
          <>
            <dt>Task</dt>
            <dd data-testid="task-facts">
              <strong>{task.title}</strong>
              {task.description && <span className="subline">{task.description}</span>}
            </dd>
          </>
        )}
        <dt>Metric</dt>
        <dd>
          {humanize(task.metric)} ({task.higherIsBetter ? 'higher' : 'lower'} is better)
        </dd>
        {task.labels && (
          <>
            <dt>Classes</dt>
            <dd>{task.labels.join(', ')}</dd>
          </>
        )}
        <dt>Public scores</dt>
        <dd>
          The Ladder ({benchmark.ladder.kind}
          {benchmark.ladder.step !== null && `, step ${formatNumber(benchmark.ladder.step)}`}): a new public
          score is shown only when it beats the team&rsquo;s best by more than the step.
        </dd>
        <dt>Daily cap</dt>
        <dd>
          {formatInteger(benchmark.dailyCap)} submissions per team per day{multiTask && ', over all tasks'}
        </dd>
      </dl>

      <section aria-labelledby="rounds-title">
        <h2 id="rounds-title">Rounds</h2>
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
      </section>

      <section aria-labelledby="leaderboard-title">
        <h2 id="leaderboard-title">{multiTask ? `Leaderboard of ${task.title}` : 'Leaderboard'}</h2>
        {benchmark.roundList.length > 0 && (
          <div className="filters">
            <label>
              Round
              <select
                value={round ?? ''}
                onChange={(event) => setParams(withParam('round', event.target.value))}
              >
                <option value="">Latest round</option>
                {benchmark.roundList.map((item) => (
                  <option key={item.name} value={item.name}>
                    {item.name} (
                    {phaseWords(item.phase, countsFor(item, task.id, multiTask).withheld).toLowerCase()})
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        <LeaderboardSection slug={benchmark.slug} round={round} task={taskQuery} />
      </section>

      <section aria-labelledby="prizes-title">
        <h2 id="prizes-title">Prize tracks</h2>
        {benchmark.prizeTracks.length === 0 ? (
          <p className="empty">This benchmark has no prize tracks.</p>
        ) : (
          <ul className="requirements">
            {benchmark.prizeTracks.map((track) => (
              <li key={track.name}>
                <strong>{track.name}</strong>: {track.description}
                <span className="subline">
                  Needs{' '}
                  {[
                    track.minClass && `MOF class ${track.minClass} or better`,
                    track.minScore !== null &&
                      `an openness score of at least ${formatNumber(track.minScore)}`,
                  ]
                    .filter(Boolean)
                    .join(' and ') || 'a checked release'}
                  , verified by the checker on the team&rsquo;s release before it is eligible.
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <LogSection />
    </>
  );
}

/** Ranks held by more than one team (their intervals overlap). */
function sharedRanks(entries: readonly LeaderboardEntry[]): Set<number> {
  const seen = new Map<number, number>();
  for (const entry of entries) seen.set(entry.rank, (seen.get(entry.rank) ?? 0) + 1);
  return new Set([...seen].filter(([, count]) => count > 1).map(([rank]) => rank));
}

function LeaderboardSection({
  slug,
  round,
  task,
}: {
  slug: string;
  round: string | undefined;
  /** Undefined on a single-task benchmark. */
  task: string | undefined;
}) {
  const state = useApi(`leaderboard:${slug}:${round ?? ''}:${task ?? ''}`, (signal) =>
    api.leaderboard(slug, { round, task }, signal),
  );
  return (
    <AsyncView state={state} what="the leaderboard">
      {(board) => <LeaderboardView board={board} />}
    </AsyncView>
  );
}

function LeaderboardView({ board }: { board: Leaderboard }) {
  const shared = sharedRanks(board.entries);
  const rankText = (rank: number) => (shared.has(rank) ? `${rank} (shared)` : String(rank));
  const metric = humanize(board.benchmark.metric).toLowerCase();
  const hasIntervals = board.entries.some((entry) => entry.lower !== null && entry.upper !== null);
  const multiTask = board.tasks.length > 1;
  const query = { round: board.round.name, task: multiTask ? board.task.id : undefined };
  const jsonHref = leaderboardUrl(board.benchmark.slug, query);
  const csvHref = leaderboardUrl(board.benchmark.slug, { ...query, format: 'csv' });
  const caption = `Leaderboard of ${board.round.name}${multiTask ? `, ${board.task.title}` : ''} (${board.kind} scores)`;
  return (
    <>
      <p>
        {multiTask && (
          <>
            Task <strong>{board.task.title}</strong>,{' '}
          </>
        )}
        Round <strong>{board.round.name}</strong>,{' '}
        {phaseWords(board.round.phase, board.withheld).toLowerCase()}.{' '}
        {board.withheld ? (
          <>
            Public scores as the Ladder released them. The private scores are withheld:{' '}
            <span data-testid="leaderboard-withheld">{board.withheld.reason}</span>.
          </>
        ) : board.kind === 'private' && board.bootstrap ? (
          <>
            Private scores on the hidden items, with {Math.round(board.bootstrap.confidence * 100)}% bootstrap
            confidence intervals ({formatInteger(board.bootstrap.resamples)} resamples, seed{' '}
            {board.bootstrap.seed}). Teams whose intervals overlap share a rank.
          </>
        ) : (
          <>
            Public scores as the Ladder released them; private scores and their confidence intervals appear
            when the round closes.
          </>
        )}
      </p>
      {board.entries.length === 0 ? (
        <p className="empty">No submissions {multiTask ? 'to this task ' : ''}in this round yet.</p>
      ) : (
        <>
          <figure className="indicator">
            <IntervalChart
              rows={board.entries.map((entry) => ({
                label: entry.team,
                prefix: shared.has(entry.rank) ? `=${entry.rank}` : `${entry.rank}.`,
                value: entry.score,
                lower: entry.lower,
                upper: entry.upper,
              }))}
              measure={humanize(board.benchmark.metric)}
              description={`${board.entries.length} teams ranked by ${metric}${
                hasIntervals ? ', each with its confidence interval' : ''
              }. ${board.entries
                .map(
                  (entry) =>
                    `Rank ${rankText(entry.rank)}: ${entry.team}, ${formatNumber(entry.score)}${
                      entry.lower !== null && entry.upper !== null
                        ? ` (${formatNumber(entry.lower)} to ${formatNumber(entry.upper)})`
                        : ''
                    }`,
                )
                .join('; ')}.`}
            />
            <figcaption>
              {hasIntervals
                ? 'Dots are scores; bars with end caps are the confidence intervals. A rank prefixed with = is shared.'
                : `Dots are the public scores; intervals come with the private scores${board.withheld ? ', once they are shown' : ', when the round closes'}.`}{' '}
              Download the leaderboard as{' '}
              <a href={csvHref} download>
                CSV
              </a>{' '}
              or{' '}
              <a href={jsonHref} download>
                JSON
              </a>
              .
            </figcaption>
          </figure>
          <DataTable
            caption={caption}
            columns={[
              { key: 'rank', header: 'Rank', numeric: true, render: (entry) => rankText(entry.rank) },
              { key: 'team', header: 'Team', render: (entry) => entry.team },
              {
                key: 'score',
                header: humanize(board.benchmark.metric),
                numeric: true,
                render: (entry) => formatNumber(entry.score),
              },
              {
                key: 'interval',
                header: 'Confidence interval',
                numeric: true,
                render: (entry) =>
                  entry.lower !== null && entry.upper !== null
                    ? `${formatNumber(entry.lower)} – ${formatNumber(entry.upper)}`
                    : '–',
              },
              {
                key: 'submissions',
                header: 'Submissions',
                numeric: true,
                render: (entry) => formatInteger(entry.submissions),
              },
              {
                key: 'last',
                header: 'Last submission',
                render: (entry) => formatTimestamp(entry.lastSubmissionAt),
              },
              {
                key: 'prizes',
                header: 'Prize tracks',
                render: (entry) =>
                  entry.prizes.length === 0 ? (
                    <span className="empty">No claim</span>
                  ) : (
                    <span className="badges">
                      {entry.prizes.map((prize) => (
                        <span
                          key={prize.track}
                          className={`badge ${prize.eligible ? 'badge-open' : 'badge-closed'}`}
                          title={`checked ${formatTimestamp(prize.checkedAt)}`}
                        >
                          {prize.track}: {prize.eligible ? 'eligible' : 'not eligible'}
                        </span>
                      ))}
                    </span>
                  ),
              },
            ]}
            rows={board.entries}
            rowKey={(entry) => entry.team}
          />
          <TeamHistories
            slug={board.benchmark.slug}
            round={board.round.name}
            task={board.task.id}
            taskTitle={multiTask ? board.task.title : undefined}
            teams={board.entries.map((entry) => entry.team)}
          />
        </>
      )}
    </>
  );
}

/** One line per team over a round of a task: the public score shown after each of its submissions. */
function historyChart(histories: readonly TeamHistory[], round: string, task: string): ChartData {
  const byTime = new Map<string, Record<string, string | number>>();
  histories.forEach((history, index) => {
    for (const submission of history.submissions) {
      // Rounds and tasks have their own items (and tasks their metrics): their scores share no scale.
      if (submission.round !== round || submission.task !== task) continue;
      const x = formatTimestamp(submission.receivedAt);
      const point = byTime.get(x) ?? { x };
      point[`s${index}`] = submission.publicScore;
      byTime.set(x, point);
    }
  });
  const points = [...byTime.values()].sort((a, b) => String(a.x).localeCompare(String(b.x)));
  return {
    x: 'x',
    series: histories.map((_history, index) => `s${index}`),
    points,
    labels: Object.fromEntries(histories.map((history, index) => [`s${index}`, history.team])),
  };
}

function TeamHistories({
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

function LogSection() {
  const state = useApi('arena-log-head', (signal) => api.logHead(signal));
  return (
    <section aria-labelledby="log-title">
      <h2 id="log-title">Transparency log</h2>
      <p>
        Every accepted submission, on every benchmark, is appended to a hash-chained log: each entry holds the
        sha256 of the previous entry, the submission&rsquo;s digest and the time. Anyone can check that
        nothing was dropped or rewritten.
      </p>
      <AsyncView state={state} what="the transparency log">
        {(head) => (
          <>
            <dl className="facts" data-testid="log-head">
              <dt>Entries</dt>
              <dd>{formatInteger(head.count)}</dd>
              <dt>Head hash</dt>
              <dd>
                <code>{head.head ?? 'none (the log is empty)'}</code>
              </dd>
              {head.lastTime && (
                <>
                  <dt>Last entry</dt>
                  <dd>{formatTimestamp(head.lastTime)}</dd>
                </>
              )}
            </dl>
            <h3>Verify it yourself</h3>
            <ol>
              <li>
                <a href={ARENA_LOG_URL} download="arena-log.jsonl">
                  Download the log
                </a>{' '}
                (JSON Lines).
              </li>
              <li>
                Recompute the chain and compare it with the count and head above:
                <pre>
                  <code>
                    {`aperture arena verify-log arena-log.jsonl --count ${head.count}${
                      head.head ? ` --head ${head.head}` : ''
                    }`}
                  </code>
                </pre>
              </li>
            </ol>
          </>
        )}
      </AsyncView>
    </section>
  );
}
