import { ApertureError } from '../errors.ts';
import {
  type DocumentIssue,
  formatDocumentIssue,
  summarizeDocumentIssues,
  validateDocumentValue,
  validateYamlDocument,
} from '../spec/index.ts';
import { type ProgramDefinition, ProgramDefinitionSchema } from './program-schema.ts';

/** A program file checked: its definition, or issues located at `line:column`. */
export type ProgramValidation =
  | { ok: true; file: string; value: ProgramDefinition }
  | { ok: false; file: string; issues: DocumentIssue[] };

/**
 * Validates a program definition given as an already parsed value (e.g. a JSON request body).
 * Issues carry paths but no positions.
 */
export function validateProgramValue(value: unknown, file = 'request'): ProgramValidation {
  const checked = validateDocumentValue(value, ProgramDefinitionSchema);
  return checked.ok ? { ok: true, file, value: checked.value } : { ok: false, file, issues: checked.issues };
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
  const checked = validateYamlDocument(text, ProgramDefinitionSchema, {
    file,
    mappingMessage: 'must be a mapping with spec, id, name and requirements',
  });
  return checked.ok ? { ok: true, file, value: checked.value } : { ok: false, file, issues: checked.issues };
}

/** One line per issue: `file:line:column: field: message`. */
export function formatProgramIssues(validation: Extract<ProgramValidation, { ok: false }>): string[] {
  return validation.issues.map((issue) => formatDocumentIssue(validation.file, issue));
}

/** The definition, or an ERR_USAGE abort naming the first located issue (and how many more there are). */
export function requireValidProgram(validation: ProgramValidation): ProgramDefinition {
  if (validation.ok) return validation.value;
  throw new ApertureError('ERR_USAGE', summarizeDocumentIssues(validation.file, validation.issues));
}
