import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.ts';
import { materializeIndicators } from '../indicators/materialize-indicators.ts';
import { type SyncOutcome, type SyncSourceOptions, syncSource } from './sync-source.ts';
import type { SyncTarget } from './sync-targets.ts';

/** Options of runSync: those of each source, and a report after each. */
export interface RunSyncOptions extends SyncSourceOptions {
  onSource?: (
    target: SyncTarget,
    step: 'download' | 'read' | 'write' | 'done',
    outcome?: SyncOutcome,
  ) => void;
}

/**
 * Syncs each target in turn (syncSource): a failing source never stops the others, and keeps its
 * previous data. Once any source was updated, the indicators are computed again and stored.
 *
 * @example
 * const outcomes = await runSync(store.db, syncTargets([]), { destination: { allowHosts: allowedHostsFromEnv() } });
 */
export async function runSync(
  db: Kysely<Database>,
  targets: readonly SyncTarget[],
  options: RunSyncOptions,
): Promise<SyncOutcome[]> {
  const outcomes: SyncOutcome[] = [];
  for (const target of targets) {
    const outcome = await syncSource(db, target, {
      ...options,
      onStep: (step) => options.onSource?.(target, step),
    });
    options.onSource?.(target, 'done', outcome);
    outcomes.push(outcome);
  }
  if (outcomes.some((outcome) => outcome.status === 'updated')) {
    // Committed already: failing here costs only speed, as requests compute the rows instead.
    await materializeIndicators(db).catch(() => undefined);
  }
  return outcomes;
}
