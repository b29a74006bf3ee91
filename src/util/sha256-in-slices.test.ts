import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EventLoopYielder } from './event-loop-yielder.ts';
import { sha256HexInSlices } from './sha256-in-slices.ts';

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

describe('sha256HexInSlices', () => {
  it('equals the digest of the bytes, or of the text as UTF-8, across slice boundaries', async () => {
    // An emoji (a surrogate pair) across the first megabyte boundary.
    const text = `${'a'.repeat(1024 * 1024 - 1)}😀${'é'.repeat(1000)}`;
    expect(await sha256HexInSlices(text, new EventLoopYielder(0))).toBe(sha256(Buffer.from(text, 'utf8')));
    const bytes = Buffer.from(text.repeat(2), 'utf8');
    expect(await sha256HexInSlices(bytes, new EventLoopYielder(0))).toBe(sha256(bytes));
    expect(await sha256HexInSlices('')).toBe(sha256(''));
  });
});
