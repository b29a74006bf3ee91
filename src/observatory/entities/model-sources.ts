import type { Kysely } from 'kysely';
import type { FactDisagreement, ModelSourceFacts } from '../../spec/index.ts';
import type { Database } from '../../store/index.ts';
import { publicSourceLabel } from '../../util/index.ts';
import { hubRepoIdOf } from './hub-repo-id.ts';
import type { MatchReason } from './match-reason.ts';
import { modelMemberRows } from './model-member-rows.ts';
import { organizationKey } from './organization-key.ts';

/** Related rows listed at most on a model page (a family rating may have hundreds of members). */
export const MAX_RELATED_SOURCES = 200;

/** Every source's facts about one model and the facts its entity's sources state differently. */
export interface ModelSources {
  entityId: number | null;
  sources: ModelSourceFacts[];
  disagreements: FactDisagreement[];
}

interface Relation {
  relation: ModelSourceFacts['relation'];
  matchId: number | null;
  status: 'accepted' | 'proposed' | null;
  confidence: number | null;
  reasons: MatchReason[];
}

function parse<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** The dimensions of an OSAI rating's details, or none. */
function dimensionsOf(details: unknown): Array<{ name: string; rating: string }> {
  const list = (details as { dimensions?: unknown } | null)?.dimensions;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const { name, rating } = (item ?? {}) as { name?: unknown; rating?: unknown };
    return typeof name === 'string' && typeof rating === 'string' ? [{ name, rating }] : [];
  });
}

/** Groups values by text; a disagreement when two or more distinct texts remain. */
function disagreement(
  field: FactDisagreement['field'],
  facts: readonly ModelSourceFacts[],
  factOf: (facts: ModelSourceFacts) => { show: string; compare: string } | null,
): FactDisagreement | null {
  const values = facts.flatMap((fact) => {
    const value = factOf(fact);
    return value === null ? [] : [{ source: fact.source, modelId: fact.modelId, ...value }];
  });
  if (new Set(values.map((value) => value.compare)).size < 2) return null;
  return { field, values: values.map(({ source, modelId, show }) => ({ source, modelId, value: show })) };
}

/** Dates compared at the precision both give (a year against a full date compares the year). */
function datesDisagree(facts: readonly ModelSourceFacts[]): FactDisagreement | null {
  const dated = facts.filter((fact) => fact.date !== null);
  const precision = Math.min(...dated.map((fact) => Math.min(fact.date!.length, 7)));
  return disagreement('date', dated, (fact) => ({
    show: fact.date!,
    compare: fact.date!.slice(0, precision),
  }));
}

/** The facts the rows of one entity state differently: date, countries, parameters, accessibility, organisation. */
export function findDisagreements(facts: readonly ModelSourceFacts[]): FactDisagreement[] {
  const same = facts.filter(
    (fact) => fact.relation === 'self' || (fact.relation === 'same' && fact.matchStatus === 'accepted'),
  );
  if (same.length < 2) return [];
  return [
    datesDisagree(same),
    disagreement('countries', same, (fact) =>
      fact.countries.length === 0
        ? null
        : { show: fact.countries.join(', '), compare: [...fact.countries].sort().join(',') },
    ),
    // Parameters within 5% of each other agree (sources round: 6.9B and 7B).
    disagreement('parameters', same, (fact) =>
      fact.parameters === null
        ? null
        : {
            show: String(fact.parameters),
            compare: String(Math.round(Math.log(fact.parameters) / Math.log(1.05))),
          },
    ),
    disagreement('accessibility', same, (fact) =>
      fact.accessibility === 'unknown' ? null : { show: fact.accessibility, compare: fact.accessibility },
    ),
    disagreement('organization', same, (fact) =>
      fact.organization === null
        ? null
        : { show: fact.organization, compare: organizationKey(fact.organization).key },
    ),
  ].filter((item): item is FactDisagreement => item !== null);
}

/**
 * Every source's facts about model `id`: the row itself, the rows of its entity (accepted same-model
 * matches), and rows related by a proposed match or a family match (either way), each with its
 * organisation, date, countries, parameters, accessibility, MOF class, score, Hub ids, link and
 * ratings (OSAI dimensions included) and the match that relates it; plus the disagreements between
 * the entity's rows. Rejected matches are left out.
 *
 * @example
 * const { sources, disagreements } = await modelSources(db, 42);
 */
