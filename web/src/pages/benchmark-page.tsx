import { Link, useParams, useSearchParams } from 'react-router';
import type { BenchmarkDetail, TaskSummary } from '../../../src/spec/api/index.ts';
import { api } from '../api-client.ts';
import { AsyncView } from '../components/async-view.tsx';
import { FilterSelect } from '../components/filter-controls.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { humanize } from '../format.ts';
import { useApi } from '../use-api.ts';
import { BenchmarkFacts } from './benchmark/benchmark-facts.tsx';
import { LeaderboardSection } from './benchmark/leaderboard-section.tsx';
import { LogSection } from './benchmark/log-section.tsx';
import { phaseWords } from './benchmark/phase-words.ts';
import { PrizeTracks } from './benchmark/prize-tracks.tsx';
import { countsFor } from './benchmark/round-counts.ts';
import { RoundsTable } from './benchmark/rounds-table.tsx';

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
      <BenchmarkFacts benchmark={benchmark} task={task} multiTask={multiTask} />

      <section aria-labelledby="rounds-title">
        <h2 id="rounds-title">Rounds</h2>
        <RoundsTable benchmark={benchmark} task={task} multiTask={multiTask} withParam={withParam} />
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

      <PrizeTracks tracks={benchmark.prizeTracks} />

      <LogSection />
    </>
  );
}
