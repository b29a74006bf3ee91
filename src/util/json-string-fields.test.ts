import { describe, expect, it } from 'vitest';
import { countTurnsDuring } from '../../test/support/event-loop-turns.ts';
import { EventLoopYielder } from './event-loop-yielder.ts';
import { readJsonStringFields } from './json-string-fields.ts';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** The bytes in chunks of `size` (one chunk when 0). */
function chunks(bytes: Buffer, size = 0): Buffer[] {
  if (size === 0) return [bytes];
  return Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
    bytes.subarray(i * size, (i + 1) * size),
  );
}

/** Every character outside printable ASCII as a \uXXXX escape (what some JSON writers produce). */
function escapeAll(json: string): string {
  return json.replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const SAMPLES = [
  { format: 'csv', predictions: 'id,prediction\nq1,yes\n', task: 'main' },
  { predictions: 'tab\there, quote " backslash \\ slash / \b\f\r\n control \u0001 \u001f' },
  { predictions: 'é ü ß 中文 😀 🎉 \u2028\u2029 end', format: 'jsonl' },
  { a: '', b: '""', 'key with spaces': 'v', 'ünïcödé key': '😀' },
  {},
];

describe('readJsonStringFields', () => {
  it('decodes what JSON.parse decodes, however the bytes are cut', async () => {
    for (const sample of SAMPLES) {
      for (const json of [
        JSON.stringify(sample),
        JSON.stringify(sample, null, 2),
        escapeAll(JSON.stringify(sample)),
      ]) {
        for (const size of [0, 1, 2, 3, 5, 7, 64]) {
          const read = await readJsonStringFields(chunks(utf8(json), size), { maxBytes: 1 << 20 });
          expect(read, `${json} in chunks of ${size}`).toEqual({ ok: true, fields: JSON.parse(json) });
        }
      }
    }
  });

  it('decodes escaped surrogate pairs, and an unpaired surrogate as U+FFFD', async () => {
    const read = await readJsonStringFields([utf8('{"p":"\\ud83d\\ude00 \\ud83d x \\ude00"}')], {
      maxBytes: 100,
    });
    expect(read).toEqual({ ok: true, fields: { p: '😀 \ufffd x \ufffd' } });
  });

  it('replaces invalid UTF-8 with U+FFFD, as a body read as text would', async () => {
    const bytes = Buffer.concat([utf8('{"p":"a'), Buffer.from([0xff, 0xfe]), utf8('b"}')]);
    expect(await readJsonStringFields(chunks(bytes, 1), { maxBytes: 100 })).toEqual({
      ok: true,
      fields: { p: 'a\ufffd\ufffdb' },
    });
  });

  it('keeps a __proto__ field as data', async () => {
    const read = await readJsonStringFields([utf8('{"__proto__":"x","a":"b"}')], { maxBytes: 100 });
    expect(read.ok && Object.keys(read.fields)).toEqual(['__proto__', 'a']);
    expect(read.ok && Object.getPrototypeOf(read.fields)).toBe(Object.prototype);
  });

  it('refuses what is not an object of strings, naming the field when one is to blame', async () => {
    const refused = async (text: string) => readJsonStringFields(chunks(utf8(text), 3), { maxBytes: 1000 });
    expect(await refused('{"format":"csv","predictions":5}')).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'invalid body field predictions: expected a string',
      field: 'predictions',
    });
    expect(await refused('{"a":"1","a":"2"}')).toMatchObject({ reason: 'invalid', field: 'a' });
    for (const text of [
      '',
      '[]',
      '"x"',
      '{"a":"1"',
      '{"a":"1"} x',
      '{"a":"1",}',
      '{"a" "1"}',
      '{a:"1"}',
      '{"a":"raw\nline"}',
      '{"a":"\\x"}',
      '{"a":"\\u12g4"}',
      `{"${'k'.repeat(65)}":"v"}`,
      `{${Array.from({ length: 17 }, (_, i) => `"k${i}":"v"`).join(',')}}`,
    ])
      expect(await refused(text), JSON.stringify(text)).toMatchObject({
        ok: false,
        reason: 'invalid',
        message: expect.stringMatching(/^the body is not valid JSON: /),
      });
  });

  it('stops reading past maxBytes', async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield utf8(i === 0 ? '{"p":"' : 'x'.repeat(100));
      }
    }
    expect(await readJsonStringFields(source(), { maxBytes: 1000 })).toMatchObject({
      ok: false,
      reason: 'too-large',
    });
    expect(pulled).toBeLessThan(15);
  });

  it('gives the event loop turns while it decodes a large body', async () => {
    const body = utf8(JSON.stringify({ predictions: 'q,yes\n'.repeat(200_000) }));
    const { value: read, turns } = await countTurnsDuring(() =>
      readJsonStringFields([body], { maxBytes: body.length }, new EventLoopYielder(0)),
    );
    expect(read.ok).toBe(true);
    // One slice of 256 KB at a time: the 1.4 MB body leaves the loop at least four turns.
    expect(turns).toBeGreaterThanOrEqual(4);
  });
});
