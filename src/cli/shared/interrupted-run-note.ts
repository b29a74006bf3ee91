import type { InterruptedImportRun } from '../../observatory/index.ts';

/**
 * One line saying which run was marked interrupted and why, e.g.
 * `run 7 (hf example-lab) marked interrupted: its process 4242 on build-01 is gone`.
 */
export function interruptedRunNote(run: InterruptedImportRun): string {
  const what = `run ${run.id} (${run.kind} ${run.source}) marked interrupted`;
  const owner =
    run.ownerPid === null ? null : `process ${run.ownerPid} on ${run.ownerHost ?? 'an unknown host'}`;
  if (run.reason === 'owner-gone') return `${what}: its ${owner ?? 'process'} is gone`;
  return `${what}: no sign of life since ${run.lastSignOfLife}${owner ? ` (${owner})` : ''}`;
}
