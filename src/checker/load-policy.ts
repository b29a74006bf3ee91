import { readFile } from 'node:fs/promises';
import { ApertureError } from '../errors.ts';
import {
  MOF_CLASS_NAMES,
  type MofClassName,
  POLICY_SPEC,
  type Policy,
  PolicySchema,
  summarizeDocumentIssues,
  validateYamlDocument,
} from '../spec/index.ts';
import { decodeUtf8Strict } from '../util/index.ts';

/**
 * Reads and validates a policy file. Problems abort with ERR_POLICY_INVALID naming the first field.
 *
 * @example
 * const policy = await loadPolicy('policies/open-artifacts.yaml');
 */
export async function loadPolicy(file: string): Promise<Policy> {
  const bytes = await readFile(file).catch(() => {
    throw new ApertureError('ERR_NOT_FOUND', `policy file not found: ${file}`);
  });
  return parsePolicyText(decodeUtf8Strict(bytes, file), file);
}

/** Validates policy text (YAML); problems abort with ERR_POLICY_INVALID naming the first, `file:line:column: field: …`. */
export function parsePolicyText(text: string, file: string): Policy {
  const checked = validateYamlDocument(text, PolicySchema, { file });
  if (checked.ok) return checked.value;
  throw new ApertureError('ERR_POLICY_INVALID', summarizeDocumentIssues(file, checked.issues));
}

/** Parses a MOF class as given on the command line (I, II, III, or 1–3, any case). */
export function parseMofClass(text: string): MofClassName {
  const normal = text
    .trim()
    .toUpperCase()
    .replace(/^CLASS\s*/, '');
  const byNumber: Record<string, MofClassName> = { '1': 'I', '2': 'II', '3': 'III' };
  const value = byNumber[normal] ?? normal;
  if ((MOF_CLASS_NAMES as readonly string[]).includes(value)) return value as MofClassName;
  throw new ApertureError('ERR_USAGE', `unknown MOF class "${text}": use I, II or III`);
}

/** Folds --min-score, --require-class and --policy into one policy, or null when none was given. */
export function combineGate(options: {
  policy?: Policy;
  minScore?: number;
  requireClass?: MofClassName;
}): Policy | null {
  if (!options.policy && options.minScore === undefined && options.requireClass === undefined) return null;
  const base: Policy = options.policy ?? { policy: POLICY_SPEC, name: 'command-line gate' };
  const scores = [options.minScore, base.minScore].filter((score): score is number => score !== undefined);
  return {
    ...base,
    minScore: scores.length > 0 ? Math.max(...scores) : undefined,
    minClass: options.requireClass ?? base.minClass,
  };
}
