import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ApertureError } from '../../errors.ts';
import { collectItems } from './parse-item.ts';
import { parseOpenAlexAuthors, parseOpenAlexAuthorsFile, parseOpenAlexWorks } from './parse-openalex-json.ts';

// Fictional authors in the OpenAlex author object format (https://docs.openalex.org/api-entities/authors/author-object).
const academicToIndustry = {
  id: 'https://openalex.org/A5000000001',
  orcid: 'https://orcid.org/0000-0002-1825-0097',
  display_name: 'Ada Example',
  works_count: 42,
  affiliations: [
    {
      institution: {
        id: 'https://openalex.org/I1000000001',
        ror: 'https://ror.org/000000001',
        display_name: 'Example University',
        country_code: 'de',
        type: 'education',
        lineage: ['https://openalex.org/I1000000001'],
      },
      years: [2019, 2017, 2018],
    },
    {
      institution: {
        id: 'https://openalex.org/I1000000002',
        ror: 'https://ror.org/000000002',
        display_name: 'Example Lab Inc.',
        country_code: 'US',
        type: 'company',
      },
      years: [2023, 2024],
    },
  ],
  last_known_institutions: [
    {
      id: 'https://openalex.org/I1000000002',
      display_name: 'Example Lab Inc.',
      country_code: 'US',
      type: 'company',
    },
  ],
};

const onlyLastKnown = {
  id: 'A5000000002',
  orcid: null,
  display_name: '  Bo   Sample ',
  affiliations: [],
  last_known_institutions: [
    {
      id: 'https://openalex.org/I1000000003',
      display_name: 'Sample Institute',
      country_code: 'FR',
      type: 'funder',
    },
  ],
};

function streamOf(text: string, chunkSize = 7): Readable {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  return Readable.from(chunks);
}

