import { combineGate, loadPolicy, parseMofClass } from '../../checker/index.ts';
import { ApertureError } from '../../errors.ts';
import type { Policy } from '../../spec/index.ts';

/** The gate flags `check` and `ci` share, as commander gives them. */
export interface GateFlags {
  minScore?: string;
  requireClass?: string;
  policy?: string;
}

function parseScore(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
    throw new ApertureError('ERR_USAGE', `--min-score takes a number from 0 to 100, not "${text}"`);
  }
  return value;
}

/**
 * The gate that `--min-score`, `--require-class` and `--policy` ask for with a
 * usage error naming the flag whose value is wrong; null without any of them.
 *
 * @example
 * const gate = await gateFromFlags({ minScore: '60', requireClass: 'II' });
 */
export async function gateFromFlags(flags: GateFlags): Promise<Policy | null> {
  return combineGate({
    minScore: flags.minScore === undefined ? undefined : parseScore(flags.minScore),
    requireClass: flags.requireClass === undefined ? undefined : parseMofClass(flags.requireClass),
    policy: flags.policy ? await loadPolicy(flags.policy) : undefined,
  });
}
