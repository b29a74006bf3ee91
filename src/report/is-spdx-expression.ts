import parseSpdx from 'spdx-expression-parse';

/**
 * Whether a text parses as an SPDX license expression (`Apache-2.0`, `MIT OR GPL-2.0-only`).
 *
 * @example
 * isSpdxExpression('Apache-2.0'); // true
 * isSpdxExpression('llama3.1'); // false
 */
export function isSpdxExpression(text: string): boolean {
  try {
    parseSpdx(text);
    return true;
  } catch {
    return false;
  }
}
