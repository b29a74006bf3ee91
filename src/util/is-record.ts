/**
 * True for a plain JSON/YAML object (a mapping): not null, not an array. Narrows parsed input before its
 * fields are read.
 *
 * @example
 * if (isRecord(doc) && typeof doc.name === 'string') use(doc.name);
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
