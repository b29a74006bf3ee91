import type { z } from 'zod';
import { ApertureError } from '../errors.ts';
import type { ManifestIssue } from './evidence.ts';
import { type ParsedYaml, parseYamlSafely } from './safe-yaml.ts';

/** A zod issue explained for a person, at a path (the key itself when `atKey`). */
export interface ExplainedIssue {
  path: PropertyKey[];
  message: string;
  atKey?: boolean;
}

/**
 * Parses a YAML document that must be a mapping, within the safety limits. A syntax error or a
 * document that is not a mapping comes back as one located issue; a safety-limit breach aborts.
 *
 * @example
 * const read = readYamlMapping(text, 'programs/x.yaml', 'must be a mapping with spec, id and name');
 * if (!read.ok) return read.issues;
 */
export function readYamlMapping(
  text: string,
  file: string,
  shapeMessage: string,
): { ok: true; parsed: ParsedYaml } | { ok: false; issues: ManifestIssue[] } {
  let parsed: ParsedYaml;
  try {
    parsed = parseYamlSafely(text, file);
  } catch (error) {
    if (error instanceof ApertureError && error.code === 'ERR_UNREADABLE') {
      const match = /^.*?:(\d+):(\d+): (.*)$/.exec(error.message);
      return {
        ok: false,
        issues: [
          {
            path: '',
            line: match ? Number(match[1]) : undefined,
            column: match ? Number(match[2]) : undefined,
            message: `YAML syntax: ${match ? match[3] : error.message}`,
          },
        ],
      };
    }
    throw error;
  }
  if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    return { ok: false, issues: [{ path: '', line: 1, column: 1, message: shapeMessage }] };
  }
  return { ok: true, parsed };
}

/**
 * The schema's issues, each explained and located in the YAML source, sorted by position.
 *
 * @example
 * const issues = locateIssues(parsed, result.error.issues, explainIssue);
 */
export function locateIssues(
  parsed: ParsedYaml,
  zodIssues: readonly z.core.$ZodIssue[],
  explain: (issue: z.core.$ZodIssue, input: unknown) => ExplainedIssue[],
): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  for (const issue of zodIssues) {
    for (const explained of explain(issue, parsed.value)) {
      const at = parsed.locate(explained.path, { atKey: explained.atKey });
      issues.push({
        path: explained.path.map(String).join('.'),
        line: at?.line,
        column: at?.column,
        message: explained.message,
      });
    }
  }
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
