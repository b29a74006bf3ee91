/** The two Epoch AI samples under `../shared/data/epoch` and the name of their country column. */
export const EPOCH_SAMPLES = [
  { name: 'notable_ai_models.2024-12.csv', countryColumn: 'Country (from Organization)' },
  { name: 'notable_ai_models.2025-05.head80.csv', countryColumn: 'Country (of organization)' },
] as const;

/**
 * Written by hand, independently of the importer's alias table: every country name that occurs in the
 * two Epoch samples and its ISO 3166-1 alpha-2 code (checked against the ISO list). Tests that count
 * independently fail on a name missing here, so a new spelling cannot slip through unmapped.
 */
export const HAND_CODES: Readonly<Record<string, string>> = {
  'United States of America': 'US',
  China: 'CN',
  'United Kingdom of Great Britain and Northern Ireland': 'GB',
  Canada: 'CA',
  Germany: 'DE',
  France: 'FR',
  'Korea (Republic of)': 'KR',
  Switzerland: 'CH',
  Japan: 'JP',
  'Hong Kong': 'HK',
  Israel: 'IL',
  Singapore: 'SG',
  Australia: 'AU',
  Netherlands: 'NL',
  Czechia: 'CZ',
  Finland: 'FI',
  Austria: 'AT',
  India: 'IN',
  'United Arab Emirates': 'AE',
  Belgium: 'BE',
  Poland: 'PL',
  'Saudi Arabia': 'SA',
  Sweden: 'SE',
  Spain: 'ES',
  Taiwan: 'TW',
  Ireland: 'IE',
  'Iran (Islamic Republic of)': 'IR',
  Italy: 'IT',
  Norway: 'NO',
  Russia: 'RU',
  Argentina: 'AR',
};
