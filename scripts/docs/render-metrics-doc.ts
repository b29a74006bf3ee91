import { type AnyMetric, type InputKind, METRICS } from '../../src/arena/index.ts';
import { generatedNotice, table } from './markdown.ts';

/** What a prediction file holds for each input kind of metric. */
const INPUT_MEANING: Record<InputKind, string> = {
  label: 'a class label, one of the benchmark’s labels',
  score: 'a real-valued score for a binary truth (1 = positive), higher meaning more likely positive',
  number: 'a real number, as the truth',
  text: 'a text, compared with the reference',
  samples: 'a list of sampled answers for one problem',
};

function renderMetric(metric: AnyMetric): string[] {
  return [
    `## ${metric.id}`,
    '',
    `**${metric.title}.** ${metric.summary}`,
    '',
    `Predictions: ${INPUT_MEANING[metric.input]} (\`${metric.input}\`). ${metric.higherIsBetter ? 'Higher' : 'Lower'} is better.`,
    '',
    '### Definition',
    '',
    metric.docs.definition.trim(),
    '',
    '### Per-item loss',
    '',
    metric.docs.itemLoss.trim(),
    '',
  ];
}

/**
 * Renders docs/metrics.md from the metric registry: a summary table, then per metric its definition and
 * the per-item loss the Ladder and the bootstrap use.
 *
 * @example
 * writeFileSync('docs/metrics.md', renderMetricsDoc());
 */
export function renderMetricsDoc(metrics: readonly AnyMetric[] = METRICS): string {
  return [
    '# Arena metrics',
    '',
    generatedNotice('the metric registry (`METRICS` in src/arena/metrics/registry.ts)'),
    '',
    `A benchmark task names one metric (\`metric:\` in its YAML; see docs/arena.md). Each is a plain object, pure over the truth and the predictions aligned by item. Every metric also gives a **per-item loss** (lower is better) whose mean maps back to the metric exactly: the Ladder compares those losses to decide what the public leaderboard releases, and the bootstrap resamples the metric for the private intervals. A metric that is undefined for the given items (one class only for AUC-ROC, too few samples for pass@k) refuses them with \`ERR_METRIC_INPUT\`. pass@k is listed for k = 1, 10 and 100; a benchmark may name \`pass@<k>\` for any k.`,
    '',
    table(
      ['Metric', 'Title', 'Predictions', 'Better', 'Summary'],
      metrics.map((metric) => [
        `[\`${metric.id}\`](#${metric.id.replace(/[^a-z0-9-]/g, '')})`,
        metric.title,
        `\`${metric.input}\``,
        metric.higherIsBetter ? 'higher' : 'lower',
        metric.summary,
      ]),
    ),
    '',
    ...metrics.flatMap(renderMetric),
  ].join('\n');
}
