import type { CheckReport } from '../checker/index.ts';
import { XML_FORBIDDEN_CHARACTERS } from '../util/index.ts';

/** Options of the badge. */
export interface BadgeOptions {
  /** The left-hand text; `openness` by default. */
  label?: string;
}

/**
 * Advance widths of Verdana at 11px for printable ASCII (font units / 2048 × 11), the table shields.io
 * measures badge text with; anything else counts as wide as `m` so the text never overflows its box.
 */
// biome-ignore format: the table reads best in rows
const VERDANA_11: Record<string, number> = {
  ' ': 3.87, '!': 4.33, '"': 5.05, '#': 9.0, $: 6.99, '%': 11.84, '&': 7.99, "'": 2.95,
  '(': 5.0, ')': 5.0, '*': 6.99, '+': 9.0, ',': 4.0, '-': 5.0, '.': 4.0, '/': 5.0,
  '0': 6.99, '1': 6.99, '2': 6.99, '3': 6.99, '4': 6.99, '5': 6.99, '6': 6.99, '7': 6.99,
  '8': 6.99, '9': 6.99, ':': 5.0, ';': 5.0, '<': 9.0, '=': 9.0, '>': 9.0, '?': 6.0, '@': 11.0,
  A: 7.52, B: 7.54, C: 7.68, D: 8.48, E: 6.96, F: 6.32, G: 8.53, H: 8.27, I: 4.63, J: 5.0,
  K: 7.62, L: 6.12, M: 9.27, N: 8.23, O: 8.66, P: 6.63, Q: 8.66, R: 7.65, S: 7.52, T: 6.78,
  U: 8.05, V: 7.52, W: 10.88, X: 7.54, Y: 6.77, Z: 7.54, '[': 5.0, '\\': 5.0, ']': 5.0,
  '^': 9.0, _: 6.99, '`': 6.99, a: 6.61, b: 6.85, c: 5.73, d: 6.85, e: 6.55, f: 3.87,
  g: 6.85, h: 6.96, i: 3.02, j: 3.79, k: 6.51, l: 3.02, m: 10.7, n: 6.96, o: 6.68, p: 6.85,
  q: 6.85, r: 4.69, s: 5.73, t: 4.33, u: 6.96, v: 6.51, w: 9.0, x: 6.51, y: 6.51, z: 5.78,
  '{': 6.98, '|': 5.0, '}': 6.98, '~': 9.0,
  // The middle dot of "72 · Class II" is drawn like the full stop in Verdana.
  '·': 4.0,
};
const WIDE = VERDANA_11.m!;

/** shields.io's named colours, by openness score. */
const SCORE_COLOURS = [
  { min: 80, colour: '#97ca00' }, // green
  { min: 60, colour: '#a4a61d' }, // yellowgreen
  { min: 40, colour: '#dfb317' }, // yellow
  { min: 20, colour: '#fe7d37' }, // orange
  { min: Number.NEGATIVE_INFINITY, colour: '#e05d44' }, // red
] as const;

const LABEL_COLOUR = '#555';
const PADDING = 5;
const MAX_TEXT = 64;

/** The badge colour for a score: ≥80 green, ≥60 yellowgreen, ≥40 yellow, ≥20 orange, else red. */
export function badgeColour(score: number): string {
  return SCORE_COLOURS.find((step) => score >= step.min)!.colour;
}

/** Width of text in Verdana 11px, floored and rounded up to odd as shields.io does (sharper centring). */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) continue;
    width += VERDANA_11[char] ?? WIDE;
  }
  const floored = Math.floor(width);
  return floored % 2 === 0 ? floored + 1 : floored;
}

/** Drops the characters XML 1.0 cannot hold: most controls, lone surrogates, U+FFFE and U+FFFF. */
function xmlChars(text: string): string {
  return text.replace(XML_FORBIDDEN_CHARACTERS, '');
}

/** Escapes text for XML content and attribute values, and drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return xmlChars(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** One line of at most MAX_TEXT characters, so a hostile label cannot make a kilometre-wide badge. */
function clip(text: string): string {
  const chars = [...xmlChars(text).replace(/\s+/g, ' ').trim()];
  return chars.length > MAX_TEXT ? `${chars.slice(0, MAX_TEXT - 1).join('')}…` : chars.join('');
}

/** Light backgrounds get dark text, as shields.io decides by perceived brightness. */
function textColours(background: string): { text: string; shadow: string } {
  const hex = background.replace('#', '');
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((at) => Number.parseInt(full.slice(at, at + 2), 16));
  const brightness = (r! * 299 + g! * 587 + b! * 114) / 255_000;
  return brightness <= 0.69 ? { text: '#fff', shadow: '#010101' } : { text: '#333', shadow: '#ccc' };
}

function renderText(text: string, centre: number, width: number, background: string): string {
  const { text: fill, shadow } = textColours(background);
  const content = escapeXml(text);
  // Drawn at 10× and scaled down, as shields.io does, so positions keep a decimal of precision.
  const x = centre * 10;
  const length = width * 10;
  return (
    `<text aria-hidden="true" x="${x}" y="150" fill="${shadow}" fill-opacity=".3" transform="scale(.1)" textLength="${length}">${content}</text>` +
    `<text x="${x}" y="140" transform="scale(.1)" fill="${fill}" textLength="${length}">${content}</text>`
  );
}

/**
 * An SVG badge in shields.io's flat style: "openness | 72 · Class II", coloured by score, with a `<title>`
 * and `aria-label` for screen readers. All text is XML-escaped.
 *
 * @example
 * await writeFile('openness.svg', renderBadge(await checkRelease('.')));
 */
export function renderBadge(report: CheckReport, options: BadgeOptions = {}): string {
  const score = Math.round(report.profile.score);
  const mofClass = report.profile.mof.class;
  const label = clip(options.label ?? 'openness');
  const message = `${score} · ${mofClass ? `Class ${mofClass}` : 'no class'}`;
  const colour = badgeColour(score);

  const labelWidth = textWidth(label);
  const messageWidth = textWidth(message);
  const left = labelWidth + 2 * PADDING;
  const right = messageWidth + 2 * PADDING;
  const total = left + right;
  const title = escapeXml(`${label}: ${message}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="20" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    '<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>',
    `<clipPath id="r"><rect width="${total}" height="20" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)"><rect width="${left}" height="20" fill="${LABEL_COLOUR}"/><rect x="${left}" width="${right}" height="20" fill="${colour}"/><rect width="${total}" height="20" fill="url(#s)"/></g>`,
    '<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="110">',
    // Centres as shields.io places them: the label 1px right of its box's centre, the message 1px left.
    renderText(label, 1 + PADDING + labelWidth / 2, labelWidth, LABEL_COLOUR),
    renderText(message, left - 1 + PADDING + messageWidth / 2, messageWidth, colour),
    '</g>',
    '</svg>',
  ].join('');
}
