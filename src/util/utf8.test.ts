import { describe, expect, it } from 'vitest';
import { isUtf8Text } from './utf8.ts';

/** What isUtf8Text must agree with: a strict decode succeeds and no NUL byte is present. */
function decodesStrictly(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !bytes.includes(0);
  } catch {
    return false;
  }
}

describe('isUtf8Text', () => {
  it.each([
    ['ASCII', [0x61, 0x62, 0x0a]],
    ['a BOM', [0xef, 0xbb, 0xbf, 0x61]],
    ['a two-byte character', [0xc3, 0xa9]],
    ['an emoji', [0xf0, 0x9f, 0x98, 0x80]],
    ['a NUL byte', [0x61, 0x00, 0x62]],
    ['a lone continuation byte', [0x80]],
    ['an overlong slash', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a cut-off character', [0x61, 0xe2, 0x82]],
    ['Latin-1', [0x63, 0x61, 0x66, 0xe9]],
    ['nothing', []],
  ])('judges %s as a strict decode does', (_name, bytes) => {
    const array = Uint8Array.from(bytes);
    expect(isUtf8Text(array)).toBe(decodesStrictly(array));
  });

  it('judges a view into a larger buffer by its own bytes', () => {
    const buffer = Buffer.from([0xff, 0x61, 0x62, 0xff]);
    expect(isUtf8Text(buffer.subarray(1, 3))).toBe(true);
    expect(isUtf8Text(buffer)).toBe(false);
  });
});
