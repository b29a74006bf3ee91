import { foldText } from '../../util/index.ts';
import { isOrganizationWord } from './organization-key.ts';

/**
 * A model name taken apart: the words that name the line (`llama`, `deepseek r1`), its version, its
 * size and its variant, each kept apart so `Llama 3.1 8B` and `Llama 3.1 70B` differ in size only and
 * `Meta-Llama-3.1-8B` reads as `Llama 3.1 8B`.
 */
export interface ModelNameKey {
  /** The words naming the line, in order (`['mistral', 'large']`). */
  stem: string[];
  /** Version numbers without a `v` (`3.1`, `0.1`); null when the name has none. */
  version: string | null;
  /** Parameter size tokens (`8b`, `8x7b`, `397b a17b`); null when the name has none. */
  size: string | null;
  /** Dated revisions (`2512`, `0520`) and versions written after the size (`v0.1`), sorted; empty when none. */
  revisions: string[];
  /** Variant words (`instruct`, `chat`), sorted; `base` and `pt` count as no variant. */
  variants: string[];
  /** Every part in one text: equal keys name the same model. */
  key: string;
}

/** Words that name a tuned variant; two names that differ in them are different models. */
const VARIANT_WORDS = new Set([
  'instruct',
  'chat',
  'it',
  'sft',
  'dpo',
  'rlhf',
  'think',
  'thinking',
  'reasoning',
  'coder',
  'code',
  'math',
  'vision',
  'guard',
]);

/** Words that say "the plain pretrained model": no variant at all. */
const BASE_WORDS = new Set(['base', 'pt', 'pretrain', 'pretrained', 'hf']);

const SIZE = /^(?:\d+x)?\d+(?:\.\d+)?[kmbt]$/;
const ACTIVE_SIZE = /^a\d+(?:\.\d+)?[bm]$/;
const VERSION = /^v?\d+(?:\.\d+)*$/;
const REVISION = /^\d{4}$/;

/** Splits `qwen2.5` into `qwen` and `2.5` (a prefix of 3+ letters before digits), `r1` stays whole. */
function splitStemDigits(token: string): string[] {
  const match = /^([a-z]{3,})(\d[\d.]*[a-z]?)$/.exec(token);
  if (match && !SIZE.test(token)) return [match[1]!, match[2]!];
  return [token];
}

/** The name's tokens: folded, split on spaces and punctuation (a dot between digits stays). */
export function modelNameTokens(name: string): string[] {
  // A Hub repo id names the model after the slash; the author is an organisation, not part of the name.
  const slash = name.lastIndexOf('/');
  const bare = slash >= 0 && !/\s/.test(name) ? name.slice(slash + 1) : name;
  return foldText(bare)
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
    .split(/[^a-z0-9.]+/)
    .filter((token) => token !== '')
    .flatMap(splitStemDigits);
}

/**
 * Takes a model name apart into stem, version, size, revisions and variants.
 *
 * @example
 * parseModelName('Meta-Llama-3.1-8B-Instruct'); // stem ['llama'], version '3.1', size '8b', variants ['instruct']
 * parseModelName('Llama 3.1 70B').key === parseModelName('Llama 3.1 8B').key; // false
 */
export function parseModelName(name: string): ModelNameKey {
  const tokens = modelNameTokens(name);
  // A leading organisation word (`meta`, `google`) is the producer's name, not the model's.
  while (tokens.length > 1 && isOrganizationWord(tokens[0]!)) tokens.shift();
  const stem: string[] = [];
  const versions: string[] = [];
  const sizes: string[] = [];
  const revisions: string[] = [];
  const variants = new Set<string>();
  for (const token of tokens) {
    if (SIZE.test(token) || (sizes.length > 0 && ACTIVE_SIZE.test(token))) sizes.push(token);
    else if (REVISION.test(token)) revisions.push(token);
    // A version written after the size (`Mistral-7B-v0.1`) is a release of that model, not a generation.
    else if (VERSION.test(token) && sizes.length > 0) revisions.push(token.replace(/^v/, ''));
    else if (VERSION.test(token) && (stem.length > 0 || token.startsWith('v'))) {
      versions.push(token.replace(/^v/, ''));
    } else if (BASE_WORDS.has(token)) continue;
    else if (VARIANT_WORDS.has(token) && stem.length > 0) variants.add(token);
    else stem.push(token);
  }
  const version = versions.length > 0 ? versions.join('.') : null;
  const size = sizes.length > 0 ? sizes.join(' ') : null;
  const sortedVariants = [...variants].sort();
  revisions.sort();
  const key = [stem.join(' '), version ?? '', size ?? '', revisions.join(' '), sortedVariants.join(' ')].join(
    '|',
  );
  return { stem, version, size, revisions, variants: sortedVariants, key };
}
