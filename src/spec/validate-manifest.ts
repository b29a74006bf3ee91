import { distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { ManifestIssue, ManifestState } from './evidence.ts';
import { type ExplainedIssue, locateIssues, readYamlMapping } from './read-yaml-mapping.ts';
import { ReleasePackSchema } from './release-pack-schema.ts';

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return String(value);
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function knownKeys(schemaPath: ReadonlyArray<PropertyKey>): readonly string[] {
  // Walk the zod schema along the path to list the fields allowed there, for "did you mean".
  let schema: unknown = ReleasePackSchema;
  for (const key of schemaPath) {
    const def = (schema as { def?: Record<string, unknown> })?.def;
    if (!def) return [];
    if (def.type === 'object') schema = (def.shape as Record<string, unknown>)[key as string];
    else if (def.type === 'record') schema = def.valueType;
    else if (def.type === 'array') schema = def.element;
    else return [];
    while ((schema as { def?: { type?: string; innerType?: unknown } })?.def?.innerType) {
      schema = (schema as { def: { innerType: unknown } }).def.innerType;
    }
  }
  const def = (schema as { def?: Record<string, unknown> })?.def;
  if (def?.type === 'object') return Object.keys(def.shape as object);
  if (def?.type === 'record') {
    const keyDef = (def.keyType as { def?: { entries?: Record<string, string> } })?.def;
    return keyDef?.entries ? Object.values(keyDef.entries) : [];
  }
  return [];
}

/** Turns one zod issue into a sentence a release author understands. */
function explainIssue(issue: z.core.$ZodIssue, input: unknown): ExplainedIssue[] {
  const path = issue.path as PropertyKey[];
  const found = valueAt(input, path);
  switch (issue.code) {
    case 'invalid_type':
      if (found === undefined) return [{ path, message: 'is required' }];
      if (issue.expected === 'string' && (typeof found === 'number' || typeof found === 'boolean')) {
        // YAML reads 2024, 1e5, yes and all-digit digests as numbers or booleans unless quoted.
        return [
          {
            path,
            message: `must be text; YAML read ${String(found)} as a ${typeof found}, so put it in quotes`,
          },
        ];
      }
      return [
        {
          path,
          message: `must be ${issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`} (found ${describeValue(found)})`,
        },
      ];
    case 'invalid_value':
      if (issue.values.length === 1) return [{ path, message: issue.message }];
      return [
        {
          path,
          message: `must be one of ${issue.values.join(', ')} (found ${describeValue(found)})`,
        },
      ];
    case 'unrecognized_keys': {
      const allowed = knownKeys(path);
      return issue.keys.map((key) => {
        const suggestion = closest(key, allowed);
        return {
          path: [...path, key],
          atKey: true,
          message: `unknown field "${key}"${suggestion ? `; did you mean "${suggestion}"?` : allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : ''}`,
        };
      });
    }
    case 'invalid_key': {
      const allowed = knownKeys(path);
      const key = String(
        found === undefined ? path[path.length - 1] : (issue.path[issue.path.length - 1] ?? ''),
      );
      const suggestion = closest(key, allowed);
      return [
        {
          path,
          message: `unknown ${path.length === 1 && path[0] === 'components' ? 'component' : 'key'}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
        },
      ];
    }
    case 'too_small':
      if (issue.origin === 'array')
        return [
          {
            path,
            message: issue.message.startsWith('Too small')
              ? `needs at least ${issue.minimum} item(s)`
              : issue.message,
          },
        ];
      return [
        {
          path,
          message: issue.message.startsWith('Too small')
            ? `must be at least ${issue.minimum}`
            : issue.message,
        },
      ];
    default:
      return [{ path, message: issue.message }];
  }
}

/**
 * Validates manifest text: YAML syntax, safety limits and the schema. Syntax and schema problems come
 * back as located issues; safety-limit breaches abort with ERR_YAML_LIMIT.
 *
 * @example
 * const state = validateManifestText(text, 'release-pack.yaml');
 * if (state.state === 'invalid') for (const i of state.issues) console.log(`${i.line}:${i.column} ${i.message}`);
 */
export function validateManifestText(text: string, file: string): ManifestState {
  const read = readYamlMapping(text, file, 'must be a mapping with spec, model and components');
  if (!read.ok) return { state: 'invalid', file, issues: read.issues };
  const { parsed } = read;
  const result = ReleasePackSchema.safeParse(parsed.value);
  if (result.success) {
    const componentLines: Record<string, number> = {};
    for (const id of Object.keys(result.data.components)) {
      const at = parsed.locate(['components', id], { atKey: true });
      if (at) componentLines[id] = at.line;
    }
    return { state: 'valid', file, value: result.data, componentLines };
  }
  return { state: 'invalid', file, issues: locateIssues(parsed, result.error.issues, explainIssue) };
}

/** One line per issue: `file:line:column: path: message`. */
export function formatManifestIssue(file: string, issue: ManifestIssue): string {
  const at = issue.line ? `${file}:${issue.line}:${issue.column ?? 1}` : file;
  return `${at}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
}
