import type { Region } from '../spec/index.ts';

/**
 * Europe as the observatory counts it: the 27 member states of the European Union (as listed at
 * https://european-union.europa.eu/principles-countries-history/eu-countries_en, since the United
 * Kingdom left on 2020-02-01), plus the United Kingdom, plus the four EFTA states (Iceland,
 * Liechtenstein, Norway, Switzerland; https://www.efta.int/about-efta/efta-member-states).
 * ISO 3166-1 alpha-2 codes.
 */
export const EUROPE_COUNTRY_CODES: ReadonlySet<string> = new Set([
  // EU-27
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  // United Kingdom
  'GB',
  // EFTA
  'IS',
  'LI',
  'NO',
  'CH',
]);

/**
 * The region of an ISO 3166-1 alpha-2 code. China means `CN` only: Hong Kong (`HK`), Macao (`MO`) and
 * Taiwan (`TW`) have their own ISO codes and Epoch lists them separately, so they count under `rest`.
 *
 * @example
 * regionOf('CH') // 'europe'
 */
export function regionOf(countryCode: string): Region {
  const code = countryCode.toUpperCase();
  if (code === 'US') return 'us';
  if (code === 'CN') return 'china';
  if (EUROPE_COUNTRY_CODES.has(code)) return 'europe';
  return 'rest';
}
