import type { TeamHistory } from '../../../../src/spec/api/index.ts';
import type { ChartData } from '../../charts/chart-data.ts';
import { formatTimestamp } from '../../format.ts';

/** One line per team over a round of a task: the public score shown after each of its submissions. */
export function historyChart(histories: readonly TeamHistory[], round: string, task: string): ChartData {
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
