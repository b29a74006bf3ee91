import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ApertureError } from '../../errors.ts';
import { parseYamlSafely } from '../../spec/index.ts';

/** One reviewed decision about a pair of members. */
export const OverrideDecisionSchema = z
  .object({
    kind: z.enum(['model', 'organization']).default('model'),
    /** A member key: `<source>:<external id>` for a model, `org:<name>` or `fmti:<developer>` for an organisation. */
    left: z.string().min(3).max(500),
    right: z.string().min(3).max(500),
    /** `accept` pins (or creates: a merge) the match; `reject` keeps it out whatever the rules say. */
    decision: z.enum(['accept', 'reject']),
    relation: z.enum(['same', 'family']).optional(),
    note: z.string().max(2000).optional(),
  })
  .strict();

/** A reviewed decision. */
export type OverrideDecision = z.output<typeof OverrideDecisionSchema>;

/** The overrides file: decisions about pairs and extra organisation alias groups. */
export const CatalogOverridesSchema = z
  .object({
    version: z.literal(1).default(1),
    matches: z.array(OverrideDecisionSchema).max(100_000).default([]),
    aliases: z
      .array(z.array(z.string().min(1).max(300)).min(2))
      .max(10_000)
      .default([]),
  })
  .strict();

/** The overrides file, read and validated. */
export type CatalogOverrides = z.output<typeof CatalogOverridesSchema>;

/** No decisions, no aliases. */
export const NO_OVERRIDES: CatalogOverrides = { version: 1, matches: [], aliases: [] };

/** The largest overrides file read. */
const MAX_OVERRIDES_BYTES = 16 * 1024 * 1024;

/**
 * Parses an overrides file's text with the safe YAML reader and validates it; a syntax error aborts
 * with ERR_UNREADABLE, an invalid field with ERR_INVALID_INPUT, each naming `file:line`. An empty file has no decisions.
 *
 * @example
 * parseCatalogOverrides('matches:\n  - { left: "osai:Qwen", right: "epoch:Qwen-VL", decision: reject }\n', 'o.yaml');
 */
export function parseCatalogOverrides(text: string, file: string): CatalogOverrides {
  // A syntax error or a limit breach aborts there, naming file:line:column.
  const read = parseYamlSafely(text, file, { maxBytes: MAX_OVERRIDES_BYTES, maxDepth: 16, maxAliases: 10 });
  const value = read.value ?? {};
  const parsed = CatalogOverridesSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = read.locate(issue.path as PropertyKey[]);
  const path = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new ApertureError(
    'ERR_INVALID_INPUT',
    `${file}:${where?.line ?? 1}: ${path}${issue.message} (see docs/matching.md for the format)`,
  );
}

/**
 * Reads the overrides file; a file that does not exist has no decisions yet (the first
 * `aperture catalog matches accept|reject` creates it).
 */
export async function readCatalogOverrides(file: string | undefined): Promise<CatalogOverrides> {
  if (file === undefined || file === '') return NO_OVERRIDES;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return NO_OVERRIDES;
    throw new ApertureError(
      'ERR_UNREADABLE',
      `cannot read the overrides file ${file}: ${(error as Error).message.split('\n')[0]}`,
      { cause: error },
    );
  }
  return parseCatalogOverrides(text, file);
}
