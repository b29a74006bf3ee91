import { describe, expect, it } from 'vitest';
import { academicToIndustry, onlyLastKnown } from '../test-support/openalex-authors.ts';
import { type OpenAlexAuthor, toOpenAlexAuthor } from './openalex-author.ts';

function author(value: unknown, file = 'a.json', line = 1): OpenAlexAuthor {
  const result = toOpenAlexAuthor(value, file, line);
  if (typeof result === 'string') throw new Error(`rejected: ${result}`);
  return result;
}

describe('toOpenAlexAuthor', () => {
  it('maps an author to a person and affiliations with sorted years, ISO countries and known types', () => {
    const mapped = author(academicToIndustry);
    expect(mapped.person).toEqual({
      id: 'https://openalex.org/A5000000001',
      name: 'Ada Example',
      orcid: 'https://orcid.org/0000-0002-1825-0097',
      source: { source: 'openalex', file: 'a.json', line: 1 },
    });
    expect(mapped.affiliations.map((a) => [a.institution, a.years])).toEqual([
      [
        {
          id: 'https://openalex.org/I1000000001',
          name: 'Example University',
          type: 'education',
          country: 'DE',
        },
        [2017, 2018, 2019],
      ],
      [
        { id: 'https://openalex.org/I1000000002', name: 'Example Lab Inc.', type: 'company', country: 'US' },
        [2023, 2024],
      ],
    ]);
    expect(mapped.affiliations.every((a) => a.personId === 'https://openalex.org/A5000000001')).toBe(true);
    expect(mapped.warnings).toEqual([]);
  });

  it('falls back to last_known_institutions, normalises ids and names, and nulls unknown institution types', () => {
    const mapped = author(onlyLastKnown, 'b.json', 7);
    expect(mapped.person).toMatchObject({
      id: 'https://openalex.org/A5000000002',
      name: 'Bo Sample',
      orcid: null,
      source: { file: 'b.json', line: 7 },
    });
    expect(mapped.affiliations).toHaveLength(1);
    expect(mapped.affiliations[0]!.institution).toEqual({
      id: 'https://openalex.org/I1000000003',
      name: 'Sample Institute',
      type: null,
      country: 'FR',
    });
    expect(mapped.affiliations[0]!.years).toEqual([]);
    expect(mapped.warnings.join('\n')).toMatch(/type "funder" is not known/);
  });

  it('keeps the warnings of bad fields without rejecting the author', () => {
    const mapped = author({
      id: 'https://openalex.org/A5000000005',
      display_name: 'Cy Test',
      orcid: 'not-an-orcid',
      affiliations: [
        {
          institution: { id: 'https://openalex.org/I1', display_name: 'X', country_code: 'Germany' },
          years: [2020, 'x', 99999],
        },
        { institution: null, years: [2020] },
        'junk',
      ],
    });
    expect(mapped.person.orcid).toBeNull();
    expect(mapped.affiliations).toEqual([
      expect.objectContaining({
        institution: { id: 'https://openalex.org/I1', name: 'X', type: null, country: null },
        years: [2020],
      }),
    ]);
    expect(mapped.warnings).toHaveLength(6);
  });

  it('merges the years of one institution listed twice and keys an institution without an id by name', () => {
    const mapped = author({
      id: 'A7',
      display_name: 'Di Merge',
      affiliations: [
        { institution: { id: 'I9', display_name: 'Nine' }, years: [2021] },
        { institution: { id: 'https://openalex.org/I9', display_name: 'Nine' }, years: [2019, 2021] },
        { institution: { display_name: 'Nameless Lab' }, years: [2020] },
      ],
    });
    expect(mapped.affiliations.map((a) => [a.institution.id, a.years])).toEqual([
      ['https://openalex.org/I9', [2019, 2021]],
      ['name:Nameless Lab', [2020]],
    ]);
  });

  it.each([
    [[1], 'expected an OpenAlex author object, found a list'],
    [
      { id: '../../etc/passwd', display_name: 'x' },
      'id "../../etc/passwd" is not an OpenAlex author id (https://openalex.org/A…)',
    ],
    [{ id: 7, display_name: 'x' }, 'id a number is not an OpenAlex author id (https://openalex.org/A…)'],
    [
      { id: 'https://openalex.org/W2741809807', display_name: 'A work' },
      'https://openalex.org/W2741809807 is a work, not an author (ids start with https://openalex.org/A)',
    ],
    [{ id: 'A5000000003', display_name: '   ' }, 'https://openalex.org/A5000000003: display_name is missing'],
  ])('rejects %j: %s', (value, reason) => {
    expect(toOpenAlexAuthor(value, 'a.json', 1)).toBe(reason);
  });
});
