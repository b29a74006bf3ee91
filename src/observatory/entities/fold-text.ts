/**
 * Text folded for comparison: Unicode compatibility forms (NFKD), combining marks dropped, lower case,
 * so `Ｍｉｓｔｒａｌ`, `Mistral` and `MISTRAL` fold alike and `Zürich` meets `Zurich`.
 *
 * @example
 * foldText('Qwen２.５'); // 'qwen2.5'
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
