/**
 * The canonical JSON text of a value: object keys in lexicographic (UTF-16 code unit) order at every depth,
 * no white space, strings and numbers as JSON.stringify writes them (RFC 8785 JCS for strings, safe
 * integers and finite doubles); like JSON.stringify, non-finite numbers become `null` and keys whose value is
 * undefined are left out. What the log's digests hash, so that a value read back from either database (whose
 * JSON columns may reorder keys) gives the same text as the value written.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const fields = Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
