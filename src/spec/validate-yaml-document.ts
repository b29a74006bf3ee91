import type { z } from 'zod';
import { type DocumentIssue, documentPath } from './document-issue.ts';
import { describeValue, explainZodIssues } from './explain-zod-issue.ts';
import { type ParsedYaml, readYamlSafely, type YamlLimits } from './safe-yaml.ts';

/** Options of validateYamlDocument. */
export interface YamlDocumentOptions {
  /** The file's name, for the messages of limit breaches (issues carry no file: callers print it). */
  file: string;
  /** The issue when the document is not a mapping, e.g. `must be a mapping with spec, id and name`. */
  mappingMessage?: string;
  /** Size, depth and alias limits; DEFAULT_YAML_LIMITS when omitted. */
  limits?: YamlLimits;
}

/** A YAML document checked: its value (and where each part came from), or its issues in source order. */
export type YamlValidation<T> =
  | { ok: true; value: T; locate: ParsedYaml['locate'] }
  | { ok: false; issues: DocumentIssue[] };

/**
 * Validates a YAML document against a zod schema: parsed within the safety limits, required to be a
 * mapping, then checked by the schema. Problems come back as data, each explained (explainZodIssues) and
 * located at its line and column; a YAML syntax error is one such issue. A breach of the safety limits (an
 * alias bomb, deep nesting, an oversized document) is an attack rather than a typo and aborts with
 * ERR_YAML_LIMIT. Manifests, policies, programs, benchmark definitions and the demo catalog all pass here.
 *
 * @example
 * const checked = validateYamlDocument(text, PolicySchema, { file: 'policy.yaml' });
 * if (!checked.ok) for (const issue of checked.issues) console.log(formatDocumentIssue('policy.yaml', issue));
 */
export function validateYamlDocument<Schema extends z.ZodType>(
  text: string,
  schema: Schema,
  options: YamlDocumentOptions,
): YamlValidation<z.output<Schema>> {
  const read = readYamlSafely(text, options.file, options.limits);
  if (!read.ok) {
    const { line, column, message } = read.syntax;
    return { ok: false, issues: [{ path: '', line, column, message: `YAML syntax: ${message}` }] };
  }
  const { value, locate } = read.parsed;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const message = options.mappingMessage ?? `must be a mapping of fields (found ${describeValue(value)})`;
    return { ok: false, issues: [{ path: '', line: 1, column: 1, message }] };
  }
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data, locate };
  const issues = explainZodIssues(result.error.issues, value, schema).map((explained): DocumentIssue => {
    const at = locate(explained.path, { atKey: explained.atKey });
    return {
      path: documentPath(explained.path),
      line: at?.line,
      column: at?.column,
      message: explained.message,
    };
  });
  return {
    ok: false,
    issues: issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)),
  };
}
