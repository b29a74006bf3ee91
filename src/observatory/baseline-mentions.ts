import { MODEL_FAMILIES, type ModelFamily } from './model-families.ts';

/** What a cue says about the family next to it. */
export type MentionKind = 'baseline' | 'base-model';

/** Where in the work the mention is. */
export type MentionField = 'title' | 'abstract';

/** A family a work names as a baseline or base model, and the rule that matched. */
export interface BaselineMention {
  family: string;
  origin: string;
  /** `baseline:title`, `base-model:abstract`, …: the cue's kind and the field it was found in. */
  rule: `${MentionKind}:${MentionField}`;
}

/** How many words a cue may be from the family's name, in the same sentence. */
export const MENTION_WINDOW = 12;

/** A cue: consecutive lower-case words (each a pattern), and what it says. */
interface Cue {
  kind: MentionKind;
  words: readonly RegExp[];
}

/**
 * The context cues, written out (docs/indicators.md quotes them): a family counts as a baseline when
 * named near "baseline(s)", "compare(d/s)/comparing with/to/against", "comparison with/to/against", "outperform(s/ed)",
 * "surpass(es/ed)", "versus"/"vs", "competitive with", "against"; as a base model near "base model(s)",
 * "backbone(s)", "fine-tune(d)/fine-tuning/finetuned", "built/build on/upon", "initialized from/with",
 * "based on", "on top of", "starting from", "adapted from", "distilled from".
 */
export const CUES: readonly Cue[] = [
  { kind: 'base-model', words: [/^base$/, /^models?$/] },
  { kind: 'base-model', words: [/^backbones?$/] },
  { kind: 'base-model', words: [/^fine-?tun(?:e|es|ed|ing)$/] },
  { kind: 'base-model', words: [/^buil[dt]$/, /^(?:on|upon)$/] },
  { kind: 'base-model', words: [/^initiali[sz]ed$/, /^(?:from|with)$/] },
  { kind: 'base-model', words: [/^based$/, /^on$/] },
  { kind: 'base-model', words: [/^on$/, /^top$/, /^of$/] },
  { kind: 'base-model', words: [/^starting$/, /^from$/] },
  { kind: 'base-model', words: [/^adapted$/, /^from$/] },
  { kind: 'base-model', words: [/^distilled$/, /^from$/] },
  { kind: 'baseline', words: [/^baselines?$/] },
  { kind: 'baseline', words: [/^compar(?:e|es|ed|ing)$/, /^(?:with|to|against)$/] },
  { kind: 'baseline', words: [/^comparisons?$/, /^(?:with|to|against)$/] },
  { kind: 'baseline', words: [/^outperform(?:s|ed|ing)?$/] },
  { kind: 'baseline', words: [/^surpass(?:es|ed|ing)?$/] },
  { kind: 'baseline', words: [/^(?:versus|vs)$/] },
  { kind: 'baseline', words: [/^competitive$/, /^with$/] },
  { kind: 'baseline', words: [/^against$/] },
];

