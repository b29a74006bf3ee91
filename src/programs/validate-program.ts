import type { z } from 'zod';
import { ApertureError } from '../errors.ts';
import {
  type ExplainedIssue,
  formatManifestIssue,
  locateIssues,
  type ManifestIssue,
  readYamlMapping,
} from '../spec/index.ts';
import { type ProgramDefinition, ProgramDefinitionSchema } from './program-schema.ts';

/** A program file checked: its definition, or issues located at `line:column`. */
export type ProgramValidation =
  | { ok: true; file: string; value: ProgramDefinition }
  | { ok: false; file: string; issues: ManifestIssue[] };

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** One zod issue in words a program author understands. */
function explain(issue: z.core.$ZodIssue, input: unknown): ExplainedIssue[] {
  const path = issue.path as PropertyKey[];
  const found = valueAt(input, path);
  switch (issue.code) {
    case 'invalid_type':
      if (found === undefined) return [{ path, message: 'is required' }];
      if (issue.expected === 'string' && (typeof found === 'number' || typeof found === 'boolean')) {
        return [
          { path, message: `must be text; YAML read ${String(found)} as a ${typeof found}, so quote it` },
        ];
      }
      return [
        { path, message: `must be ${issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`}` },
      ];
    case 'invalid_value':
      return [
        {
          path,
          message:
            issue.values.length === 1
              ? issue.message
              : `must be one of ${issue.values.join(', ')} (found ${JSON.stringify(found)})`,
        },
      ];
    case 'invalid_union':
      if ((issue as { discriminator?: string }).discriminator === 'kind') {
        return [
          {
            path: path[path.length - 1] === 'kind' ? path : [...path, 'kind'],
            message:
              'must be one of release-pack, benchmark-contribution, staged-release, knowledge-transfer',
          },
        ];
      }
      return [{ path, message: issue.message }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: [...path, key],
        atKey: true,
        message: `unknown field "${key}"`,
      }));
    case 'too_small':
      return [
        {
          path,
          message: issue.origin === 'array' ? `needs at least ${issue.minimum} item(s)` : issue.message,
        },
      ];
    default:
      return [{ path, message: issue.message }];
  }
}

/**
 * Validates a program definition given as an already parsed value (e.g. a JSON request body).
 * Issues carry paths but no positions.
 */
export function validateProgramValue(value: unknown, file = 'request'): ProgramValidation {
  const result = ProgramDefinitionSchema.safeParse(value);
  if (result.success) return { ok: true, file, value: result.data };
  return {
    ok: false,
    file,
    issues: result.error.issues.flatMap((issue) =>
      explain(issue, value).map((explained) => ({
        path: explained.path.map(String).join('.'),
        message: explained.message,
      })),
    ),
  };
}

/**
 * Validates program YAML: syntax, safety limits (alias bombs, depth, size) and the schema. Problems come
 * back as issues located at `line:column`; breaches of the safety limits abort with ERR_YAML_LIMIT.
 *
 * @example
 * const result = validateProgramText(text, 'programs/fellowship.yaml');
 * if (!result.ok) for (const line of formatProgramIssues(result)) console.error(line);
 */
export function validateProgramText(text: string, file: string): ProgramValidation {
  const read = readYamlMapping(text, file, 'must be a mapping with spec, id, name and requirements');
  if (!read.ok) return { ok: false, file, issues: read.issues };
  const result = ProgramDefinitionSchema.safeParse(read.parsed.value);
  if (result.success) return { ok: true, file, value: result.data };
  return { ok: false, file, issues: locateIssues(read.parsed, result.error.issues, explain) };
}

/** One line per issue: `file:line:column: field: message`. */
export function formatProgramIssues(validation: Extract<ProgramValidation, { ok: false }>): string[] {
  return validation.issues.map((issue) => formatManifestIssue(validation.file, issue));
}

/** The definition, or an ERR_USAGE abort naming the first located issue (and how many more there are). */
export function requireValidProgram(validation: ProgramValidation): ProgramDefinition {
  if (validation.ok) return validation.value;
  const lines = formatProgramIssues(validation);
  const more = lines.length > 1 ? ` (and ${lines.length - 1} more problem(s))` : '';
  throw new ApertureError('ERR_USAGE', `${lines[0]}${more}`);
}
