import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isRecord } from '../../util/index.ts';
import { type EntityReader, readOpenAlexJson } from './openalex-json-stream.ts';
import { collectItems } from './parse-item.ts';

/** A reader for the tests: an object with a string `id` gives that id with its line, anything else is refused. */
const readIds: EntityReader<string> = (value, _file, line) =>
  isRecord(value) && typeof value.id === 'string' ? [`${value.id}@${line}`] : 'no id';

function read(input: string | Readable, limits = {}) {
  return collectItems(readOpenAlexJson(input, { file: 'f.json', limits }, readIds, 'a test entity'));
}

function failure(input: string | Readable, limits = {}) {
  return read(input, limits).then(
    () => null,
    (error: unknown) => error as { code: string; message: string },
  );
}

describe('readOpenAlexJson', () => {
  it('reads an API page, a plain list and one entity, pretty-printed or compact, all at line 1', async () => {
    const page = { meta: { count: 2 }, results: [{ id: 'a' }, { x: 1 }, { id: 'b' }] };
    for (const text of [JSON.stringify(page), JSON.stringify(page, null, 2)]) {
      const { records, rejected } = await read(text);
      expect(records).toEqual(['a@1', 'b@1']);
      expect(rejected.map((r) => [r.line, r.reason])).toEqual([[1, 'results[1]: no id']]);
    }
    expect((await read(JSON.stringify([{ id: 'a' }, 2], null, 2))).rejected[0]!.reason).toBe('[1]: no id');
    expect((await read(`\uFEFF${JSON.stringify({ id: 'solo' }, null, 2)}`)).records).toEqual(['solo@1']);
    expect((await read('{"results": 3}')).rejected[0]!.reason).toBe(
      'results: expected a list, found a number',
    );
  });

  it('streams JSON Lines in chunks with line numbers, skipping blank lines', async () => {
    const text = ['{"id": "a"}', '', '{"id": "b"', '{"id": "c"}'].join('\n');
    const chunks = [...Buffer.from(text)].map((byte) => Buffer.from([byte]));
    const { records, rejected } = await read(Readable.from(chunks));
    expect(records).toEqual(['a@1', 'c@4']);
    expect(rejected.map((r) => [r.line, r.reason.slice(0, 8)])).toEqual([[3, 'not JSON']]);
  });

  it('keeps streaming JSON Lines whose first line is broken', async () => {
    const { records, rejected } = await read('{"id": oops\n{"id": "b"}\n{"id": "c"}');
    expect(records).toEqual(['b@2', 'c@3']);
    expect(rejected.map((r) => r.line)).toEqual([1]);
  });

  it('rejects a line that is not UTF-8 or over the line limit, and reads on', async () => {
    const lines = [
      Buffer.from('{"id": "a"}\n'),
      Buffer.concat([Buffer.from('{"id": "'), Buffer.from([0xff]), Buffer.from('"}\n')]),
      Buffer.from(`{"id": "${'x'.repeat(3000)}"}\n`),
      Buffer.from('{"id": "d"}\n'),
    ];
    const { records, rejected } = await read(Readable.from(lines), { maxLineBytes: 2000 });
    expect(records).toEqual(['a@1', 'd@4']);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, 'the line is not valid UTF-8'],
      [3, expect.stringMatching(/^the line is 2.9\d KiB, over the 1.95 KiB limit$/)],
    ]);
  });

  it('throws typed errors only when the input as a whole cannot be read', async () => {
    expect(await failure('')).toMatchObject({
      code: 'ERR_UNREADABLE',
      message: 'f.json: the input is empty',
    });
    expect(await failure('{\n  "id": "a",\n  oops\n}')).toMatchObject({
      code: 'ERR_UNREADABLE',
      message: expect.stringMatching(/expected a test entity, an API page/),
    });
    const pretty = JSON.stringify({ id: 'a', padding: 'x'.repeat(200) }, null, 2);
    expect((await failure(pretty, { maxDocumentBytes: 100 }))?.code).toBe('ERR_TOO_LARGE');
    expect((await failure(pretty.replace(/\n\s*/g, ''), { maxDocumentBytes: 100 }))?.code).toBe(
      'ERR_TOO_LARGE',
    );
    const notUtf8 = Readable.from([
      Buffer.from('{\n "id": "'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"\n}'),
    ]);
    expect((await failure(notUtf8))?.code).toBe('ERR_NOT_UTF8');
    const broken = new Readable({
      read() {
        this.destroy(new Error('disk on fire'));
      },
    });
    expect(await failure(broken)).toMatchObject({
      code: 'ERR_UNREADABLE',
      message: 'f.json: cannot read: disk on fire',
    });
  });
});
