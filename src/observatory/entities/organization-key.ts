import { foldText } from '../../util/index.ts';
import { KNOWN_ORGANIZATION_ALIASES } from './organization-aliases.ts';

/** Trailing words that say what kind of body an organisation is, not which one. */
const BODY_WORDS = new Set([
  'ai',
  'inc',
  'ltd',
  'llc',
  'corp',
  'corporation',
  'company',
  'co',
  'gmbh',
  'sa',
  'labs',
  'lab',
  'project',
  'workshop',
  'org',
  'team',
]);

/** Producer words that may open a model name (`Meta-Llama-3`, `Google Gemma`) and are not part of it. */
const ORGANIZATION_WORDS = new Set([
  'meta',
  'facebook',
  'google',
  'microsoft',
  'nvidia',
  'ibm',
  'apple',
  'amazon',
]);

/** True when a model name's leading `token` is a producer's name (`meta` in `Meta-Llama-3.1-8B`). */
export function isOrganizationWord(token: string): boolean {
  return ORGANIZATION_WORDS.has(token);
}

/**
 * An organisation name folded to a key: case, accents and punctuation gone, trailing body words
 * (`AI`, `Inc`, `Labs`, `Project`) dropped, the rest written together, so `Mistral AI`, `mistral` and
 * `Hugging Face` / `huggingface` meet. Empty when nothing is left.
 *
 * @example
 * plainOrganizationKey('DeepSeek AI'); // 'deepseek'
 * plainOrganizationKey('deepseek-ai'); // 'deepseek'
 */
export function plainOrganizationKey(name: string): string {
  const words = foldText(name)
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  while (words.length > 1 && BODY_WORDS.has(words[words.length - 1]!)) words.pop();
  return words.join('');
}

/** The plain key of each known alias, to its group's canonical key (the group's first name). */
const CANONICAL_BY_KEY: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const group of KNOWN_ORGANIZATION_ALIASES) {
    const canonical = plainOrganizationKey(group[0]!);
    for (const name of group) map.set(plainOrganizationKey(name), canonical);
  }
  return map;
})();

/** How an organisation key was reached: the name itself, or a known alias of it. */
export interface OrganizationKey {
  key: string;
  /** The alias written in the name, when the key came from the alias table. */
  via: string | null;
}

/**
 * The canonical key of an organisation name: its plain key, mapped through the known aliases
 * (`Meta AI`, `meta-llama` → `meta`; `Qwen` → `alibaba`) and any `extra` alias groups (the overrides
 * file's), keyed the same way.
 *
 * @example
 * organizationKey('meta-llama'); // { key: 'meta', via: 'meta-llama' }
 */
export function organizationKey(
  name: string,
  extra: ReadonlyMap<string, string> = new Map(),
): OrganizationKey {
  const plain = plainOrganizationKey(name);
  const mapped = extra.get(plain) ?? CANONICAL_BY_KEY.get(plain);
  if (mapped !== undefined && mapped !== plain) return { key: mapped, via: name };
  return { key: plain, via: null };
}

/** Alias groups (lists of names) as a map from each name's plain key to the group's canonical key. */
export function aliasMap(groups: readonly (readonly string[])[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of groups) {
    if (group.length === 0) continue;
    const first = plainOrganizationKey(group[0]!);
    const canonical = CANONICAL_BY_KEY.get(first) ?? first;
    for (const name of group) map.set(plainOrganizationKey(name), canonical);
  }
  return map;
}

/**
 * The organisations a producer text names: split on commas, `;`, ` and `, `&` and ` + `
 * (`Technology Innovation Institute, LightOn`; `EleutherAI and Together Computer`).
 */
export function organizationParts(name: string): string[] {
  return name
    .split(/\s*(?:[,;&+]|\band\b)\s*/i)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
