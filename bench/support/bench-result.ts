/** One side of a comparison: the baseline or Aperture. */
export interface Side {
  name: string;
  /** Wall-clock time of each run, in milliseconds, in the order they ran. */
  runsMs: number[];
  medianMs: number;
  /** Throughput of the median run, for benchmarks that move bytes. */
  mbPerSecond?: number;
  /** How the summary table shows this side, when its figure is not a time (rows/s, req/s, KB). */
  display?: string;
}

/** A further judged figure of a benchmark with more than one target (e.g. peak memory). */
export interface ExtraTarget {
  label: string;
  value: number;
  unit: string;
  comparison: '>=' | '<';
  target: number;
  pass: boolean;
}

/** The figure of one benchmark: a ratio against a baseline measured in the same run. */
export interface BenchResult {
  name: string;
  title: string;
  baseline: Side;
  ours: Side;
  /** What the ratio is: e.g. `ours MB/s ÷ openssl MB/s`. */
  ratioLabel: string;
  ratio: number;
  /** `>=` when higher is better, `<` when lower is better. */
  comparison: '>=' | '<';
  target: number;
  pass: boolean;
  /** Targets judged besides the ratio; the benchmark passes only when all pass. */
  extraTargets?: ExtraTarget[];
  /** Figures reported for information only, not judged. */
  info: Record<string, number | string>;
  notes: string[];
}

/** PASS or MISS for a ratio against its target. */
export function judge(ratio: number, comparison: '>=' | '<', target: number): boolean {
  return comparison === '>=' ? ratio >= target : ratio < target;
}
