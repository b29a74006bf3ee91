import type { Transaction } from 'kysely';
import { type Database, upsertRows } from '../../store/index.ts';
import { foldName } from '../../util/index.ts';
import type { ModelRecord } from '../catalog-records.ts';
import { countryNameOf } from '../country-codes.ts';
import { regionOf } from '../regions.ts';
import type { CatalogBatch } from './catalog-batch.ts';
import { lookUpInChunks, WHOLE_BATCH } from './table-writes.ts';

/** What the writer knows about an organization from one batch. */
interface OrganizationInfo {
  country: string | null;
  type: string | null;
  source: string;
  sourceUrl: string | null;
}

/** A stored organization: its id and country. */
export interface StoredOrganization {
  id: number;
  country: string | null;
}

/** The stored organization a name or alias stands for, if any. */
export type OrganizationResolver = (name: string) => StoredOrganization | undefined;

/** The country and kind of each organization of a model, where the record lets us tell. */
function organizationFacts(
  record: ModelRecord,
): Map<string, { country: string | null; type: string | null }> {
  const facts = new Map<string, { country: string | null; type: string | null }>();
  const { organizations, countries, organizationKinds } = record;
  organizations.forEach((name, index) => {
    // One organization: the model's country is its own; several: only when they share one country.
    // Sources list distinct countries, not one per organization, so position never pairs them.
    const country = organizations.length === 1 || countries.length === 1 ? (countries[0] ?? null) : null;
    const type =
      organizationKinds.length === organizations.length
        ? (organizationKinds[index] ?? null)
        : organizationKinds.length === 1
          ? organizationKinds[0]!
          : null;
    facts.set(name, { country, type });
  });
  return facts;
}

/**
 * Upserts every organization the batch names (its organizations, its aliases' organizations, its
 * models' organizations) by name, a known country, region and type never overwritten by an unknown
 * one, then the aliases; returns a resolver: name or alias → stored organization.
 */
export async function writeOrganizations(
  trx: Transaction<Database>,
  batch: CatalogBatch,
): Promise<OrganizationResolver> {
  const infos = new Map<string, OrganizationInfo>();
  const note = (name: string, info: OrganizationInfo) => {
    const known = infos.get(name);
    if (!known) infos.set(name, info);
    else {
      known.country ??= info.country;
      known.type ??= info.type;
      known.sourceUrl ??= info.sourceUrl;
    }
  };

  const batchAliases = new Map((batch.aliases ?? []).map((alias) => [alias.alias, alias.organization]));
  const modelOrgNames = new Set<string>();
  for (const model of batch.models ?? []) for (const name of model.organizations) modelOrgNames.add(name);
  // Aliases already stored (from an earlier import) for names the batch's models use.
  const storedAliases = new Map<string, number>();
  const lookup = [...modelOrgNames].filter((name) => !batchAliases.has(name));
  const aliasRows = await lookUpInChunks(lookup, (part) =>
    trx
      .selectFrom('organization_aliases')
      .select(['alias', 'organization_id'])
      .where('alias', 'in', part)
      .execute(),
  );
  for (const row of aliasRows) storedAliases.set(String(row.alias), Number(row.organization_id));
  const canonical = (name: string) => batchAliases.get(name) ?? name;

  for (const organization of batch.organizations ?? []) {
    note(organization.name, {
      country: organization.countries[0] ?? null,
      type: organization.kind,
      source: organization.source.source,
      sourceUrl: null,
    });
  }
  for (const alias of batch.aliases ?? []) {
    note(alias.organization, { country: null, type: null, source: alias.source.source, sourceUrl: null });
  }
  for (const model of batch.models ?? []) {
    for (const [name, fact] of organizationFacts(model)) {
      if (storedAliases.has(name)) continue;
      // Facts about an alias (a Hub author) are not facts about the organization behind it.
      const aliased = batchAliases.has(name);
      note(canonical(name), {
        country: aliased ? null : fact.country,
        type: aliased ? null : fact.type,
        source: model.source.source,
        sourceUrl: null,
      });
    }
  }

  const rows = [...infos].map(([name, info]) => ({
    name,
    name_folded: foldName(name),
    country: info.country,
    country_name: info.country ? countryNameOf(info.country) : null,
    region: info.country ? regionOf(info.country) : null,
    type: info.type,
    source: info.source,
    source_url: info.sourceUrl,
  }));
  const known = ['country', 'country_name', 'region', 'type', 'source_url'] as const;
  await upsertRows(trx, 'organizations', rows, ['name'], {
    ...WHOLE_BATCH,
    updateColumns: known,
    keepStoredOverNull: known,
  });

  const byName = new Map<string, StoredOrganization>();
  const named = await lookUpInChunks(infos.keys(), (part) =>
    trx.selectFrom('organizations').select(['id', 'name', 'country']).where('name', 'in', part).execute(),
  );
  for (const row of named) byName.set(String(row.name), { id: Number(row.id), country: row.country ?? null });
  const byId = new Map<number, StoredOrganization>();
  const aliased = await lookUpInChunks(storedAliases.values(), (part) =>
    trx.selectFrom('organizations').select(['id', 'country']).where('id', 'in', part).execute(),
  );
  for (const row of aliased) byId.set(Number(row.id), { id: Number(row.id), country: row.country ?? null });

  const aliasesToStore = (batch.aliases ?? []).flatMap((alias) => {
    const organization = byName.get(alias.organization);
    return organization ? [{ alias: alias.alias, organization_id: organization.id }] : [];
  });
  await upsertRows(trx, 'organization_aliases', aliasesToStore, ['alias'], WHOLE_BATCH);

  return (name) => {
    const aliasedId = storedAliases.get(name);
    if (aliasedId !== undefined) return byId.get(aliasedId);
    return byName.get(canonical(name));
  };
}
