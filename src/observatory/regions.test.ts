import { describe, expect, it } from 'vitest';
import { REGION_LABELS } from '../spec/index.ts';
import { toCountryCode } from './country-codes.ts';
import { EUROPE_COUNTRY_CODES, regionOf } from './regions.ts';

describe('regionOf', () => {
  it('Europe is the EU-27, the United Kingdom and the four EFTA states: 32 codes', () => {
    expect(EUROPE_COUNTRY_CODES.size).toBe(32);
    for (const code of ['DE', 'FR', 'GB', 'CH', 'NO', 'IS', 'LI', 'CZ', 'IE'])
      expect(regionOf(code), code).toBe('europe');
    for (const code of ['RU', 'TR', 'UA', 'RS']) expect(regionOf(code), code).toBe('rest');
  });

  it('labels each region by what it counts: Europe names the UK and EFTA, never "EU 27" alone', () => {
    // The definition holds the UK and EFTA states, so a label of the EU alone would misname it.
    expect(regionOf('GB')).toBe('europe');
    expect(regionOf('CH')).toBe('europe');
    expect(REGION_LABELS.europe).toMatch(/UK/);
    expect(REGION_LABELS.europe).toMatch(/EFTA/);
    expect(REGION_LABELS.europe).not.toMatch(/^Europe \(EU 27\)$/);
    // China is CN only: Hong Kong and Taiwan count under rest, so the label says mainland.
    expect(regionOf('HK')).toBe('rest');
    expect(REGION_LABELS.china).toMatch(/mainland/);
  });

  it('China is CN only; Hong Kong and Taiwan count under rest', () => {
    expect(regionOf('CN')).toBe('china');
    expect(regionOf('hk')).toBe('rest');
    expect(regionOf('TW')).toBe('rest');
    expect(regionOf('US')).toBe('us');
  });
});

describe('toCountryCode', () => {
  it('reads the spellings of Epoch and the Open Source AI Index', () => {
    const cases: Record<string, string> = {
      'United States of America': 'US',
      'United States': 'US',
      'Korea (Republic of)': 'KR',
      Taiwan: 'TW',
      Russia: 'RU',
      Iran: 'IR',
      'Iran (Islamic Republic of)': 'IR',
      'Viet Nam': 'VN',
      'Hong Kong': 'HK',
      'United Kingdom of Great Britain and Northern Ireland': 'GB',
      ' Germany ': 'DE',
      Switzerland: 'CH',
    };
    for (const [name, code] of Object.entries(cases)) expect(toCountryCode(name), name).toBe(code);
  });

  it('names that are no single country give null', () => {
    for (const name of ['Multinational', 'International', 'Undisclosed', '', 'Atlantis'])
      expect(toCountryCode(name)).toBeNull();
  });
});
