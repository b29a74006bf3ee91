import type { Insertable, Kysely, Transaction } from 'kysely';
import { bumpCatalogVersion, type Database } from '../../store/index.ts';
import { type CatalogOverrides, NO_OVERRIDES } from './catalog-overrides.ts';
import { matchOrganizations, type OrganizationMember } from './match-organizations.ts';
import type { ProposedMatch } from './match-reason.ts';
import { statusOfConfidence } from './match-thresholds.ts';
import { ModelBlockingIndex } from './model-blocking-index.ts';
import { type ModelMember, type ModelMemberRow, modelMemberOf } from './model-member.ts';
import { modelMemberRows } from './model-member-rows.ts';
import { parseModelName } from './model-name-key.ts';
import { aliasMap, plainOrganizationKey } from './organization-key.ts';

/**
 * A source with at most this many models is indexed (every model of it is a candidate for every other
 * model); a larger one (a Hub listing of a million models) is only probed against the index.
 */
export const INDEXED_SOURCE_LIMIT = 50_000;

/** Models read per query. */
const PAGE = 5_000;
/** Ids per `where id in (…)`. */
const CHUNK = 5_000;

/** Options of runMatching. */
export interface RunMatchingOptions {
  /** The reviewed decisions (readCatalogOverrides). */
  overrides?: CatalogOverrides;
  /** Clock for `updated_at` (tests). */
  now?: () => Date;
}

/** What a matching run did. */
export interface MatchingOutcome {
  /** Matches stored, per status. */
  accepted: number;
  proposed: number;
  rejected: number;
  /** Matches an override decided. */
  overridden: number;
  /** Override decisions naming a member the catalog does not hold (kept in the file, not applied). */
  unresolvedOverrides: Array<{ left: string; right: string }>;
  /** Entities with two or more members. */
  modelEntities: number;
  organizationEntities: number;
  /** Models read. */
  models: number;
}

interface StoredMatch extends ProposedMatch {
  status: 'proposed' | 'accepted' | 'rejected';
  decidedBy: 'rule' | 'override';
}

type ModelPageRow = ModelMemberRow;

async function* modelPages(
  db: Kysely<Database>,
  sources: readonly string[] | null,
): AsyncGenerator<ModelPageRow[]> {
  let after = 0;
  for (;;) {
    let query = modelMemberRows(db).where('m.id', '>', after).orderBy('m.id').limit(PAGE);
    if (sources !== null) {
      if (sources.length === 0) return;
      query = query.where('m.source', 'in', sources);
    }
    const rows = await query.execute();
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.id;
    yield rows;
  }
}

/** Model matches: index the small sources, probe every model against them. */
async function matchModelRows(
  db: Kysely<Database>,
  aliases: ReadonlyMap<string, string>,
): Promise<{ matches: ProposedMatch[]; models: number }> {
  const counts = await db
    .selectFrom('models')
    .select(['source', db.fn.countAll<number>().as('n')])
    .groupBy('source')
    .execute();
  const indexed = counts.filter((row) => Number(row.n) <= INDEXED_SOURCE_LIMIT).map((row) => row.source);
  const index = new ModelBlockingIndex();
  for await (const page of modelPages(db, indexed)) {
    for (const row of page) index.add(modelMemberOf(row, aliases));
  }
  const matches: ProposedMatch[] = [];
  let models = 0;
  for await (const page of modelPages(db, null)) {
    for (const row of page) {
      models += 1;
      const member: ModelMember = modelMemberOf(row, aliases);
      for (const match of index.match(member)) matches.push(match);
    }
  }
  return { matches, models };
}

