import { createRequire } from 'node:module';
import { spdx as SPDX_FLAGS } from '@nodesecure/licenses-conformance/src/spdx.js';
import { findAiLicenseTitle } from './ai-license-titles.ts';
import { BigramVocabulary, diceCoefficient, diceUpperBound, licenseWords } from './license-words.ts';

/** A license identified from the text of a LICENSE file. */
export interface LicenseMatch {
  /** SPDX id or catalogued AI license id. */
  id: string;
  /** Similarity to the reference text, 0–1 (0.95 for a catalogued AI license known by its title). */
  confidence: number;
  /** `text` when compared with the SPDX reference text, `title` when known by its title. */
  method: 'text' | 'title';
}

/** Least similarity to call a text a license. */
export const MIN_LICENSE_CONFIDENCE = 0.9;
const TITLE_CONFIDENCE = 0.95;

interface Reference {
  id: string;
  text: string;
  bigrams?: Set<number>;
}

type SpdxFull = Record<string, { licenseText: string }>;

const vocabulary = new BigramVocabulary();
let references: Reference[] | null = null;
const recent = new Map<string, LicenseMatch | null>();

function loadReferences(): Reference[] {
  // The full texts are 5 MB: load them on first use, not when the CLI starts.
  const full = createRequire(import.meta.url)('spdx-license-list/full') as SpdxFull;
  references = Object.entries(full).map(([id, entry]) => ({ id, text: entry.licenseText }));
  return references;
}

/** Among licenses with the same text (GPL-3.0-only/-or-later/GPL-3.0), the one to name. */
function preference(id: string): number {
  const deprecated = SPDX_FLAGS[id]?.deprecated || /\+$/.test(id);
  // The text alone grants no "or later": name the -only variant.
  return (deprecated ? 100 : 0) + (id.endsWith('-or-later') ? 10 : 0) + id.length / 100;
}

function bestSpdxMatch(text: string): LicenseMatch | null {
  const bigrams = vocabulary.bigrams(licenseWords(text));
  if (bigrams.size < 5) return null;
  let best: { id: string; score: number } | null = null;
  for (const reference of references ?? loadReferences()) {
    // Raw length is a cheap, loose filter; the exact size bound follows once tokenised.
    const ratio = reference.text.length / text.length;
    if (ratio < 0.4 || ratio > 2.5) continue;
    reference.bigrams ??= vocabulary.bigrams(licenseWords(reference.text));
    if (diceUpperBound(bigrams.size, reference.bigrams.size) < MIN_LICENSE_CONFIDENCE) continue;
    const score = diceCoefficient(bigrams, reference.bigrams);
    if (
      !best ||
      score > best.score + 1e-9 ||
      (Math.abs(score - best.score) <= 1e-9 && preference(reference.id) < preference(best.id))
    ) {
      best = { id: reference.id, score };
    }
  }
  if (!best || best.score < MIN_LICENSE_CONFIDENCE) return null;
  return { id: best.id, confidence: Math.round(best.score * 1000) / 1000, method: 'text' };
}

/**
 * Identifies the license of a LICENSE file's text: a catalogued AI license by its title, else the
 * SPDX license whose reference text is most similar (word-bigram Sørensen–Dice after normalising
 * case, punctuation, URLs and copyright lines), when the similarity is at least 0.9.
 *
 * @example
 * identifyLicenseText(readFileSync('LICENSE', 'utf8')) // { id: 'Apache-2.0', confidence: 1, method: 'text' }
 */
export function identifyLicenseText(text: string): LicenseMatch | null {
  if (recent.has(text)) return recent.get(text)!;
  const title = findAiLicenseTitle(text);
  const match: LicenseMatch | null = title
    ? { id: title, confidence: TITLE_CONFIDENCE, method: 'title' }
    : bestSpdxMatch(text);
  // The collector and inference both identify the root LICENSE: remember the last few answers.
  if (recent.size >= 8) recent.delete(recent.keys().next().value!);
  recent.set(text, match);
  return match;
}