describe('parseOpenAlexAuthors', () => {
  it('maps an author to a person and affiliations with sorted years, ISO countries and known types', async () => {
    const { records, rejected } = await collectItems(
      parseOpenAlexAuthors(JSON.stringify(academicToIndustry, null, 2), { file: 'a.json' }),
    );
    expect(rejected).toEqual([]);
    expect(records).toHaveLength(1);
    const [author] = records;
    expect(author!.person).toEqual({
      id: 'https://openalex.org/A5000000001',
      name: 'Ada Example',
      orcid: 'https://orcid.org/0000-0002-1825-0097',
      source: { source: 'openalex', file: 'a.json', line: 1 },
    });
    expect(author!.affiliations.map((a) => [a.institution, a.years])).toEqual([
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
    expect(author!.affiliations.every((a) => a.personId === 'https://openalex.org/A5000000001')).toBe(true);
    expect(author!.warnings).toEqual([]);
  });

  it('falls back to last_known_institutions, normalises ids and names, and nulls unknown institution types', async () => {
    const { records } = await collectItems(
      parseOpenAlexAuthors(JSON.stringify(onlyLastKnown), { file: 'b.json' }),
    );
    const [author] = records;
    expect(author!.person.id).toBe('https://openalex.org/A5000000002');
    expect(author!.person.name).toBe('Bo Sample');
    expect(author!.person.orcid).toBeNull();
    expect(author!.affiliations).toHaveLength(1);
    expect(author!.affiliations[0]!.institution).toEqual({
      id: 'https://openalex.org/I1000000003',
      name: 'Sample Institute',
      type: null,
      country: 'FR',
    });
    expect(author!.affiliations[0]!.years).toEqual([]);
    expect(author!.warnings.join('\n')).toMatch(/type "funder" is not known/);
  });

  it('reads an API list page and rejects bad results by index at line 1', async () => {
    const page = {
      meta: { count: 4, db_response_time_ms: 12, page: 1, per_page: 25 },
      results: [
        academicToIndustry,
        { id: 'https://openalex.org/W2741809807', display_name: 'A work, not an author', authorships: [] },
        { id: 'https://openalex.org/A5000000003' },
        onlyLastKnown,
      ],
      group_by: [],
    };
    const { records, rejected } = await collectItems(
      parseOpenAlexAuthors(streamOf(JSON.stringify(page, null, 2)), { file: 'page.json' }),
    );
    expect(records.map((r) => r.person.id)).toEqual([
      'https://openalex.org/A5000000001',
      'https://openalex.org/A5000000002',
    ]);
    expect(rejected).toEqual([
      {
        kind: 'rejected',
        file: 'page.json',
        line: 1,
        reason: expect.stringMatching(/^results\[1\]: .*W2741809807 is a work, not an author/),
      },
      {
        kind: 'rejected',
        file: 'page.json',
        line: 1,
        reason: 'results[2]: https://openalex.org/A5000000003: display_name is missing',
      },
    ]);
  });

  it('streams JSON Lines and rejects bad lines with their line numbers', async () => {
    const lines = [
      JSON.stringify(academicToIndustry),
      '',
      '{"id": "https://openalex.org/A5000000009", "display_name": ', // truncated
      JSON.stringify([1, 2]),
      JSON.stringify(onlyLastKnown),
      JSON.stringify({ id: '../../etc/passwd', display_name: 'x' }),
    ].join('\n');
    const { records, rejected } = await collectItems(
      parseOpenAlexAuthors(streamOf(lines, 5), { file: 'a.jsonl' }),
    );
    expect(records.map((r) => [r.person.id, r.person.source.line])).toEqual([
      ['https://openalex.org/A5000000001', 1],
      ['https://openalex.org/A5000000002', 5],
    ]);
    expect(rejected.map((r) => [r.line, r.reason.slice(0, 60)])).toEqual([
      [3, expect.stringMatching(/^not JSON/)],
      [4, '[0]: expected an OpenAlex author object, found a number'],
      [4, '[1]: expected an OpenAlex author object, found a number'],
      [6, expect.stringMatching(/is not an OpenAlex author id/)],
    ]);
  });

  it('keeps streaming JSON Lines whose first line is broken', async () => {
    const lines = ['{"id": oops', JSON.stringify(academicToIndustry), JSON.stringify(onlyLastKnown)].join(
      '\n',
    );
    const { records, rejected } = await collectItems(parseOpenAlexAuthors(lines, { file: 'c.jsonl' }));
    expect(records.map((r) => r.person.source.line)).toEqual([2, 3]);
    expect(rejected.map((r) => r.line)).toEqual([1]);
  });

  it('rejects a line that is not UTF-8 and a line over the line limit, and reads on', async () => {
    const good = Buffer.from(`${JSON.stringify(onlyLastKnown)}\n`);
    const bad = Buffer.concat([
      Buffer.from('{"id": "A5000000004", "display_name": "'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}\n'),
    ]);
    const long = Buffer.from(`${JSON.stringify({ ...academicToIndustry, padding: 'x'.repeat(5000) })}\n`);
    const { records, rejected } = await collectItems(
      parseOpenAlexAuthors(Readable.from([good, bad, long, good]), {
        file: 'd.jsonl',
        limits: { maxLineBytes: 2000 },
      }),
    );
    expect(records.map((r) => r.person.source.line)).toEqual([1, 4]);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, 'the line is not valid UTF-8'],
      [3, expect.stringMatching(/^the line is 5.\d\d KiB, over the 1.95 KiB limit$/)],
    ]);
  });

  it('keeps the warnings of bad fields without rejecting the author', async () => {
    const author = {
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
    };
    const { records } = await collectItems(parseOpenAlexAuthors(JSON.stringify(author), { file: 'e.json' }));
    expect(records[0]!.person.orcid).toBeNull();
    expect(records[0]!.affiliations).toEqual([
      expect.objectContaining({
        institution: { id: 'https://openalex.org/I1', name: 'X', type: null, country: null },
        years: [2020],
      }),
    ]);
    expect(records[0]!.warnings).toHaveLength(6);
  });

  it('throws typed errors only for unreadable inputs', async () => {
    const fail = (input: string | Readable, limits = {}) =>
      collectItems(parseOpenAlexAuthors(input, { file: 'f.json', limits })).then(
        () => null,
        (error: unknown) => error as ApertureError,
      );
    expect((await fail(''))?.code).toBe('ERR_UNREADABLE');
    expect((await fail('{\n  "id": "A1",\n  oops\n}'))?.code).toBe('ERR_UNREADABLE');
    expect((await fail(JSON.stringify(academicToIndustry, null, 2), { maxDocumentBytes: 100 }))?.code).toBe(
      'ERR_TOO_LARGE',
    );
    expect((await fail(JSON.stringify(academicToIndustry), { maxDocumentBytes: 100 }))?.code).toBe(
      'ERR_TOO_LARGE',
    );
    const notUtf8 = Readable.from([
      Buffer.from('{\n "display_name": "'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"\n}'),
    ]);
    const error = await fail(notUtf8);
    expect(error).toBeInstanceOf(ApertureError);
    expect(error?.code).toBe('ERR_NOT_UTF8');
  });

  it('reads a file and refuses a missing one', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'openalex-'));
    const file = path.join(dir, 'authors.jsonl');
    writeFileSync(file, `\uFEFF${JSON.stringify(academicToIndustry)}\n${JSON.stringify(onlyLastKnown)}\n`);
    const { records } = await collectItems(parseOpenAlexAuthorsFile(file));
    expect(records.map((r) => r.person.source.file)).toEqual([file, file]);
    await expect(
      collectItems(parseOpenAlexAuthorsFile(path.join(dir, 'missing.json'))),
    ).rejects.toMatchObject({
      code: 'ERR_NOT_FOUND',
    });
  });
});

describe('parseOpenAlexWorks', () => {
  // A fictional work in the OpenAlex work object format (authorships with author and institutions).
  const work = {
    id: 'https://openalex.org/W4000000001',
    title: 'An example paper',
    publication_year: 2024,
    authorships: [
      {
        author_position: 'first',
        author: { id: 'https://openalex.org/A5000000001', display_name: 'Ada Example', orcid: null },
        institutions: [
          {
            id: 'https://openalex.org/I1000000002',
            display_name: 'Example Lab Inc.',
            country_code: 'US',
            type: 'company',
          },
        ],
        countries: ['US'],
        raw_affiliation_strings: ['Example Lab Inc., Somewhere'],
      },
      { author_position: 'last', author: { id: null, display_name: 'Unmatched Author' }, institutions: [] },
    ],
  };

  it('turns authorships into authors dated by the publication year and rejects non-works', async () => {
    const lines = [
      JSON.stringify(work),
      JSON.stringify({ id: 'https://openalex.org/A5000000001', display_name: 'x' }),
    ];
    const { records, rejected } = await collectItems(
      parseOpenAlexWorks(lines.join('\n'), { file: 'w.jsonl' }),
    );
    expect(records).toHaveLength(1);
    expect(records[0]!.person).toMatchObject({ id: 'https://openalex.org/A5000000001', name: 'Ada Example' });
    expect(records[0]!.affiliations).toEqual([
      expect.objectContaining({
        institution: {
          id: 'https://openalex.org/I1000000002',
          name: 'Example Lab Inc.',
          type: 'company',
          country: 'US',
        },
        years: [2024],
      }),
    ]);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, expect.stringMatching(/not an OpenAlex work id/)],
    ]);
  });
});
