import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256FileChunks } from './sha256-file-chunks.ts';

describe('sha256FileChunks', () => {
  it('yields each chunk read and returns the digest of the whole file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sha256-chunks-')), 'bytes.bin');
    const bytes = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251));
    writeFileSync(path, bytes);
    const chunks = sha256FileChunks(path, Buffer.allocUnsafe(4096));
    const sizes: number[] = [];
    let step = chunks.next();
    for (; !step.done; step = chunks.next()) sizes.push(step.value);
    expect(sizes).toEqual([4096, 4096, 1808]);
    expect(step.value).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('throws the read error from next()', () => {
    const chunks = sha256FileChunks('/nonexistent/aperture/file', Buffer.allocUnsafe(16));
    expect(() => chunks.next()).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
