import type { ProposedMatch } from './match-reason.ts';
import type { ModelMember } from './model-member.ts';
import { scoreModelPair } from './score-model-pair.ts';

/** The blocking keys of a member: its Hub repo ids, links and the first word of its name's stem. */
export function blockingKeys(member: ModelMember): string[] {
  const keys = [...member.hubIds.map((id) => `hub:${id}`), ...member.links.map((link) => `link:${link}`)];
  const first = member.parsed.stem[0];
  if (first !== undefined) keys.push(`stem:${first}`);
  return keys;
}

/**
 * The indexed side of matching (the rated and curated models, thousands), bucketed by blocking key,
 * so each probe (any model, up to millions) is scored only against the few that share a key with it:
 * one pass over the probes, memory for the index only.
 *
 * @example
 * const index = new ModelBlockingIndex(rated);
 * for (const model of everyModel) for (const match of index.match(model)) save(match);
 */
export class ModelBlockingIndex {
  readonly #buckets = new Map<string, ModelMember[]>();
  readonly #ids = new Set<number>();

  constructor(members: Iterable<ModelMember> = []) {
    for (const member of members) this.add(member);
  }

  /** Adds a member to the index. */
  add(member: ModelMember): void {
    if (this.#ids.has(member.id)) return;
    this.#ids.add(member.id);
    for (const key of blockingKeys(member)) {
      const bucket = this.#buckets.get(key);
      if (bucket) bucket.push(member);
      else this.#buckets.set(key, [member]);
    }
  }

  /** How many members the index holds. */
  get size(): number {
    return this.#ids.size;
  }

  /**
   * The matches of `probe` with the indexed members that share a blocking key with it. A pair of two
   * indexed members is reported once (when the one with the larger id is probed).
   */
  match(probe: ModelMember): ProposedMatch[] {
    const probeIndexed = this.#ids.has(probe.id);
    const seen = new Set<number>();
    const out: ProposedMatch[] = [];
    for (const key of blockingKeys(probe)) {
      const bucket = this.#buckets.get(key);
      if (!bucket) continue;
      for (const candidate of bucket) {
        if (candidate.id === probe.id || seen.has(candidate.id)) continue;
        if (probeIndexed && candidate.id > probe.id) continue;
        seen.add(candidate.id);
        const match = scoreModelPair(probe, candidate);
        if (match) out.push(match);
      }
    }
    return out;
  }
}
