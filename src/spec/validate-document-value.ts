import type { z } from 'zod';
import { type DocumentIssue, documentPath } from './document-issue.ts';
import { explainZodIssues } from './explain-zod-issue.ts';

/**
 * Validates a document given as a parsed value (a JSON request body) against a zod schema, with the same
 * explained issues as validateYamlDocument; there is no source text, so issues carry paths, not positions.
 *
 * @example
 * const checked = validateDocumentValue(request.body, ProgramDefinitionSchema);
 * if (!checked.ok) throw fieldError('ERR_USAGE', checked.issues[0]!.message, checked.issues[0]!.path);
 */
export function validateDocumentValue<Schema extends z.ZodType>(
  value: unknown,
  schema: Schema,
): { ok: true; value: z.output<Schema> } | { ok: false; issues: DocumentIssue[] } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: explainZodIssues(result.error.issues, value, schema).map((explained) => ({
      path: documentPath(explained.path),
      message: explained.message,
    })),
  };
}