async function organizationMembers(db: Kysely<Database>): Promise<OrganizationMember[]> {
  const rows = await db.selectFrom('organizations').select(['id', 'name']).orderBy('id').execute();
  const aliasRows = await db
    .selectFrom('organization_aliases')
    .select(['alias', 'organization_id'])
    .execute();
  const aliasesOf = new Map<number, string[]>();
  for (const row of aliasRows) {
    const list = aliasesOf.get(row.organization_id) ?? [];
    list.push(row.alias);
    aliasesOf.set(row.organization_id, list);
  }
  const developers = await db.selectFrom('transparency_scores').select('developer').distinct().execute();
  return [
    ...rows.map((row) => ({
      key: `org:${row.name}`,
      id: row.id,
      name: row.name,
      aliases: aliasesOf.get(row.id) ?? [],
    })),
    ...developers.map((row) => ({
      key: `fmti:${row.developer}`,
      id: null,
      name: row.developer,
      aliases: [],
    })),
  ];
}

function pairKey(kind: string, left: string, right: string): string {
  return `${kind}\u0000${left}\u0000${right}`;
}

/** Resolves member keys an override names to row ids (models by source:external_id, organisations by name). */
async function resolveIds(
  db: Kysely<Database>,
  kind: 'model' | 'organization',
  keys: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const key of keys) {
    const colon = key.indexOf(':');
    if (colon <= 0) continue;
    const prefix = key.slice(0, colon);
    const rest = key.slice(colon + 1);
    if (kind === 'model') {
      const row = await db
        .selectFrom('models')
        .select('id')
        .where('source', '=', prefix)
        .where('external_id', '=', rest)
        .executeTakeFirst();
      if (row) out.set(key, row.id);
    } else if (prefix === 'org') {
      const row = await db
        .selectFrom('organizations')
        .select('id')
        .where('name', '=', rest)
        .executeTakeFirst();
      if (row) out.set(key, row.id);
    } else if (prefix === 'fmti') {
      const row = await db
        .selectFrom('transparency_scores')
        .select('developer')
        .where('developer', '=', rest)
        .executeTakeFirst();
      if (row) out.set(key, -1);
    }
  }
  return out;
}

/** Applies the overrides file to the rule matches: pins, rejects, or adds (a merge) pairs. */
async function applyOverrides(
  db: Kysely<Database>,
  proposed: readonly ProposedMatch[],
  overrides: CatalogOverrides,
): Promise<{
  matches: StoredMatch[];
  overridden: number;
  unresolved: Array<{ left: string; right: string }>;
}> {
  const byPair = new Map<string, StoredMatch>();
  for (const match of proposed) {
    const status = statusOfConfidence(match.confidence);
    if (status === null) continue;
    // Completed in place: a million-model run holds ~100,000 matches, and a copy of each would double them.
    const stored = match as StoredMatch;
    stored.status = status;
    stored.decidedBy = 'rule';
    byPair.set(pairKey(match.kind, match.leftKey, match.rightKey), stored);
  }
  let overridden = 0;
  const unresolved: Array<{ left: string; right: string }> = [];
  for (const decision of overrides.matches) {
    const status = decision.decision === 'accept' ? 'accepted' : 'rejected';
    const found =
      byPair.get(pairKey(decision.kind, decision.left, decision.right)) ??
      byPair.get(pairKey(decision.kind, decision.right, decision.left));
    const reason = {
      rule: 'override' as const,
      detail: decision.note ?? `${decision.decision}ed in the overrides file`,
    };
    if (found) {
      found.status = status;
      found.decidedBy = 'override';
      if (decision.relation) found.relation = decision.relation;
      found.reasons = [...found.reasons, reason];
      overridden += 1;
      continue;
    }
    const ids = await resolveIds(db, decision.kind, [decision.left, decision.right]);
    if (!ids.has(decision.left) || !ids.has(decision.right)) {
      unresolved.push({ left: decision.left, right: decision.right });
      continue;
    }
    const idOf = (key: string) => (ids.get(key)! >= 0 ? ids.get(key)! : null);
    byPair.set(pairKey(decision.kind, decision.left, decision.right), {
      kind: decision.kind,
      relation: decision.relation ?? 'same',
      leftKey: decision.left,
      rightKey: decision.right,
      leftId: idOf(decision.left),
      rightId: idOf(decision.right),
      confidence: decision.decision === 'accept' ? 1 : 0,
      reasons: [reason],
      status,
      decidedBy: 'override',
    });
    overridden += 1;
  }
  return { matches: [...byPair.values()], overridden, unresolved };
}