const LEADING = /^[("'“‘[{<*]+/;
const TRAILING = /[)"'”’\]}>*,.;:!?]+$/;

/** A word as the matcher sees it: surrounding punctuation and a possessive `'s` stripped. */
function cleanWord(raw: string): string {
  return raw
    .replace(LEADING, '')
    .replace(TRAILING, '')
    .replace(/['’]s$/, '');
}

/**
 * The text as the matcher reads it: publishers' markup (`<i>`, `<scp>`) removed and Unicode hyphens and
 * dashes (U+2010–U+2014, U+2212) written as `-`, so `LLaMA‐2` reads as `LLaMA-2`.
 */
function normalizeText(text: string): string {
  return text.replace(/<\/?[a-z][a-z0-9]*\b[^>]*>/gi, '').replace(/[\u2010-\u2014\u2212]/g, '-');
}

/** The sentences of a text, each as its cleaned words (a `/` or `,` inside a word splits it too). */
function sentencesOf(text: string): string[][] {
  return normalizeText(text)
    .split(/(?<=[.!?])\s+(?=[A-Z("“])/)
    .map((sentence) =>
      sentence
        .split(/[\s/,]+/)
        .map(cleanWord)
        .filter((word) => word !== ''),
    );
}

/** Whether `rest`, what follows a family's name in a word, is a variant suffix the family accepts. */
function acceptsSuffix(family: ModelFamily, rest: string): 'yes' | 'no' | 'bare' {
  if (rest === '') return 'bare';
  if (!family.ambiguous) return /^[A-Za-z0-9.]*(?:[-_:][A-Za-z0-9.]+)*$/.test(rest) ? 'yes' : 'no';
  if (!/^[-_]?\d|^[-_]/.test(rest)) return 'no';
  if (!/^[-_]?[A-Za-z0-9.]+(?:[-_][A-Za-z0-9.]+)*$/.test(rest)) return 'no';
  const variant = rest.replace(/^[-_]/, '');
  return (family.variant ?? /./).test(variant) ? 'yes' : 'no';
}

/** The family a word names in its sentence (given the words around it), if any. */
export function familyOfWord(words: readonly string[], index: number): ModelFamily | undefined {
  const word = words[index]!;
  for (const family of MODEL_FAMILIES) {
    for (const name of family.names) {
      if (!word.startsWith(name)) continue;
      const suffix = acceptsSuffix(family, word.slice(name.length));
      if (suffix === 'yes') return family;
      if (suffix !== 'bare') continue;
      if (!family.ambiguous || family.bare?.includes(name)) return family;
      // An ambiguous bare name: the next word may be its variant (`Llama 2`, `Falcon 180B`), or it is
      // `Code Llama`.
      const next = words[index + 1];
      if (
        next !== undefined &&
        /^[A-Za-z0-9.]+(?:[-_][A-Za-z0-9.]+)*$/.test(next) &&
        family.variant?.test(next)
      )
        return family;
      if (family.id === 'llama' && words[index - 1] === 'Code') return family;
    }
  }
  return undefined;
}

/** Positions and kinds of the cues in a sentence's lower-cased words. */
function cuesOf(lower: readonly string[]): { at: number; kind: MentionKind }[] {
  const found: { at: number; kind: MentionKind }[] = [];
  for (let at = 0; at < lower.length; at++) {
    for (const cue of CUES) {
      if (cue.words.every((pattern, offset) => pattern.test(lower[at + offset] ?? ''))) {
        found.push({ at, kind: cue.kind });
        break;
      }
    }
  }
  return found;
}

/** family id → the nearest cue's kind and distance, over the sentences of one field. */
function mentionsInText(text: string): Map<string, { kind: MentionKind; distance: number }> {
  const best = new Map<string, { kind: MentionKind; distance: number }>();
  for (const words of sentencesOf(text)) {
    const cues = cuesOf(words.map((word) => word.toLowerCase()));
    if (cues.length === 0) continue;
    for (let index = 0; index < words.length; index++) {
      const family = familyOfWord(words, index);
      if (!family) continue;
      for (const cue of cues) {
        const distance = Math.abs(cue.at - index);
        if (distance > MENTION_WINDOW) continue;
        const known = best.get(family.id);
        if (!known || distance < known.distance) best.set(family.id, { kind: cue.kind, distance });
      }
    }
  }
  return best;
}

/**
 * The model families a work names as a baseline or base model: a family's name (see MODEL_FAMILIES for
 * how a word names one) within MENTION_WINDOW words of a cue (CUES) in the same sentence. The title is
 * read first; a family found there is not looked for in the abstract. Each family counts once per
 * work, with the kind of its nearest cue. Sorted by family id.
 *
 * @example
 * findBaselineMentions('We fine-tune Qwen2.5-7B and compare with Llama-3-8B', null)
 * // [{ family: 'llama', origin: 'US', rule: 'baseline:title' }, { family: 'qwen', origin: 'CN', rule: 'base-model:title' }]
 */
export function findBaselineMentions(title: string | null, abstract: string | null): BaselineMention[] {
  const found = new Map<string, BaselineMention>();
  for (const [field, text] of [
    ['title', title],
    ['abstract', abstract],
  ] as const) {
    if (!text) continue;
    for (const [familyId, match] of mentionsInText(text)) {
      if (found.has(familyId)) continue;
      const family = MODEL_FAMILIES.find((candidate) => candidate.id === familyId)!;
      found.set(familyId, { family: familyId, origin: family.origin, rule: `${match.kind}:${field}` });
    }
  }
  return [...found.values()].sort((a, b) => (a.family < b.family ? -1 : a.family > b.family ? 1 : 0));
}
