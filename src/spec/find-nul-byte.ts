/** A step of the path to a value inside JSON-like data: an object key or an array index. */
export type ValuePathStep = string | number;

/** Binary data and dates: not text, so never walked (a Buffer may hold zero bytes). */
function isOpaque(value: object): boolean {
  return ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Date;
}

/**
 * Where the first NUL character (U+0000) of JSON-like data is: the path of the string (or object key) that
 * holds it, `[]` for `value` itself, or undefined when there is none. Arrays and objects are walked (own
 * enumerable keys included), in document order; Buffers, typed arrays and Dates are binary or not text and
 * are left alone. PostgreSQL cannot store U+0000 in text (SQLite can), so every writer of user text refuses it.
 * Walks with its own stack, so depth is bounded only by memory.
 *
 * @example
 * findNulByte({ rounds: [{ name: 'a\u0000b' }] }); // ['rounds', 0, 'name']
 * findNulByte({ title: 'fine' });                   // undefined
 */
export function findNulByte(value: unknown): ValuePathStep[] | undefined {
  // Each entry links to its parent, so a path is built only for the hit (copies would make depth quadratic).
  type Entry = { value: unknown; parent: Entry | undefined; step: ValuePathStep };
  const pathOf = (entry: Entry | undefined, last?: ValuePathStep): ValuePathStep[] => {
    const path: ValuePathStep[] = last === undefined ? [] : [last];
    for (let at = entry; at?.parent !== undefined; at = at.parent) path.push(at.step);
    return path.reverse();
  };
  const stack: Entry[] = [{ value, parent: undefined, step: '' }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const current = entry.value;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return pathOf(entry);
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--)
        stack.push({ value: current[index], parent: entry, step: index });
      continue;
    }
    // Not only plain objects: a parsed query string is a dictionary with a prototype of its own.
    if (isOpaque(current)) continue;
    const keys = Object.keys(current);
    // Keys are checked before any value, so a key holding NUL is named even when a later value holds one.
    const badKey = keys.find((key) => key.includes('\u0000'));
    if (badKey !== undefined) return pathOf(entry, badKey);
    for (let index = keys.length - 1; index >= 0; index--)
      stack.push({
        value: (current as Record<string, unknown>)[keys[index]!],
        parent: entry,
        step: keys[index]!,
      });
  }
  return undefined;
}

/**
 * A path of findNulByte as a field name, `rounds.0.name`, with any NUL in a key shown as `\0` so the name
 * can be printed and stored; `fallback` for the empty path.
 *
 * @example
 * nulPathText(['rounds', 0, 'name']); // 'rounds.0.name'
 */
export function nulPathText(path: readonly ValuePathStep[], fallback = ''): string {
  if (path.length === 0) return fallback;
  return path.map((step) => String(step).replaceAll('\u0000', '\\0')).join('.');
}
