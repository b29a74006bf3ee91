/**
 * A name reduced to its lower-case letters and digits, so that spellings of one name compare equal:
 * a model name and a file or folder named after it, two accounts of one organisation.
 *
 * @example
 * nameKey('Llama-3.1_8B') // 'llama318b'
 */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
