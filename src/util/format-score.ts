/**
 * A score as people read it: rounded to at most `decimals` decimals (4 by default) without trailing
 * zeros, so that the noise of floating-point arithmetic (an accuracy of 1 − 0.67 = 0.32999999999999996)
 * never shows. For text meant for people only: JSON and CSV keep the value as computed.
 *
 * @example
 * formatScore(0.32999999999999996) // '0.33'
 * formatScore(72) // '72'
 */
export function formatScore(value: number, decimals = 4): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toFixed(decimals));
  // -0.00001 rounds to -0, which would print as "0" anyway; say so plainly.
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
