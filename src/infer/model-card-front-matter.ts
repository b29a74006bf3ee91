import { ApertureError } from '../errors.ts';
import { parseYamlSafely } from '../spec/index.ts';

/** A model card split into its YAML front matter and its markdown body. */
export interface ModelCardParts {
  /** The front matter as a mapping, or null when there is none (or it is not a mapping). */
  data: Record<string, unknown> | null;
  /** Why the front matter could not be read, if it could not. */
  error?: string;
  /** The markdown after the front matter. */
  body: string;
  /** The 1-based line of the file where the body starts. */
  bodyLine: number;
  /** The 1-based line of a front matter key (or of a nested value by path), for evidence. */
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Splits a Hugging Face model card (README.md) into its `---` YAML front matter and body. The YAML is
 * parsed with the safe parser; a broken block yields `data: null` and the reason, never an abort.
 *
 * @example
 * splitModelCard('---\nlicense: mit\n---\n# My model').data // { license: 'mit' }
 */
export function splitModelCard(text: string, file: string): ModelCardParts {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { data: null, body: text, bodyLine: 1, lineOf: () => undefined };
  const yaml = match[1]!;
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1;
  const body = text.slice(match[0].length);
  try {
    const parsed = parseYamlSafely(yaml, file);
    const value = parsed.value;
    const data =
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : null;
    return {
      data,
      error: data ? undefined : 'front matter is not a mapping',
      body,
      bodyLine,
      // The front matter starts on line 2 of the file, after the opening `---`.
      lineOf: (path) => {
        const at = parsed.locate(path, { atKey: true });
        return at ? at.line + 1 : undefined;
      },
    };
  } catch (error) {
    if (!(error instanceof ApertureError)) throw error;
    return { data: null, error: error.message, body, bodyLine, lineOf: () => undefined };
  }
}
