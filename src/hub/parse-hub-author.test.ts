import { describe, expect, it } from 'vitest';
import { parseHubAuthor } from './parse-hub-author.ts';

describe('parseHubAuthor', () => {
  it('accepts Hub names', () => {
    expect(parseHubAuthor('example-lab')).toBe('example-lab');
    expect(parseHubAuthor('Example_Lab.v2')).toBe('Example_Lab.v2');
    expect(parseHubAuthor('x'.repeat(96))).toBe('x'.repeat(96));
  });

  it.each([
    ['', /it is empty/],
    ['../models', /use only letters/],
    ['org/name', /an author, not org\/name/],
    ['a..b', /"--" and "\.\." are not allowed/],
    ['a--b', /"--" and "\.\." are not allowed/],
    ['-lead', /starting with a letter or digit/],
    ['x'.repeat(97), /longer than 96 characters/],
    ['a b', /use only letters/],
    ['a?x=1', /use only letters/],
  ])('refuses %j with ERR_USAGE', (author, reason) => {
    expect(() => parseHubAuthor(author)).toThrow(expect.objectContaining({ code: 'ERR_USAGE' }));
    expect(() => parseHubAuthor(author)).toThrow(reason);
  });
});
