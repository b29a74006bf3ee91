import { describe, expect, it } from 'vitest';
import { resolveFileFormat } from './resolve-file-format.ts';

describe('resolveFileFormat', () => {
  it('takes --format when given', () => {
    expect(resolveFileFormat('items.jsonl', 'csv')).toBe('csv');
    expect(resolveFileFormat('items.csv', 'jsonl')).toBe('jsonl');
  });

  it('reads JSON Lines from .jsonl and .json in any case, CSV from anything else', () => {
    expect(resolveFileFormat('items.jsonl', undefined)).toBe('jsonl');
    expect(resolveFileFormat('ITEMS.JSON', undefined)).toBe('jsonl');
    expect(resolveFileFormat('items.csv', undefined)).toBe('csv');
    expect(resolveFileFormat('items', undefined)).toBe('csv');
  });

  it('refuses another --format as a usage error', () => {
    expect(() => resolveFileFormat('items.csv', 'xml')).toThrow(
      expect.objectContaining({ code: 'ERR_USAGE', message: '--format takes csv or jsonl, not "xml"' }),
    );
  });
});
