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
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      // Lower, upper, lower: `ẞ` lowers to `ß`, which uppers to `SS` (full case mapping).
      .toLowerCase()
      .toUpperCase()
      .toLowerCase()
      .normalize('NFC')
  );
}