/** Stores the matches: keeps the id of a pair already stored, updates what changed, deletes pairs gone. */
async function storeMatches(
  trx: Transaction<Database>,
  matches: readonly StoredMatch[],
  now: string,
): Promise<boolean> {
  const existing = await trx
    .selectFrom('entity_matches')
    .select([
      'id',
      'kind',
      'left_key',
      'right_key',
      'relation',
      'confidence',
      'reasons',
      'status',
      'decided_by',
      'left_id',
      'right_id',
    ])
    .execute();
  const stored = new Map(existing.map((row) => [pairKey(row.kind, row.left_key, row.right_key), row]));
  let changed = false;
  let inserts: Insertable<Database['entity_matches']>[] = [];
  // 12 parameters a row: 1,000 rows stay under every engine's limit; written as they come, not all held.
  const flush = async () => {
    if (inserts.length === 0) return;
    changed = true;
    await trx.insertInto('entity_matches').values(inserts).execute();
    inserts = [];
  };
  for (const match of matches) {
    const key = pairKey(match.kind, match.leftKey, match.rightKey);
    const row = {
      kind: match.kind,
      relation: match.relation,
      left_key: match.leftKey,
      right_key: match.rightKey,
      left_id: match.leftId,
      right_id: match.rightId,
      confidence: match.confidence,
      reasons: JSON.stringify(match.reasons),
      status: match.status,
      decided_by: match.decidedBy,
      updated_at: now,
    };
    const before = stored.get(key);
    stored.delete(key);
    if (!before) {
      inserts.push(row);
      if (inserts.length >= 1_000) await flush();
      continue;
    }
    const same =
      before.relation === row.relation &&
      Number(before.confidence) === row.confidence &&
      before.status === row.status &&
      before.decided_by === row.decided_by &&
      before.left_id === row.left_id &&
      before.right_id === row.right_id &&
      JSON.stringify(JSON.parse(before.reasons)) === row.reasons;
    if (same) continue;
    changed = true;
    await trx.updateTable('entity_matches').set(row).where('id', '=', before.id).execute();
  }
  await flush();
  const gone = [...stored.values()].map((row) => row.id);
  for (let start = 0; start < gone.length; start += CHUNK) {
    changed = true;
    await trx
      .deleteFrom('entity_matches')
      .where('id', 'in', gone.slice(start, start + CHUNK))
      .execute();
  }
  return changed;
}

/** Groups of row ids joined by accepted `same` matches (union-find), each of two or more rows. */
function components(pairs: ReadonlyArray<[number, number]>): number[][] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    let node = x;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const [a, b] of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const groups = new Map<number, number[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const group = groups.get(root) ?? [];
    group.push(id);
    groups.set(root, group);
  }
  return [...groups.values()].map((group) => group.sort((a, b) => a - b));
}

/**
 * Gives each group of rows joined by accepted `same` matches one entity: an entity a member already
 * had is kept (so entity ids stay put across runs), a new group gets a new one, a row left alone
 * loses its entity, and entities left without members are deleted.
 */
