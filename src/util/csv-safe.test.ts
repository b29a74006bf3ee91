import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createSafeCsvStringifier, neutraliseCsvCell, toSafeCsv } from './csv-safe.ts';

describe('neutraliseCsvCell', () => {
  it.each(['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\t=x', '\r=x'])('prefixes %j with a quote', (cell) => {
    expect(neutraliseCsvCell(cell)).toBe(`'${cell}`);
  });

  it.each(['GPT-4', 'a=b', '', '1e21', "'already"])('leaves %j alone', (cell) => {
    expect(neutraliseCsvCell(cell)).toBe(cell);
  });
});

describe('toSafeCsv', () => {
  it('writes a header, neutralises string cells and keeps numbers as numbers', () => {
    const csv = toSafeCsv(
      [
        { name: '=HYPERLINK("http://evil","x")', delta: -3, note: null },
        { name: 'Llama, 3', delta: 4, note: '@me' },
      ],
      ['name', 'delta', 'note'],
    );
    expect(parse(csv)).toEqual([
      ['name', 'delta', 'note'],
      ['\'=HYPERLINK("http://evil","x")', '-3', ''],
      ['Llama, 3', '4', "'@me"],
    ]);
  });

  it('writes the header alone when there are no rows', () => {
    expect(toSafeCsv([], ['a', 'b']).trim()).toBe('a,b');
  });
});

describe('createSafeCsvStringifier', () => {
  it('streams rows with the same neutralisation', async () => {
    const output = await text(
      Readable.from([
        { a: '+1', b: 2 },
        { a: 'ok', b: { nested: true } },
      ]).pipe(createSafeCsvStringifier(['a', 'b'])),
    );
    expect(parse(output)).toEqual([
      ['a', 'b'],
      ["'+1", '2'],
      ['ok', '{"nested":true}'],
    ]);
  });
});
