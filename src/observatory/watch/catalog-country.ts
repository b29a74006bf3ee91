import { type Kysely, sql } from 'kysely';
import type { Database } from '../../store/index.ts';

/** The organization and country a watched author's releases are attributed to. */
export interface ReleaseAttribution {
  organization: string | null;
  country: string | null;
}

/**
 * Where a watched author's releases come from: the country given with the watch wins; otherwise the
 * catalog organization's, found by the name the watch maps to, else by the author as an alias of an
 * organization (`organization_aliases`, e.g. `deepseek-ai`), else by an organization of that name.
 *
 * @example
 * await attributeAuthor(store.db, { author: 'allenai', organization: null, country: null });
 */
export async function attributeAuthor(
  db: Kysely<Database>,
  watch: { author: string; organization: string | null; country: string | null },
): Promise<ReleaseAttribution> {
  const lowerName = (name: string) =>
    sql<boolean>`lower(${sql.ref('organizations.name')}) = ${name.toLowerCase()}`;
  let found: { name: string; country: string | null } | undefined;
  if (watch.organization !== null) {
    found = await db
      .selectFrom('organizations')
      .select(['name', 'country'])
      .where(lowerName(watch.organization))
      .orderBy('id')
      .executeTakeFirst();
  } else {
    found =
      (await db
        .selectFrom('organization_aliases')
        .innerJoin('organizations', 'organizations.id', 'organization_aliases.organization_id')
        .select(['organizations.name', 'organizations.country'])
        .where(sql<boolean>`lower(${sql.ref('organization_aliases.alias')}) = ${watch.author.toLowerCase()}`)
        .orderBy('organizations.id')
        .executeTakeFirst()) ??
      (await db
        .selectFrom('organizations')
        .select(['name', 'country'])
        .where(lowerName(watch.author))
        .orderBy('id')
        .executeTakeFirst());
  }
  return {
    organization: watch.organization ?? found?.name ?? null,
    country: watch.country ?? found?.country ?? null,
  };
}