export async function modelSources(db: Kysely<Database>, id: number): Promise<ModelSources> {
  const self = await db
    .selectFrom('models')
    .select(['id', 'entity_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!self) return { entityId: null, sources: [], disagreements: [] };
  const relations = new Map<number, Relation>([
    [id, { relation: 'self', matchId: null, status: null, confidence: null, reasons: [] }],
  ]);
  const members =
    self.entity_id === null
      ? [id]
      : (
          await db
            .selectFrom('models')
            .select('id')
            .where('entity_id', '=', self.entity_id)
            .orderBy('id')
            .execute()
        ).map((row) => row.id);
  const matches = await db
    .selectFrom('entity_matches')
    .select(['id', 'relation', 'left_id', 'right_id', 'confidence', 'reasons', 'status'])
    .where('kind', '=', 'model')
    .where('status', '!=', 'rejected')
    .where((eb) => eb.or([eb('left_id', 'in', members), eb('right_id', 'in', members)]))
    .orderBy('confidence', 'desc')
    .orderBy('id')
    .limit(MAX_RELATED_SOURCES * 2)
    .execute();
  const memberSet = new Set(members);
  for (const match of matches) {
    const leftIn = match.left_id !== null && memberSet.has(match.left_id);
    const other = leftIn ? match.right_id : match.left_id;
    if (other === null || relations.has(other) || relations.size >= MAX_RELATED_SOURCES) continue;
    const relation: Relation['relation'] = match.relation === 'same' ? 'same' : leftIn ? 'member' : 'family';
    relations.set(other, {
      relation,
      matchId: match.id,
      status: match.status === 'accepted' ? 'accepted' : 'proposed',
      confidence: Number(match.confidence),
      reasons: parse<MatchReason[]>(match.reasons, []),
    });
  }
  // Entity members joined through another member carry no direct match with this row: accepted same.
  for (const member of members) {
    if (!relations.has(member)) {
      relations.set(member, {
        relation: 'same',
        matchId: null,
        status: 'accepted',
        confidence: null,
        reasons: [],
      });
    }
  }
  const ids = [...relations.keys()];
  const [rows, countries, ratings] = await Promise.all([
    modelMemberRows(db)
      .select([
        'm.parameters',
        'm.training_compute_flop',
        'm.accessibility',
        'm.mof_class',
        'm.openness_score',
      ])
      .where('m.id', 'in', ids)
      .execute(),
    db
      .selectFrom('model_countries')
      .select(['model_id', 'country'])
      .where('model_id', 'in', ids)
      .orderBy('country')
      .execute(),
    db
      .selectFrom('openness_ratings')
      .select(['model_id', 'scheme', 'rating_class', 'score', 'source_file', 'details'])
      .where('model_id', 'in', ids)
      .orderBy('scheme')
      .execute(),
  ]);
  const order: Record<ModelSourceFacts['relation'], number> = { self: 0, same: 1, family: 2, member: 3 };
  const sources = rows
    .map((row): ModelSourceFacts => {
      const relation = relations.get(row.id)!;
      const hubIds = new Set<string>();
      for (const text of [
        row.source_url,
        ...Object.values(parse<Record<string, unknown>>(row.external_ids, {})),
      ]) {
        const hub = typeof text === 'string' ? hubRepoIdOf(text) : null;
        if (hub) hubIds.add(hub);
      }
      if (row.source === 'hf') hubIds.add(row.external_id.toLowerCase());
      return {
        modelId: row.id,
        source: row.source,
        externalId: row.external_id,
        name: row.name,
        relation: relation.relation,
        matchId: relation.matchId,
        matchStatus: relation.status,
        confidence: relation.confidence,
        reasons: relation.reasons,
        organization: row.organization,
        date: row.date,
        countries: countries
          .filter((country) => country.model_id === row.id)
          .map((country) => country.country),
        parameters: row.parameters === null ? null : Number(row.parameters),
        trainingComputeFlop: row.training_compute_flop === null ? null : Number(row.training_compute_flop),
        accessibility: row.accessibility,
        mofClass: row.mof_class,
        opennessScore: row.openness_score === null ? null : Number(row.openness_score),
        hubIds: [...hubIds],
        sourceUrl: row.source_url,
        ratings: ratings
          .filter((rating) => rating.model_id === row.id)
          .map((rating) => ({
            scheme: rating.scheme,
            ratingClass: rating.rating_class,
            score: rating.score === null ? null : Number(rating.score),
            sourceFile: rating.source_file === null ? null : publicSourceLabel(rating.source_file),
            dimensions: dimensionsOf(parse<unknown>(rating.details, null)),
          })),
      };
    })
    .sort(
      (a, b) =>
        order[a.relation] - order[b.relation] ||
        (b.confidence ?? 1) - (a.confidence ?? 1) ||
        a.modelId - b.modelId,
    );
  return { entityId: self.entity_id, sources, disagreements: findDisagreements(sources) };
}
