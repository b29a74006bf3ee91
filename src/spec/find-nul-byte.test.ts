import { describe, expect, it } from 'vitest';
import { findNulByte, nulPathText } from './find-nul-byte.ts';

describe('findNulByte', () => {
  it('finds the first string holding U+0000, in document order', () => {
    expect(findNulByte('a\u0000')).toEqual([]);
    expect(findNulByte({ title: 'ok', rounds: [{ name: 'r1' }, { name: 'r\u00002' }] })).toEqual([
      'rounds',
      1,
      'name',
    ]);
    expect(findNulByte({ a: ['\u0000'], b: '\u0000' })).toEqual(['a', 0]);
    expect(findNulByte([[['x', '\u0000']]])).toEqual([0, 0, 1]);
  });

  it('walks dictionaries that are not plain objects, like a parsed query string', () => {
    // fast-querystring's result: an object whose prototype is an object without a prototype.
    const query: Record<string, string> = Object.create(Object.create(null));
    query.q = '\u0000';
    expect(findNulByte(query)).toEqual(['q']);
    expect(findNulByte(Object.assign(Object.create(null), { a: 'x\u0000' }))).toEqual(['a']);
  });

  it('names a key holding U+0000', () => {
    expect(findNulByte({ outer: { 'k\u0000': 'v' } })).toEqual(['outer', 'k\u0000']);
  });

  it('finds none in clean data, numbers, Buffers and Dates', () => {
    expect(findNulByte({ a: 'text', b: [1, true, null, undefined], c: { d: '\\u0000' } })).toBeUndefined();
    expect(findNulByte(Buffer.from([0, 0, 0]))).toBeUndefined();
    expect(findNulByte(new Date(0))).toBeUndefined();
    expect(findNulByte(undefined)).toBeUndefined();
  });

  it('walks data nested deeper than the call stack allows', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findNulByte(deep)).toHaveLength(100_000);
  });
});

describe('nulPathText', () => {
  it('joins the path with dots and shows NUL in a key as \\0', () => {
    expect(nulPathText(['rounds', 0, 'name'])).toBe('rounds.0.name');
    expect(nulPathText(['q\u0000'])).toBe('q\\0');
    expect(nulPathText([], 'body')).toBe('body');
  });
});
