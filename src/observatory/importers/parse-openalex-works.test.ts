import { describe, expect, it } from 'vitest';
import { invertedIndexOf, WORKS } from '../test-support/openalex-works.ts';
import { abstractText } from './abstract-text.ts';
import { collectItems } from './parse-item.ts';
import { parseOpenAlexWorks } from './parse-openalex-works.ts';

describe('abstractText', () => {
  it('rebuilds the words in position order, repeated words included', () => {
    expect(abstractText({ the: [0, 3], Qwen: [1], beats: [2], baseline: [4] })).toBe(
      'the Qwen beats the baseline',
    );
    expect(abstractText(invertedIndexOf('a b a c'))).toBe('a b a c');
    expect(abstractText(null)).toBeNull();
    expect(abstractText({})).toBeNull();
  });

  it.each([
    [[1, 2], 'not an object'],
    [{ word: 3 }, 'is not a list'],
    [{ word: [-1] }, 'not a word position'],
    [{ word: [1.5] }, 'not a word position'],
    [{ word: [10_000_000] }, 'not a word position'],
    [{ word: ['0'] }, 'not a word position'],
  ])('refuses %j', (index, problem) => {
    const result = abstractText(index);
    expect(result).toMatchObject({ problem: expect.stringContaining(problem) });
  });
});

describe('parseOpenAlexWorks', () => {
  it('reads an API page: title, year, DOI URL and the families, without the abstract', async () => {
    const page = JSON.stringify({ meta: { count: WORKS.length, page: 1, per_page: 25 }, results: WORKS });
    const { records, rejected } = await collectItems(parseOpenAlexWorks(page, { file: 'page.json' }));
    expect(rejected).toEqual([]);
    expect(records).toHaveLength(WORKS.length);
    const second = records[1]!.work;
    expect(second).toMatchObject({
      id: 'https://openalex.org/W4000000002',
      title: 'Legal reasoning with small models',
      year: 2023,
      url: 'https://doi.org/10.99999/w4000000002',
      mentions: [
        { family: 'llama', origin: 'US', rule: 'base-model:abstract' },
        { family: 'qwen', origin: 'CN', rule: 'baseline:abstract' },
      ],
    });
    expect(JSON.stringify(records)).not.toContain('legal benchmark');
    expect(records[4]!.work.mentions).toEqual([
      { family: 'mistral', origin: 'FR', rule: 'base-model:title' },
    ]);
    expect(records[5]!.work.mentions).toEqual([]);
  });

  it('streams JSON Lines and rejects a work without a work id, an author id, and a broken line', async () => {
    const lines = [
      JSON.stringify(WORKS[0]),
      JSON.stringify({ title: 'no id' }),
      JSON.stringify({ id: 'https://openalex.org/A123', title: 'an author' }),
      '{"id": "https://openalex.org/W9", "title": ',
      JSON.stringify({
        id: 'W12',
        display_name: 'Only a display name',
        publication_year: 'soon',
        publication_date: '2022-03-04',
      }),
    ].join('\n');
    const { records, rejected } = await collectItems(parseOpenAlexWorks(lines, { file: 'works.jsonl' }));
    expect(records.map((record) => record.work.id)).toEqual([
      'https://openalex.org/W4000000001',
      'https://openalex.org/W12',
    ]);
    expect(records[1]).toMatchObject({
      work: { title: 'Only a display name', year: 2022, url: 'https://openalex.org/W12' },
      warnings: ['publication_year "soon" is not a year'],
    });
    expect(rejected.map((row) => [row.line, row.reason])).toEqual([
      [2, 'no id (an OpenAlex work id is https://openalex.org/W…)'],
      [3, 'id "https://openalex.org/A123" is not an OpenAlex work id (https://openalex.org/W…)'],
      [4, expect.stringMatching(/^not JSON/)],
    ]);
  });

  it('keeps a work whose abstract index is malformed, with a warning and its title only', async () => {
    const bad = { ...WORKS[1], abstract_inverted_index: { Qwen: 'everywhere' } };
    const { records } = await collectItems(parseOpenAlexWorks(JSON.stringify(bad), { file: 'one.json' }));
    expect(records[0]!.work.mentions).toEqual([]);
    expect(records[0]!.warnings[0]).toContain('is not a list');
  });
});
