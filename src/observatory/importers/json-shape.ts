/**
 * What a parsed JSON value is, for messages: `a list`, `null`, `an object`, `a string`….
 *
 * @example
 * shapeOf([1]) // 'a list'
 */
export function shapeOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