async function assignEntities(
  trx: Transaction<Database>,
  kind: 'model' | 'organization',
  groups: readonly number[][],
): Promise<{ entities: number; changed: boolean }> {
  const table = kind === 'model' ? 'models' : 'organizations';
  const entityTable = kind === 'model' ? 'model_entities' : 'organization_entities';
  const current = await trx
    .selectFrom(table)
    .select(['id', 'entity_id', 'name'])
    .where('entity_id', 'is not', null)
    .execute();
  const entityOf = new Map(current.map((row) => [row.id, row.entity_id!]));
  const target = new Map<number, number>();
  const claimed = new Set<number>();
  let changed = false;
  for (const group of groups) {
    const owned = group
      .map((id) => entityOf.get(id))
      .filter((id): id is number => id !== undefined && !claimed.has(id));
    let entity = owned.length > 0 ? Math.min(...owned) : undefined;
    const names = await trx
      .selectFrom(table)
      .select(['id', 'name'])
      .where('id', 'in', group)
      .orderBy('id')
      .execute();
    const name = names[0]?.name ?? '';
    const nameKey = kind === 'model' ? parseModelName(name).key : plainOrganizationKey(name);
    if (entity === undefined) {
      const inserted = await trx
        .insertInto(entityTable)
        .values({ name, name_key: nameKey })
        .returning('id')
        .executeTakeFirstOrThrow();
      entity = inserted.id;
      changed = true;
    } else {
      await trx.updateTable(entityTable).set({ name, name_key: nameKey }).where('id', '=', entity).execute();
    }
    claimed.add(entity);
    for (const id of group) target.set(id, entity);
  }
  const moves = new Map<number | null, number[]>();
  for (const [id, entity] of target) {
    if (entityOf.get(id) === entity) continue;
    const list = moves.get(entity) ?? [];
    list.push(id);
    moves.set(entity, list);
  }
  for (const row of current) {
    if (target.has(row.id)) continue;
    const list = moves.get(null) ?? [];
    list.push(row.id);
    moves.set(null, list);
  }
  for (const [entity, ids] of moves) {
    for (let start = 0; start < ids.length; start += CHUNK) {
      changed = true;
      await trx
        .updateTable(table)
        .set({ entity_id: entity })
        .where('id', 'in', ids.slice(start, start + CHUNK))
        .execute();
    }
  }
  const orphans = await trx
    .deleteFrom(entityTable)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom(table).select('id').whereRef(`${table}.entity_id`, '=', `${entityTable}.id`))),
    )
    .executeTakeFirst();
  if (Number(orphans.numDeletedRows ?? 0) > 0) changed = true;
  return { entities: groups.length, changed };
}

function acceptedSamePairs(
  matches: readonly StoredMatch[],
  kind: 'model' | 'organization',
): Array<[number, number]> {
  return matches
    .filter((m) => m.kind === kind && m.relation === 'same' && m.status === 'accepted')
    .filter((m) => m.leftId !== null && m.rightId !== null)
    .map((m) => [m.leftId!, m.rightId!]);
}

/**
 * Matches the catalog's models and organisations across sources and stores the outcome: every pair
 * with its confidence and reasons in `entity_matches` (accepted at ≥ 0.9, proposed at ≥ 0.6, the
 * overrides file's decisions on top), and one entity per group of rows joined by accepted `same`
 * matches. Reads are done first; the writes run in one transaction, which also bumps the catalog
 * version when anything changed. Running it again on an unchanged catalog changes nothing.
 *
 * @example
 * const outcome = await runMatching(store.db, { overrides: await readCatalogOverrides('catalog-overrides.yaml') });
 */
export async function runMatching(
  db: Kysely<Database>,
  options: RunMatchingOptions = {},
): Promise<MatchingOutcome> {
  const overrides = options.overrides ?? NO_OVERRIDES;
  const aliases = aliasMap(overrides.aliases);
  const now = (options.now ?? (() => new Date()))().toISOString();
  const { matches: modelMatches, models } = await matchModelRows(db, aliases);
  const organizationMatches = matchOrganizations(await organizationMembers(db), aliases);
  const { matches, overridden, unresolved } = await applyOverrides(
    db,
    [...modelMatches, ...organizationMatches],
    overrides,
  );
  const modelGroups = components(acceptedSamePairs(matches, 'model'));
  const organizationGroups = components(acceptedSamePairs(matches, 'organization'));
  await db.transaction().execute(async (trx) => {
    const stored = await storeMatches(trx, matches, now);
    const modelEntities = await assignEntities(trx, 'model', modelGroups);
    const organizationEntities = await assignEntities(trx, 'organization', organizationGroups);
    if (stored || modelEntities.changed || organizationEntities.changed) await bumpCatalogVersion(trx);
  });
  const count = (status: StoredMatch['status']) => matches.filter((m) => m.status === status).length;
  return {
    accepted: count('accepted'),
    proposed: count('proposed'),
    rejected: count('rejected'),
    overridden,
    unresolvedOverrides: unresolved,
    modelEntities: modelGroups.length,
    organizationEntities: organizationGroups.length,
    models,
  };
}
