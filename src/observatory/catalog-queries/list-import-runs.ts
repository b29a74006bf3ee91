import type { Kysely } from 'kysely';
import type { ImportRunPage } from '../../spec/index.ts';
import type { Database } from '../../store/index.ts';
import { publicSourceLabel } from '../../util/index.ts';

/**
 * The most recent import runs, newest first, with their rejected-row counts (one grouped query for
 * the page).
 *
 * @example
 * const { items } = await listImportRuns(db, { pageSize: 10 });
 */
export async function listImportRuns(
  db: Kysely<Database>,
  request: { page?: number; pageSize?: number } = {},
): Promise<ImportRunPage> {
  const page = request.page ?? 1;
  const pageSize = request.pageSize ?? 50;
  const [runs, totalRow] = await Promise.all([
    db
      .selectFrom('import_runs')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom('import_runs')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  const stored = new Map<number, number>();
  if (runs.length > 0) {
    const counts = await db
      .selectFrom('rejected_rows')
      .select((eb) => ['run_id', eb.fn.countAll<number>().as('count')])
      .where(
        'run_id',
        'in',
        runs.map((run) => run.id),
      )
      .groupBy('run_id')
      .execute();
    for (const count of counts) stored.set(count.run_id, Number(count.count));
  }
  return {
    items: runs.map((run) => ({
      id: run.id,
      kind: run.kind,
      // As given on the command line, which may be a path on the server: shown relative or by its last part.
      source: publicSourceLabel(run.source),
      startedAt: run.started_at,
      finishedAt: run.finished_at,
      status: run.status,
      inserted: run.inserted,
      updated: run.updated,
      rejected: run.rejected,
      rejectedRowsStored: stored.get(run.id) ?? 0,
      ownerHost: run.owner_host,
      ownerPid: run.owner_pid,
      heartbeatAt: run.heartbeat_at,
    })),
    page,
    pageSize,
    total: Number(totalRow.total),
  };
}
