import type { MatchReason, ProposedMatch } from './match-reason.ts';
import { organizationKey, organizationParts } from './organization-key.ts';

/** An organisation as the matcher sees it: a catalog row, or a name only a source gives (an FMTI developer). */
export interface OrganizationMember {
  /** `org:<name>` for an organizations row, `fmti:<developer>` for a transparency index developer. */
  key: string;
  /** organizations.id, or null for a name that is not a row. */
  id: number | null;
  name: string;
  /** Other names of the row (organization_aliases, such as a Hub author). */
  aliases: readonly string[];
}

interface Keyed {
  member: OrganizationMember;
  /** The name that reached the key through an alias, or null when the name's own key is it. */
  via: string | null;
}

function rank(member: OrganizationMember): [number, number, string] {
  return [member.id === null ? 1 : 0, member.id ?? 0, member.key];
}

function compareMembers(a: OrganizationMember, b: OrganizationMember): number {
  const [x, y] = [rank(a), rank(b)];
  return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
}

/**
 * Matches organisations by canonical key: members whose names (or aliases) fold to one key are the
 * same organisation: 0.95 when the names fold alike (`Mistral AI` / `Mistral`), 0.9 when a known or
 * configured alias joins them (`Meta` / `meta-llama`), both accepted; a producer text naming several
 * organisations (`EleutherAI and Together Computer`) is proposed (0.65) as a collaboration including
 * each one it names. Linear in the members: only equal keys are compared.
 *
 * @example
 * matchOrganizations([{ key: 'org:Meta AI', id: 1, name: 'Meta AI', aliases: [] }, { key: 'fmti:Meta', id: null, name: 'Meta', aliases: [] }]);
 */
export function matchOrganizations(
  members: readonly OrganizationMember[],
  extraAliases: ReadonlyMap<string, string> = new Map(),
): ProposedMatch[] {
  const groups = new Map<string, Keyed[]>();
  const place = (key: string, keyed: Keyed) => {
    if (key === '') return;
    const group = groups.get(key);
    if (!group) groups.set(key, [keyed]);
    else if (!group.some((other) => other.member.key === keyed.member.key)) group.push(keyed);
  };
  for (const member of members) {
    const own = organizationKey(member.name, extraAliases);
    place(own.key, { member, via: own.via });
    for (const alias of member.aliases) {
      const other = organizationKey(alias, extraAliases);
      place(other.key, { member, via: other.via ?? alias });
    }
  }
  const out = new Map<string, ProposedMatch>();
  const add = (match: ProposedMatch) => {
    const pair = `${match.leftKey}\u0000${match.rightKey}`;
    const existing = out.get(pair);
    if (!existing || existing.confidence < match.confidence) out.set(pair, match);
  };
  const representative = new Map<string, OrganizationMember>();
  for (const [key, group] of groups) {
    group.sort((a, b) => compareMembers(a.member, b.member));
    const first = group[0]!;
    representative.set(key, first.member);
    for (const other of group.slice(1)) {
      const via = first.via ?? other.via;
      const reasons: MatchReason[] = [{ rule: 'same-name', detail: key }];
      if (via !== null) reasons.push({ rule: 'organization-alias', detail: via });
      add({
        kind: 'organization',
        relation: 'same',
        leftKey: first.member.key,
        rightKey: other.member.key,
        leftId: first.member.id,
        rightId: other.member.id,
        confidence: via === null ? 0.95 : 0.9,
        reasons,
      });
    }
  }
  for (const member of members) {
    const parts = organizationParts(member.name);
    if (parts.length < 2) continue;
    for (const part of parts) {
      const key = organizationKey(part, extraAliases).key;
      const rep = representative.get(key);
      if (!rep || rep.key === member.key) continue;
      add({
        kind: 'organization',
        relation: 'family',
        leftKey: rep.key,
        rightKey: member.key,
        leftId: rep.id,
        rightId: member.id,
        confidence: 0.65,
        reasons: [
          {
            rule: 'organization-part',
            detail: `${JSON.stringify(part)} is one of ${JSON.stringify(member.name)}`,
          },
        ],
      });
    }
  }
  return [...out.values()];
}
