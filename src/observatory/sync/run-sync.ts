import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.ts';
import { refreshDerivedData } from '../import/refresh-derived-data.ts';
import { type SyncOutcome, type SyncSourceOptions, syncSource } from './sync-source.ts';
import type { SyncTarget } from './sync-targets.ts';

/** Options of runSync: those of each source, and a report after each. */
export interface RunSyncOptions extends SyncSourceOptions {
  /** The reviewed overrides file the matching after the sync applies. */
  overridesFile?: string;
  onSource?: (
    target: SyncTarget,
    step: 'download' | 'read' | 'write' | 'done',
    outcome?: SyncOutcome,
  ) => void;
}

/**
 * Syncs each target in turn (syncSource): a failing source never stops the others, and keeps its
 * previous data. Once any source was updated, models and organisations are matched again (with the overrides file's
 * decisions) and the indicators computed again and stored.
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
    await refreshDerivedData(db, { overridesFile: options.overridesFile, now: options.now });
  }
  return outcomes;
}
