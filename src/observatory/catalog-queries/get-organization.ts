import type { Kysely } from 'kysely';
import type { OrganizationDetail } from '../../spec/index.ts';
import type { Database } from '../../store/index.ts';
import { listModels } from './list-models.ts';
import { summariseOrganizations } from './list-organizations.ts';

/** Models listed at most on an organization page, newest first (modelCount gives the full number). */
export const MAX_ORGANIZATION_MODELS = 500;

/**
 * One organization with its counts and its newest MAX_ORGANIZATION_MODELS models (those it leads as
 * first organization); null when no organization has this id.
 *
 * @example
 * const organization = await getOrganization(db, 7);
 */
export async function getOrganization(db: Kysely<Database>, id: number): Promise<OrganizationDetail | null> {
  const row = await db
    .selectFrom('organizations')
    .select(['id', 'name', 'country', 'country_name', 'region', 'type'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const [[summary], models] = await Promise.all([
    summariseOrganizations(db, [row]),
    listModels(db, { organization: String(id), sort: '-date', pageSize: MAX_ORGANIZATION_MODELS }),
  ]);
  return { ...summary!, models: models.items };
}
