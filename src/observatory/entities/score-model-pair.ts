import type { MatchReason, ProposedMatch } from './match-reason.ts';
import { statusOfConfidence } from './match-thresholds.ts';
import type { ModelMember } from './model-member.ts';
import type { ModelNameKey } from './model-name-key.ts';

/** What the names alone say about a pair. */
interface NameRelation {
  relation: 'same' | 'family';
  /** For `family`: which member names the family (0 = first, 1 = second). */
  general: 0 | 1;
  base: number;
  reason: MatchReason;
}

function versionParts(version: string | null): string[] {
  return version === null ? [] : version.split('.');
}

/** True when version `a` is `b` or a leading part of it (`3` of `3.2`); a missing version is a prefix of all. */
function versionPrefix(a: string | null, b: string | null): boolean {
  const left = versionParts(a);
  const right = versionParts(b);
  return left.length <= right.length && left.every((part, index) => part === right[index]);
}

function startsWith(long: readonly string[], short: readonly string[]): boolean {
  return short.length <= long.length && short.every((word, index) => word === long[index]);
}

const show = (key: ModelNameKey) => key.key.replace(/\|+$/, '').replace(/\|/g, ' · ');

/** Whether `general` names a family `specific` belongs to, and how sure the names make that. */
function familyOf(
  general: ModelNameKey,
  specific: ModelNameKey,
): { base: number; reason: MatchReason } | null {
  if (general.size !== null || general.revisions.length > 0 || general.variants.length > 0) return null;
  if (!startsWith(specific.stem, general.stem) || !versionPrefix(general.version, specific.version))
    return null;
  const detail = `"${show(general)}" names a family of "${show(specific)}"`;
  if (specific.stem.length > general.stem.length) {
    return { base: 0.7, reason: { rule: 'family-name-longer', detail } };
  }
  const sameVersion = general.version === specific.version;
  if (!sameVersion && general.version !== null) {
    return { base: 0.7, reason: { rule: 'family-name-version-prefix', detail } };
  }
  // A family named without its generation (`Qwen`) or with it (`Llama 3.1`) over a sized model of it.
  if (specific.size !== null || (general.version === null && specific.version !== null)) {
    return { base: 0.85, reason: { rule: 'family-name', detail } };
  }
  return null;
}

/** What two parsed names say: the same model, one the family of the other, or nothing. */
export function compareModelNames(a: ModelNameKey, b: ModelNameKey): NameRelation | null {
  if (a.stem.length === 0 || b.stem.length === 0) return null;
  if (a.key === b.key) {
    return { relation: 'same', general: 0, base: 0.9, reason: { rule: 'same-name', detail: show(a) } };
  }
  const sameStem = a.stem.join(' ') === b.stem.join(' ');
  const sameVariants = a.variants.join(' ') === b.variants.join(' ');
  if (sameStem && sameVariants) {
    if (a.version === b.version && a.size === b.size) {
      return {
        relation: 'same',
        general: 0,
        base: 0.8,
        reason: { rule: 'same-name-other-revision', detail: `${show(a)} / ${show(b)}` },
      };
    }
  }
  const aOfB = familyOf(a, b);
  if (aOfB) return { relation: 'family', general: 0, ...aOfB };
  const bOfA = familyOf(b, a);
  if (bOfA) return { relation: 'family', general: 1, ...bOfA };
  return null;
}

/** Month precision of an ISO date, or null. */
const monthOf = (date: string | null) => (date && date.length >= 7 ? date.slice(0, 7) : null);

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Scores a pair of models of different sources: the Hub repo ids, links and names they share, and
 * whether their organisations agree. Returns null when the pair falls below the proposal threshold.
 * Confidence = the strongest rule's base (same Hub repo 0.95, same link 0.85, same name 0.9, family
 * 0.85/0.7, …), +0.05 for each further agreeing rule, +0.05 when the organisations agree, −0.2 when
 * both name organisations and none agree; capped to 0–1.
 *
 * @example
 * scoreModelPair(memberOf('osai:Llama 3.1'), memberOf('epoch:Llama 3.1-405B')); // family, 0.9
 */
export function scoreModelPair(a: ModelMember, b: ModelMember): ProposedMatch | null {
  if (a.source === b.source || a.id === b.id) return null;
  const reasons: MatchReason[] = [];
  const bases: number[] = [];
  const sharedHub = a.hubIds.find((id) => b.hubIds.includes(id));
  if (sharedHub !== undefined) {
    reasons.push({ rule: 'same-hub-repo', detail: sharedHub });
    bases.push(0.95);
  }
  const sharedLink = a.links.find((link) => b.links.includes(link));
  if (sharedLink !== undefined) {
    reasons.push({ rule: 'same-link', detail: sharedLink });
    bases.push(0.85);
  }
  const names = compareModelNames(a.parsed, b.parsed);
  if (names) {
    let base = names.base;
    const reason = { ...names.reason };
    if (names.relation === 'family') {
      const [general, specific] = names.general === 0 ? [a, b] : [b, a];
      const [from, to] = [monthOf(general.date), monthOf(specific.date)];
      // A name without a generation dated before a later generation (`Claude` before `Claude 2`) is the
      // line's first model, not its family.
      const laterGeneration = general.parsed.version === null && specific.parsed.version !== null;
      if (laterGeneration && from !== null && to !== null && from < to) {
        base -= 0.25;
        reason.detail += `, but dated ${from}, before ${to}: likely the line's first model`;
      }
    }
    reasons.push(reason);
    bases.push(base);
  }
  if (bases.length === 0) return null;
  let confidence = Math.max(...bases) + 0.05 * (bases.length - 1);
  if (a.organizationKeys.length > 0 && b.organizationKeys.length > 0) {
    const shared = a.organizationKeys.find((key) => b.organizationKeys.includes(key));
    if (shared !== undefined) {
      confidence += 0.05;
      reasons.push({ rule: 'same-organization', detail: shared });
    } else {
      confidence -= 0.2;
      reasons.push({
        rule: 'organization-differs',
        detail: `${a.organizationKeys.join(', ')} / ${b.organizationKeys.join(', ')}`,
      });
    }
  }
  confidence = round2(Math.min(1, Math.max(0, confidence)));
  if (statusOfConfidence(confidence) === null) return null;
  const relation = names?.relation ?? 'same';
  const [left, right] =
    relation === 'family' ? (names!.general === 0 ? [a, b] : [b, a]) : a.key <= b.key ? [a, b] : [b, a];
  return {
    kind: 'model',
    relation,
    leftKey: left.key,
    rightKey: right.key,
    leftId: left.id,
    rightId: right.id,
    confidence,
    reasons,
  };
}
