/**
 * Text folded for comparison: Unicode compatibility forms (NFKD), combining marks dropped, lower case,
 * so `Ｍｉｓｔｒａｌ`, `Mistral` and `MISTRAL` fold alike and `Zürich` meets `Zurich`. The base of
 * foldName, and what the entity matcher's name keys are built on.
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

/**
 * A name folded for search, computed in JavaScript so that SQLite and PostgreSQL store and match the
 * same text (their `lower()` disagree beyond ASCII: SQLite folds only A–Z): compatibility-decomposed
 * (NFKD), combining marks dropped (accents: `Ü` → `U`, `İ` → `I`), then case-folded with full Unicode
 * rules (`ß` → `ss`, `ẞ` → `ss`), and composed again (NFC).
 *
 * @example
 * foldName('Ünïcode Straße') // 'unicode strasse'
 * foldName('İstanbul') // 'istanbul'
 */
export function foldName(text: string): string {
  return (
    foldText(text)
      // Lower, upper, lower: `ẞ` lowers to `ß`, which uppers to `SS` (full case mapping).
      .toUpperCase()
      .toLowerCase()
      .normalize('NFC')
  );
}
