import type { EvidenceRef } from '../../spec/index.ts';

/** What a declared command was found to run. */
export interface CommandVerdict {
  /** runnable: every program it names is in the pack or a declared dependency; broken: something it names is missing; unverified: it cannot be told. */
  state: 'runnable' | 'broken' | 'unverified';
  /** What was found, one line each (`eval/run.py exists`). */
  found: string[];
  /** What is wrong or could not be told, one line each. */
  problems: string[];
  evidence: EvidenceRef[];
}

/** Whether a segment of a command only prepared the environment or ran something that was checked. */
export type SegmentOutcome = 'setup' | 'checked';

const STATE_RANK: Record<CommandVerdict['state'], number> = { unverified: 0, runnable: 1, broken: 2 };

/** Broken outranks runnable, which outranks unverified: one missing file breaks the whole command. */
export function setState(verdict: CommandVerdict, state: CommandVerdict['state']): void {
  if (STATE_RANK[state] > STATE_RANK[verdict.state]) verdict.state = state;
}

/** Records what could not be told: the command stays unverified unless another part of it is decided. */
export function verdictUnverified(verdict: CommandVerdict, problem: string): void {
  verdict.problems.push(problem);
  setState(verdict, 'unverified');
}
