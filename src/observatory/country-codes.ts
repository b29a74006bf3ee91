import countries from 'i18n-iso-countries';

/**
 * Spellings the sources use that i18n-iso-countries does not resolve (or resolves only by luck): UN-style
 * names with parentheses as Epoch AI writes them, and short names the Open Source AI Index writes.
 */
export const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  'united states of america': 'US',
  'united states': 'US',
  usa: 'US',
  'united kingdom of great britain and northern ireland': 'GB',
  'united kingdom': 'GB',
  uk: 'GB',
  'korea (republic of)': 'KR',
  'republic of korea': 'KR',
  'south korea': 'KR',
  "korea (democratic people's republic of)": 'KP',
  taiwan: 'TW',
  russia: 'RU',
  'russian federation': 'RU',
  iran: 'IR',
  'iran (islamic republic of)': 'IR',
  'viet nam': 'VN',
  vietnam: 'VN',
  'hong kong': 'HK',
  'hong kong sar': 'HK',
  macao: 'MO',
  czechia: 'CZ',
  'czech republic': 'CZ',
  türkiye: 'TR',
  turkey: 'TR',
  'netherlands (kingdom of the)': 'NL',
  'bolivia (plurinational state of)': 'BO',
  'venezuela (bolivarian republic of)': 'VE',
  'moldova (republic of)': 'MD',
  'lao people’s democratic republic': 'LA',
  "lao people's democratic republic": 'LA',
  'syrian arab republic': 'SY',
  'united arab emirates': 'AE',
  uae: 'AE',
};

/**
 * The ISO 3166-1 alpha-2 code of a country name as a source writes it, or null when it names no single
 * country (`Multinational`, `International`, `Undisclosed`, an unknown spelling).
 *
 * @example
 * toCountryCode('Korea (Republic of)') // 'KR'
 */
export function toCountryCode(name: string): string | null {
  const key = name.trim().replace(/\s+/g, ' ').toLowerCase();
  if (key === '') return null;
  const alias = COUNTRY_ALIASES[key];
  if (alias) return alias;
  if (/^[a-z]{2}$/.test(key) && countries.isValid(key.toUpperCase())) return key.toUpperCase();
  return countries.getAlpha2Code(name.trim(), 'en') ?? null;
}

/** Short names where the ISO English name is long or contested (on a chart axis, in a table). */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  US: 'United States',
  CN: 'China',
  TW: 'Taiwan',
  RU: 'Russia',
  IR: 'Iran',
};

/**
 * The English name of an ISO 3166-1 alpha-2 code, or null when the code is unknown: the one source of
 * every country name Aperture stores or shows (organizations.country_name, /api/countries, the
 * organization pages), so they never disagree. i18n-iso-countries' English name, with a few short names.
 *
 * @example
 * countryNameOf('KR') // 'South Korea'
 */
export function countryNameOf(code: string): string | null {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper)) return null;
  return SHORT_NAMES[upper] ?? countries.getName(upper, 'en') ?? null;
}
