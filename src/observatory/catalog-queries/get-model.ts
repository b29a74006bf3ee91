import type { Kysely } from 'kysely';
import { classifyLicense, type ModelDetail } from '../../spec/index.ts';
import type { Database } from '../../store/index.ts';
import { modelSources } from '../entities/model-sources.ts';
import { MODEL_SUMMARY_COLUMNS, summariseModels } from './model-summary.ts';

/** The license verdict of a component that has none. */
const NO_LICENSE = classifyLicense(null);

/** Children listed at most on a model page (a popular base model has thousands). */
export const MAX_LINEAGE_CHILDREN = 1_000;

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Statuses under which nothing of a component is released, so no license applies to it. */
const UNLICENSED_STATUSES = new Set(['withheld', 'not-applicable']);

/**
 * A stored profile as shown: a withheld or not-applicable component shows no license, also in profiles
 * stored before the checker stopped giving them the pack's licenses.
 */
function profileAsShown(profile: unknown): unknown {
  if (
    !profile ||
    typeof profile !== 'object' ||
    !Array.isArray((profile as { components?: unknown }).components)
  )
    return profile;
  const components = (profile as { components: Array<Record<string, unknown>> }).components.map(
    (component) =>
      UNLICENSED_STATUSES.has(String(component.status)) && component.license
        ? { ...component, license: { ...NO_LICENSE } }
        : component,
  );
  return { ...profile, components };
}

/**
 * One model with its profile, lineage (parents, and up to MAX_LINEAGE_CHILDREN children), adoption
 * history, ratings (by others: the Model Openness Tool, the OSAI index; Aperture's own rating is the
 * model's score and profile, not repeated there), and every source's facts about it side by side
 * (modelSources); null when no model has this id.
 *
 * @example
 * const model = await getModel(db, 42);
 * if (model) console.log(model.lineage.parents.map((parent) => parent.name));
 */
export async function getModel(db: Kysely<Database>, id: number): Promise<ModelDetail | null> {
  const row = await db
    .selectFrom('models')
    .leftJoin('organizations', 'organizations.id', 'models.organization_id')
    .select([...MODEL_SUMMARY_COLUMNS, 'models.external_ids', 'models.profile'])
    .where('models.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const [summaries, parents, children, adoption, ratings, entity] = await Promise.all([
    summariseModels(db, [row]),
    db
      .selectFrom('lineage')
      .innerJoin('models', 'models.id', 'lineage.parent_model_id')
      .select(['models.id', 'models.name', 'lineage.relation'])
      .where('lineage.child_model_id', '=', id)
      .orderBy('models.id')
      .orderBy('lineage.relation')
      .execute(),
    db
      .selectFrom('lineage')
      .innerJoin('models', 'models.id', 'lineage.child_model_id')
      .select(['models.id', 'models.name', 'lineage.relation'])
      .where('lineage.parent_model_id', '=', id)
      .orderBy('models.id')
      .orderBy('lineage.relation')
      .limit(MAX_LINEAGE_CHILDREN)
      .execute(),
    db
      .selectFrom('adoption_snapshots')
      .select(['date', 'downloads', 'likes', 'derivatives'])
      .where('model_id', '=', id)
      .orderBy('date')
      .execute(),
    db
      .selectFrom('openness_ratings')
      .select(['scheme', 'rating_class', 'score', 'details', 'source'])
      .where('model_id', '=', id)
      // Aperture's own rating is the model's score and profile: the ratings are those by others.
      .where('scheme', '!=', 'aperture')
      .orderBy('scheme')
      .orderBy('source')
      .execute(),
    modelSources(db, id),
  ]);
  const externalIds = parseJson(row.external_ids);
  return {
    ...summaries[0]!,
    ...entity,
    externalIds:
      externalIds && typeof externalIds === 'object' && !Array.isArray(externalIds)
        ? (externalIds as Record<string, unknown>)
        : {},
    profile: profileAsShown(parseJson(row.profile)),
    lineage: { parents, children },
    adoption,
    ratings: ratings.map((rating) => ({
      scheme: rating.scheme,
      ratingClass: rating.rating_class,
      score: rating.score,
      details: parseJson(rating.details),
      source: rating.source,
    })),
  };
}
