import type { PublishedDate } from '../catalog-records.ts';

/**
 * Reads a publication date as published: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (calendar-checked) get an
 * ISO form; anything else keeps only its text.
 */
export function parsePublishedDate(text: string): PublishedDate {
  const trimmed = text.trim();
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(trimmed);
  if (!match) return { text, iso: null };
  const [, year, month, day] = match;
  if (month && (Number(month) < 1 || Number(month) > 12)) return { text, iso: null };
  if (day) {
    const date = new Date(`${trimmed}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== trimmed)
      return { text, iso: null };
  }
  return { text, iso: [year, month, day].filter(Boolean).join('-') };
}
