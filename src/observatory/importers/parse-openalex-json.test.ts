import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ApertureError } from '../../errors.ts';
import { academicToIndustry, onlyLastKnown } from '../test-support/openalex-authors.ts';
import { collectItems } from './parse-item.ts';
import { parseOpenAlexAuthors, parseOpenAlexAuthorsFile } from './parse-openalex-json.ts';

function streamOf(text: string, chunkSize = 7): Readable {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  return Readable.from(chunks);
}

describe('parseOpenAlexAuthors', () => {
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
