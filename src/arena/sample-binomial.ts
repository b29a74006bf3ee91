import type { SeededRandom } from './seeded-random.ts';

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** log(k!) − Stirling's approximation of it, exact for k ≤ 9 (a table) and by series above. */
const STIRLING_TAIL_TABLE = Array.from({ length: 10 }, (_, k) => {
  let logFactorial = 0;
  for (let i = 2; i <= k; i++) logFactorial += Math.log(i);
  return logFactorial - ((k + 0.5) * Math.log(k + 1) - (k + 1) + HALF_LOG_TWO_PI);
});

function stirlingTail(k: number): number {
  if (k <= 9) return STIRLING_TAIL_TABLE[k]!;
  const kp1sq = (k + 1) * (k + 1);
  return (1 / 12 - (1 / 360 - 1 / 1260 / kp1sq) / kp1sq) / (k + 1);
}

/** Inversion by waiting times of a geometric distribution: fast when count·p is small. */
function binomialInversion(count: number, p: number, random: SeededRandom): number {
  const logQ = Math.log1p(-p);
  let geometricSum = 0;
  let successes = 0;
  for (;;) {
    geometricSum += Math.ceil(Math.log(random.nextOpenUnit()) / logQ);
    if (geometricSum > count) return successes;
    successes++;
  }
}

/** Hörmann's BTRS (transformed rejection with squeeze), as in PyTorch's `sample_binomial_btrs`. */
function binomialBtrs(count: number, p: number, random: SeededRandom): number {
  const spq = Math.sqrt(count * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = count * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const r = p / (1 - p);
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = Math.floor((count + 1) * p);
  for (;;) {
    const u = random.nextOpenUnit() - 0.5;
    let v = random.nextOpenUnit();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > count) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    const bound =
      (m + 0.5) * Math.log((m + 1) / (r * (count - m + 1))) +
      (count + 1) * Math.log((count - m + 1) / (count - k + 1)) +
      (k + 0.5) * Math.log((r * (count - k + 1)) / (k + 1)) +
      stirlingTail(m) +
      stirlingTail(count - m) -
      stirlingTail(k) -
      stirlingTail(count - k);
    if (v <= bound) return k;
  }
}

/**
 * An exact draw from Binomial(count, p) in O(1) expected time: Hörmann's BTRS for count·p ≥ 10 (W. Hörmann,
 * "The generation of binomial random variates", J. Stat. Comput. Simul. 46, 1993), geometric inversion below.
 * The bootstrap uses it to resample a whole column of 0/1 outcomes in one draw instead of `count` draws.
 *
 * @example
 * sampleBinomial(1_000_000, 0.7, createRandom(1)); // ≈ 700,000
 */
export function sampleBinomial(count: number, p: number, random: SeededRandom): number {
  if (count <= 0 || p <= 0) return 0;
  if (p >= 1) return count;
  if (p > 0.5) return count - sampleBinomial(count, 1 - p, random);
  return count * p >= 10 ? binomialBtrs(count, p, random) : binomialInversion(count, p, random);
}

/**
 * Multinomial(total, counts / Σcounts) by successive conditional binomials: how many of `total` draws with
 * replacement land in each category, categories weighted by `counts`. Writes into `out`.
 */
export function sampleMultinomial(
  total: number,
  counts: Float64Array,
  out: Float64Array,
  random: SeededRandom,
): void {
  let remainingDraws = total;
  let remainingWeight = 0;
  for (let i = 0; i < counts.length; i++) remainingWeight += counts[i]!;
  for (let i = 0; i < counts.length; i++) {
    const weight = counts[i]!;
    const drawn =
      remainingDraws === 0 || remainingWeight <= 0
        ? 0
        : i === counts.length - 1
          ? remainingDraws
          : sampleBinomial(remainingDraws, Math.min(1, weight / remainingWeight), random);
    out[i] = drawn;
    remainingDraws -= drawn;
    remainingWeight -= weight;
  }
}
