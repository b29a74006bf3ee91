import type { z } from 'zod';
import { findNulByte } from './find-nul-byte.ts';

/** The issue message of a NUL character, as every validator words it. */
export const NUL_BYTE_MESSAGE = 'holds a NUL byte (U+0000), which Aperture never stores; remove it';

/**
 * A superRefine that adds an issue at the first string (or key) holding a NUL character (U+0000), for
 * definitions that reach the store: PostgreSQL cannot hold NUL in text and SQLite would keep it, so both
 * refuse it here, with the path, before anything is written. YAML's `"\0"` and JSON's `"\u0000"` escapes
 * produce it from plain text, so a check of the request or file bytes alone does not catch it.
 *
 * @example
 * const TitleSchema = z.object({ title: z.string() }).superRefine(addNulByteIssue);
 * TitleSchema.safeParse({ title: 'a\u0000b' }).error?.issues[0]?.path; // ['title']
 */
export function addNulByteIssue(value: unknown, context: z.RefinementCtx): void {
  const path = findNulByte(value);
  if (path !== undefined) context.addIssue({ code: 'custom', path, message: NUL_BYTE_MESSAGE });
}
