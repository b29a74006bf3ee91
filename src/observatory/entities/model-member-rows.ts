import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.ts';

/**
 * The models (aliased `m`) with their organisation (`o`, left joined), selecting the columns of a
 * ModelMemberRow: what the matcher reads of a model. Callers add their filter, order and further columns.
 *
 * @example
 * const rows = await modelMemberRows(db).where('m.source', '=', 'mot').execute();
 */
export function modelMemberRows(db: Kysely<Database>) {
  return db
    .selectFrom('models as m')
    .leftJoin('organizations as o', 'o.id', 'm.organization_id')
    .select([
      'm.id',
      'm.source',
      'm.external_id',
      'm.name',
      'o.name as organization',
      'm.source_url',
      'm.external_ids',
      'm.date',
    ]);
}
