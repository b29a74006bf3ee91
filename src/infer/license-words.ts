/**
 * Normalises license text for comparison, after the SPDX matching guidelines: case, punctuation,
 * whitespace, URLs, copyright lines and the optional "how to apply" appendix do not count.
 *
 * @example
 * licenseWords('MIT License\n\nCopyright (c) 2024 Acme\n\nPermission is hereby granted…') // ['mit', 'license', 'permission', …]
 */
export function licenseWords(text: string): string[] {
  let lower = text.toLowerCase();
  // Apache- and GPL-style texts end their terms here; what follows is an optional appendix.
  const end = lower.indexOf('end of terms and conditions');
  if (end >= 0) lower = lower.slice(0, end);
  const cleaned = lower
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/^[\s#*/;>-]*(copyright\b|\(c\)|©|all rights reserved).*$/gm, ' ')
    .replace(/licence/g, 'license');
  return cleaned.match(/[a-z0-9]+/g) ?? [];
}

/** Word-bigram sets over a shared vocabulary, so that sets compare as numbers rather than strings. */
export class BigramVocabulary {
  private readonly ids = new Map<string, number>();

  /** The set of word bigrams of a word list. */
  bigrams(words: readonly string[]): Set<number> {
    const set = new Set<number>();
    let previous = -1;
    for (const word of words) {
      let id = this.ids.get(word);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(word, id);
      }
      // 2^21 distinct words is far beyond any license corpus, so the pair code stays exact.
      if (previous >= 0) set.add(previous * 2_097_152 + id);
      previous = id;
    }
    return set;
  }
}

/** Sørensen–Dice coefficient of two sets: 2|A∩B| / (|A|+|B|), 0 when both are empty. */
export function diceCoefficient(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size + b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** The largest Dice coefficient two sets of these sizes can reach, to skip hopeless candidates cheaply. */
export function diceUpperBound(sizeA: number, sizeB: number): number {
  return sizeA + sizeB === 0 ? 0 : (2 * Math.min(sizeA, sizeB)) / (sizeA + sizeB);
}
