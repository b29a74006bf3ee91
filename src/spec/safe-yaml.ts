import { isNode, LineCounter, parseDocument } from 'yaml';
import { ApertureError } from '../errors.ts';

/** Limits applied to every YAML document Aperture reads from outside. */
export interface YamlLimits {
  /** Largest document accepted, in bytes of UTF-8. */
  maxBytes: number;
  /** Deepest nesting of mappings and sequences accepted. */
  maxDepth: number;
  /** Most alias references accepted (alias bombs blow up on expansion). */
  maxAliases: number;
}

/** Defaults sized for manifests and policies: generous for real files, tiny for attacks. */
export const DEFAULT_YAML_LIMITS: YamlLimits = { maxBytes: 1024 * 1024, maxDepth: 64, maxAliases: 100 };

/** A 1-based position in a source file. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A parsed YAML document with a way to find where a value came from. */
export interface ParsedYaml {
  value: unknown;
  /** The position of the node at `path`, or of its nearest existing parent. */
  locate(path: ReadonlyArray<PropertyKey>, options?: { atKey?: boolean }): SourcePosition | undefined;
}

/** A YAML syntax error: where it is and what the parser said (its first line). */
export interface YamlSyntaxError extends SourcePosition {
  message: string;
}

/**
 * Parses untrusted YAML with limits on size, nesting depth and aliases. A syntax error comes back as data,
 * at its position; a limit breach aborts with ERR_YAML_LIMIT (a bomb is an attack, not a typo).
 *
 * @example
 * const read = readYamlSafely(text, 'release-pack.yaml');
 * if (!read.ok) console.log(`${read.syntax.line}:${read.syntax.column} ${read.syntax.message}`);
 */
export function readYamlSafely(
  text: string,
  file: string,
  limits: YamlLimits = DEFAULT_YAML_LIMITS,
): { ok: true; parsed: ParsedYaml } | { ok: false; syntax: YamlSyntaxError } {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > limits.maxBytes) {
    throw new ApertureError(
      'ERR_YAML_LIMIT',
      `${file}: ${bytes} bytes is over the ${limits.maxBytes}-byte limit for YAML documents`,
    );
  }
  // The parser recurses per nesting level and can exhaust memory on deep input, so measure first.
  const depth = estimateNestingDepth(text);
  if (depth.depth > limits.maxDepth) {
    throw new ApertureError(
      'ERR_YAML_LIMIT',
      `${file}:${depth.line}: nesting deeper than ${limits.maxDepth} levels is refused`,
    );
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
  });
  const firstError = doc.errors[0];
  if (firstError) {
    const at = lineCounter.linePos(firstError.pos[0]);
    const message = firstError.message.split('\n')[0] ?? 'invalid YAML';
    return { ok: false, syntax: { line: at.line, column: at.col, message } };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliases });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApertureError('ERR_YAML_LIMIT', `${file}: ${reason}`, { cause: error });
  }
  return {
    ok: true,
    parsed: {
      value,
      locate(path, options) {
        if (options?.atKey) {
          const key = findPair(doc.contents, path);
          if (key) return key;
        }
        for (let length = path.length; length >= 0; length--) {
          const node = doc.getIn(path.slice(0, length) as unknown[], true);
          if (isNode(node) && node.range) {
            const at = lineCounter.linePos(node.range[0]);
            return { line: at.line, column: at.col };
          }
          // A key whose value is empty has no node; point at the key itself.
          const pair = findPair(doc.contents, path.slice(0, length));
          if (pair) return pair;
        }
        return undefined;
      },
    },
  };

  function findPair(root: unknown, path: ReadonlyArray<PropertyKey>): SourcePosition | undefined {
    if (path.length === 0) return undefined;
    const parent = path.length === 1 ? root : doc.getIn(path.slice(0, -1) as unknown[], true);
    const items = (
      parent as { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] } }> }
    )?.items;
    const last = path[path.length - 1];
    const pair = items?.find((item) => item?.key?.value === last);
    if (pair?.key?.range) {
      const at = lineCounter.linePos(pair.key.range[0]);
      return { line: at.line, column: at.col };
    }
    return undefined;
  }
}

/**
 * A cheap lexical upper bound on nesting: flow brackets outside quotes and comments, plus the
 * number of open block indentation levels. Over-counting is safe (it only refuses sooner).
 */
export function estimateNestingDepth(text: string): { depth: number; line: number } {
  let maxDepth = 0;
  let maxLine = 1;
  let flow = 0;
  const indents: number[] = [];
  let lineNumber = 0;
  for (const line of text.split('\n')) {
    lineNumber++;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (flow === 0) {
      const indent = line.length - trimmed.length;
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      // A "- - - x" line opens one level per dash.
      const dashes = /^(-\s+)+/.exec(trimmed)?.[0].split('-').length ?? 1;
      const blockDepth = indents.length + dashes - 1;
      if (blockDepth > maxDepth) {
        maxDepth = blockDepth;
        maxLine = lineNumber;
      }
    }
    let quote: string | null = null;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quote) {
        if (ch === quote) quote = null;
        continue;
      }
      if (ch === '#' && (i === 0 || line[i - 1] === ' ')) break;
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '[' || ch === '{') {
        flow++;
        const depth = indents.length + flow;
        if (depth > maxDepth) {
          maxDepth = depth;
          maxLine = lineNumber;
        }
      } else if ((ch === ']' || ch === '}') && flow > 0) flow--;
    }
  }
  return { depth: maxDepth, line: maxLine };
}

/**
 * Parses untrusted YAML with limits on size, nesting depth and aliases (see readYamlSafely). Syntax errors
 * and limit breaches abort with a one-line message naming the file and position.
 *
 * @example
 * const { value, locate } = parseYamlSafely(text, 'release-pack.yaml');
 */
export function parseYamlSafely(
  text: string,
  file: string,
  limits: YamlLimits = DEFAULT_YAML_LIMITS,
): ParsedYaml {
  const read = readYamlSafely(text, file, limits);
  if (read.ok) return read.parsed;
  const { line, column, message } = read.syntax;
  throw new ApertureError('ERR_UNREADABLE', `${file}:${line}:${column}: ${message}`);
}
