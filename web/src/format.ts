import {
  type AccessibilityFilter,
  type AccessibilityValue,
  type ProgramKind,
  REGION_LABELS as REGION_WORDS,
} from '../../src/spec/vocabularies/index.ts';

/** Formatting helpers shared by pages: numbers, dates, vocabularies in plain words. */

const INTEGER = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const COMPACT = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** A count with thousands separators; an en dash when unknown. */
export function formatInteger(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : INTEGER.format(value);
}

/** A number with up to two decimals; an en dash when unknown. */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : DECIMAL.format(value);
}

/**
 * A chart tooltip's value, for recharts' `formatter`: numbers as formatNumber prints them, so that a
 * score never shows its float noise (0.6699999999999999 for 0.67); ranges joined by an en dash.
 */
export function formatTooltipValue(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return value.map(formatTooltipValue).join(' – ');
  return value === null || value === undefined ? '–' : String(value);
}

/** A large number in compact form (7B, 1.2M); an en dash when unknown. */
export function formatCompact(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : COMPACT.format(value);
}

/** Training compute in FLOP as `3.1e24`. */
export function formatFlop(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : value.toExponential(1).replace('+', '');
}

/** Plain words for the accessibility vocabulary of the catalog. */
export const ACCESSIBILITY_LABELS: Record<AccessibilityValue, string> = {
  'open-weights-unrestricted': 'Open weights, unrestricted',
  'open-weights-restricted': 'Open weights, restricted use',
  'open-weights-noncommercial': 'Open weights, non-commercial',
  api: 'API access only',
  hosted: 'Hosted product only',
  unreleased: 'Unreleased',
  unknown: 'Unknown',
};

/** The accessibility value in plain words. */
export function accessibilityLabel(value: AccessibilityValue | null | undefined): string {
  return value ? ACCESSIBILITY_LABELS[value] : 'Unknown';
}

/** Plain words for the catalog's sources. */
export const SOURCE_LABELS: Record<string, string> = {
  epoch: 'Epoch AI',
  hf: 'Hugging Face Hub',
  mot: 'Model Openness Tool',
  osai: 'European Open Source AI Index',
  'release-pack': 'Checked release pack',
  demo: 'Demo catalog',
};

/** The catalog source in plain words. */
export function sourceLabel(value: string): string {
  return SOURCE_LABELS[value] ?? value;
}

/** A column name such as `openModelCount` or `open_share` as a heading: "Open model count". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(/\s+/)
    // Acronyms and roman numerals (MOF, III) keep their capitals.
    .map((word) => (/^[A-Z]+$/.test(word) ? word : word.toLowerCase()))
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A cell value for display; `column` names the column, so that years stay `2024` and regions read as words. */
export function formatCell(
  value: string | number | null | undefined,
  type?: string,
  column?: string,
): string {
  if (value === null || value === undefined || value === '') return '–';
  if (column && /year$/i.test(column)) return String(value);
  if (column === 'region' && typeof value === 'string') return regionLabel(value);
  if (typeof value === 'number') return type === 'integer' ? formatInteger(value) : formatNumber(value);
  return value;
}

/** Only http(s) links are rendered as links; anything else is shown as text. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, window.location.origin);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The observatory's regions (API values) in plain words, as the contract names them (src/spec/vocabularies). */
export const REGION_LABELS: Record<string, string> = REGION_WORDS;

/** A region value (any case) in plain words. */
export function regionLabel(value: string | null | undefined): string {
  if (!value) return '–';
  return REGION_LABELS[value.toLowerCase()] ?? value;
}

/** Accessibility filters of the models list: the stored values plus the two groups the API knows. */
export const ACCESSIBILITY_FILTER_LABELS: Record<string, string> = {
  open: 'Any open weights',
  closed: 'Closed (API, hosted or unreleased)',
  ...ACCESSIBILITY_LABELS,
} satisfies Record<AccessibilityFilter, string>;

/** An axis tick: small numbers as they are (0.25, 12), large ones compact (2.4M). */
export function formatTick(value: number): string {
  return Math.abs(value) < 10_000 ? formatNumber(value) : formatCompact(value);
}

/** An amount of money in a currency (`EUR 90,000`); the code is shown as is when Intl does not know it. */
export function formatMoney(value: number | null | undefined, currency: string): string {
  if (value === null || value === undefined) return '–';
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(
      value,
    );
  } catch {
    return `${currency} ${INTEGER.format(value)}`;
  }
}

/** An ISO timestamp as `2025-01-15 09:00 UTC`; dates (YYYY-MM-DD) stay as they are. */
export function formatTimestamp(value: string | null | undefined): string {
  if (!value) return '–';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return match ? `${match[1]} ${match[2]} UTC` : value;
}

/** Plain words for program kinds. */
export const PROGRAM_KIND_LABELS: Record<string, string> = {
  grant: 'Grant',
  'compute-fellowship': 'Compute fellowship',
  residency: 'Residency',
} satisfies Record<ProgramKind, string>;

/** A program kind in plain words. */
export function programKindLabel(value: string): string {
  return PROGRAM_KIND_LABELS[value] ?? humanize(value);
}

/** A share (0–1) as a percentage; an en dash when unknown. */
export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${DECIMAL.format(value * 100)}%`;
}
