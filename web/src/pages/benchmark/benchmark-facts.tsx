import type { BenchmarkDetail, TaskSummary } from '../../../../src/spec/api/index.ts';
import { formatInteger, formatNumber, humanize } from '../../format.ts';

/** The rules of a benchmark for one task: its metric and classes, the Ladder and the daily cap. */
export function BenchmarkFacts({
  benchmark,
  task,
  multiTask,
}: {
  benchmark: BenchmarkDetail;
  task: TaskSummary;
  multiTask: boolean;
}) {
  return (
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
  );
}
