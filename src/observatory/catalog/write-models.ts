import type { Transaction } from 'kysely';
import { type Database, insertRows, upsertRows } from '../../store/index.ts';
import { foldName } from '../../util/index.ts';
import type { CatalogModelRecord, TableOutcome } from './catalog-batch.ts';
import { externalIdOf, type ModelIds, modelKey, selectModelIds } from './model-keys.ts';
import { jsonText, NOTHING_WRITTEN, outcomeOf, WHOLE_BATCH } from './table-writes.ts';
import type { OrganizationResolver } from './write-organizations.ts';

/** Keys per `delete … where model_id in (…)`. */
const DELETE_CHUNK = 10_000;

/** A model's distinct organisation kinds, sorted and comma-joined (`academia,industry`); null for none. */
export function organizationKindsText(kinds: readonly string[]): string | null {
  const distinct = [...new Set(kinds)].sort();
  return distinct.length === 0 ? null : distinct.join(',');
}

/**
 * Upserts models by (source, external id) with their first resolvable organization, and replaces each
 * model's `model_countries` with one row per distinct country: the record's own, or, when it states
 * none, those of its organizations. Returns the outcome and the ids of the written models.
 */
export async function writeModels(
  trx: Transaction<Database>,
  models: readonly CatalogModelRecord[],
  resolve: OrganizationResolver,
): Promise<{ outcome: TableOutcome; ids: ModelIds }> {
  if (models.length === 0) return { outcome: { ...NOTHING_WRITTEN }, ids: new Map() };
  const keyPairs = models.map((model): [string, string] => [model.source.source, externalIdOf(model)]);
  const keys = keyPairs.map(([source, externalId]) => modelKey(source, externalId));

  const countriesByKey = new Map<string, string[]>();
  const rows = models.map((model, index) => {
    const key = keys[index]!;
    const organizations = model.organizations.map(resolve);
    // The record's own countries are the source's statement; organizations' stored countries only fill in
    // for records that state none (a Hub listing whose author is an alias of a known organization).
    const countries = new Set(model.countries);
    if (countries.size === 0) {
      for (const organization of organizations)
        if (organization?.country) countries.add(organization.country);
    }
    // The last record of a key wins, in the place of its last occurrence (as the store writes it).
    countriesByKey.delete(key);
    countriesByKey.set(key, [...countries]);
    return {
      source: model.source.source,
      external_id: externalIdOf(model),
      organization_id: organizations.find((organization) => organization !== undefined)?.id ?? null,
      name: model.name,
      name_folded: foldName(model.name),
      date: model.published.iso,
      domain: model.domains.length > 0 ? model.domains.join(', ') : null,
      parameters: model.parameters,
      training_compute_flop: model.trainingComputeFlop,
      accessibility: model.accessibility,
      openness_score: model.opennessScore ?? null,
      mof_class: model.mofClass ?? null,
      profile: jsonText(model.profile),
      source_url: model.link,
      external_ids: jsonText(model.externalIds),
      // Only a checked release has a verdict; a model no one checked stays unassessed (null).
      open_washing: model.openWashing === undefined ? null : model.openWashing.flagged ? 1 : 0,
      open_washing_reason: model.openWashing?.reason ?? null,
      organization_kinds: organizationKindsText(model.organizationKinds),
    };
  });
  const { inserted } = await upsertRows(trx, 'models', rows, ['source', 'external_id'], WHOLE_BATCH);
  const outcome = outcomeOf(models.length, inserted);

  const ids = await selectModelIds(trx, keyPairs);
  const modelIds = [...countriesByKey.keys()].map((key) => ids.get(key)!);
  // A model's countries are replaced as a whole, so a country dropped by the source disappears.
  for (let start = 0; start < modelIds.length; start += DELETE_CHUNK) {
    const part = modelIds.slice(start, start + DELETE_CHUNK);
    await trx.deleteFrom('model_countries').where('model_id', 'in', part).execute();
  }
  const countryRows = [...countriesByKey].flatMap(([key, countries]) =>
    countries.map((country) => ({ model_id: ids.get(key)!, country })),
  );
  await insertRows(trx, 'model_countries', countryRows, ['model_id', 'country'], WHOLE_BATCH);
  return { outcome, ids };
}
