import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.ts';
import { currentImportRunOwner, type ImportRunOwner, processIsGone } from './import-run-owner.ts';

/** How often a running import records a sign of life (besides each committed batch). */
export const IMPORT_RUN_HEARTBEAT_MS = 30_000;

/**
 * How long a running import may stay silent before any process may mark it interrupted: ten missed
 * heartbeats, so a slow batch or a busy database never costs a live import its status. Clocks of the
 * machines sharing a database must agree to well within it.
 */
export const IMPORT_RUN_LEASE_MS = 5 * 60_000;

/** Why a run was marked interrupted. */
export type InterruptionReason =
  /** Its owner ran on this machine and no such process is alive any more. */
  | 'owner-gone'
  /** No heartbeat for longer than the lease (its owner ran elsewhere, or its pid was reused here). */
  | 'lease-expired';

/** A run markInterruptedImportRuns marked. */
export interface InterruptedImportRun {
  id: number;
  kind: string;
  source: string;
  ownerHost: string | null;
  ownerPid: number | null;
  /** Its last heartbeat, or its start for a run from before owners were recorded. */
  lastSignOfLife: string;
  reason: InterruptionReason;
}

/** Options of markInterruptedImportRuns (tests inject the clock and the probe). */
export interface MarkInterruptedOptions {
  now?: () => Date;
  leaseMs?: number;
  /** The process sweeping; currentImportRunOwner() by default. */
  owner?: ImportRunOwner;
  /** Whether a process of this machine is gone; processIsGone by default. */
  isGone?: (pid: number) => boolean;
}

const RETURNED = ['id', 'kind', 'source', 'owner_host', 'owner_pid', 'heartbeat_at', 'started_at'] as const;

/**
 * Marks `interrupted` (with `finished_at` now) the import runs left `running` by a process that is no
 * longer alive, so a killed `aperture import` does not stay running for ever. The rule, which never marks
 * a live import, not even one running at the same time on another machine against the same PostgreSQL:
 * a run is interrupted when (1) its owner ran on this machine (same `owner_host`) and its process is gone,
 * or (2) it shows no sign of life (heartbeat, or start for a run from before owners were recorded) for
 * longer than the lease. Each update re-checks its condition, so concurrent sweeps and a heartbeat that
 * lands meanwhile are safe. `runImport` calls it before each import, `aperture serve` on start.
 *
 * @example
 * for (const run of await markInterruptedImportRuns(store.db))
 *   console.log(`run ${run.id} (${run.kind} ${run.source}) was interrupted`);
 */
export async function markInterruptedImportRuns(
  db: Kysely<Database>,
  options: MarkInterruptedOptions = {},
): Promise<InterruptedImportRun[]> {
  const now = (options.now ?? (() => new Date()))();
  const ended = now.toISOString();
  const cutoff = new Date(now.getTime() - (options.leaseMs ?? IMPORT_RUN_LEASE_MS)).toISOString();
  const owner = options.owner ?? currentImportRunOwner();
  const isGone = options.isGone ?? processIsGone;

  // One statement: a heartbeat committed before it keeps the run, one after it finds the run marked.
  const silent = await db
    .updateTable('import_runs')
    .set({ status: 'interrupted', finished_at: ended })
    .where('status', '=', 'running')
    .where((eb) => eb(eb.fn.coalesce('heartbeat_at', 'started_at'), '<', cutoff))
    .returning(RETURNED)
    .execute();

  const local = await db
    .selectFrom('import_runs')
    .select(['id', 'owner_pid'])
    .where('status', '=', 'running')
    .where('owner_host', '=', owner.host)
    .where('owner_pid', '!=', owner.pid)
    .execute();
  const gone = local.filter((run) => run.owner_pid !== null && isGone(run.owner_pid)).map((run) => run.id);
  const dead =
    gone.length === 0
      ? []
      : await db
          .updateTable('import_runs')
          .set({ status: 'interrupted', finished_at: ended })
          .where('status', '=', 'running')
          .where('id', 'in', gone)
          .returning(RETURNED)
          .execute();

  const describe = (reason: InterruptionReason) => (run: (typeof silent)[number]) => ({
    id: run.id,
    kind: run.kind,
    source: run.source,
    ownerHost: run.owner_host,
    ownerPid: run.owner_pid,
    lastSignOfLife: run.heartbeat_at ?? run.started_at,
    reason,
  });
  return [...silent.map(describe('lease-expired')), ...dead.map(describe('owner-gone'))].sort(
    (a, b) => a.id - b.id,
  );
}
