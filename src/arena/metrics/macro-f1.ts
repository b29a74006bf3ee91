import type { Resampler } from '../resampler.ts';
import { checkAligned } from './check-inputs.ts';
import type { Metric } from './metric.ts';

/** The confusion matrix as non-empty cells: cell j holds `counts[j]` items with truth `truth[j]`, prediction `predicted[j]`. */
interface ConfusionCells {
  classes: number;
  truth: Int32Array;
  predicted: Int32Array;
  counts: Float64Array;
}

function confusionCells(truth: readonly string[], predictions: readonly string[]): ConfusionCells {
  checkAligned('macro-f1', truth, predictions);
  // scikit-learn's labels: the sorted union of true and predicted labels.
  const labels = [...new Set([...truth, ...predictions])].sort();
  const indexOf = new Map(labels.map((label, index) => [label, index]));
  const cells = new Map<number, number>();
  const classes = labels.length;
  for (let i = 0; i < truth.length; i++) {
    const key = indexOf.get(truth[i]!)! * classes + indexOf.get(predictions[i]!)!;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  const keys = [...cells.keys()];
  return {
    classes,
    truth: Int32Array.from(keys, (key) => Math.floor(key / classes)),
    predicted: Int32Array.from(keys, (key) => key % classes),
    counts: Float64Array.from(keys, (key) => cells.get(key)!),
  };
}

/** Per class: 2·TP + FP + FN, the F1 denominator (= items of the class + items predicted as it). */
function denominators(
  cells: ConfusionCells,
  counts: Float64Array,
): { twoTp: Float64Array; size: Float64Array } {
  const twoTp = new Float64Array(cells.classes);
  const size = new Float64Array(cells.classes);
  for (let j = 0; j < counts.length; j++) {
    const count = counts[j]!;
    const t = cells.truth[j]!;
    const p = cells.predicted[j]!;
    size[t]! += count;
    size[p]! += count;
    if (t === p) twoTp[t]! += 2 * count;
  }
  return { twoTp, size };
}

function macroF1FromCounts(cells: ConfusionCells, counts: Float64Array): number {
  const { twoTp, size } = denominators(cells, counts);
  let sum = 0;
  let present = 0;
  for (let c = 0; c < cells.classes; c++) {
    // A label absent from both truth and predictions (possible in a resample) is not a label at all.
    if (size[c] === 0) continue;
    sum += twoTp[c]! / size[c]!;
    present++;
  }
  return sum / present;
}

function macroF1Losses(truth: readonly string[], predictions: readonly string[]): Float64Array {
  const cells = confusionCells(truth, predictions);
  const labels = [...new Set([...truth, ...predictions])].sort();
  const indexOf = new Map(labels.map((label, index) => [label, index]));
  const { size } = denominators(cells, cells.counts);
  const n = truth.length;
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = indexOf.get(truth[i]!)!;
    const p = indexOf.get(predictions[i]!)!;
    // 1 − F1_c = (FP_c + FN_c) / (2TP_c + FP_c + FN_c); a wrong item adds one FN to t and one FP to p.
    if (t !== p) losses[i] = (n / cells.classes) * (1 / size[t]! + 1 / size[p]!);
  }
  return losses;
}

/**
 * Macro-averaged F1 with scikit-learn's `f1_score(average='macro')` semantics: the labels are the union of
 * true and predicted labels, F1 is computed per label (0 for a label never predicted correctly, including a
 * label that is never predicted) and the unweighted mean is taken.
 * Per-item loss: a wrong item i (truth t, prediction p) costs (n / L)·(1/(2TP_t+FP_t+FN_t) + 1/(2TP_p+FP_p+FN_p))
 * and a right one 0, which makes the mean loss exactly 1 − macro-F1 (the denominators are those of the full
 * data, so for the Ladder this is a linearisation around the submission's own confusion matrix).
 * The bootstrap resamples the confusion matrix (a multinomial over its cells), recomputing labels per resample.
 *
 * @example
 * macroF1.score(['a', 'a', 'b'], ['a', 'b', 'b']); // (2/3 + 2/3) / 2
 */
export const macroF1: Metric<'label'> = {
  id: 'macro-f1',
  title: 'Macro-F1',
  summary:
    "Unweighted mean of per-label F1 over the union of true and predicted labels (a label never predicted has F1 0); matches scikit-learn's f1_score(average='macro').",
  docs: {
    definition:
      "Macro-averaged F1 as scikit-learn's `f1_score(average='macro')`: the labels are the union of the true and the predicted labels, F1 = 2TP / (2TP + FP + FN) is computed per label (0 for a label never predicted correctly, including a label never predicted), and the unweighted mean of the per-label F1 is taken.",
    itemLoss:
      "A wrong item (truth t, prediction p) costs (n / L)·(1/(2TP_t+FP_t+FN_t) + 1/(2TP_p+FP_p+FN_p)) for n items and L labels, a right one 0, so the mean loss is exactly 1 − macro-F1. The denominators are those of the whole data, so for the Ladder the loss is a linearisation around the submission's own confusion matrix; the bootstrap resamples the confusion matrix and recomputes the labels on each resample.",
  },
  higherIsBetter: true,
  input: 'label',
  score: (truth, predictions) => {
    const cells = confusionCells(truth, predictions);
    return macroF1FromCounts(cells, cells.counts);
  },
  itemLosses: macroF1Losses,
  fromMeanLoss: (meanLoss) => 1 - meanLoss,
  resampler: (truth, predictions): Resampler => {
    const cells = confusionCells(truth, predictions);
    return {
      kind: 'categorical',
      counts: cells.counts,
      statistic: (counts) => macroF1FromCounts(cells, counts),
    };
  },
};
