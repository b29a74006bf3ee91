import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HashResult, hashFileStreaming, hashFilesInParallel, sha256Hex } from './hash-pool.ts';

let dir: string;
/** Files by name with their content: empty, tiny, and bigger than the 4 MiB read buffer. */
const contents: Record<string, Buffer> = {
  'empty.bin': Buffer.alloc(0),
  'tiny.txt': Buffer.from('hello\n'),
  'medium.bin': randomBytes(300_000),
  'exactly-4mib.bin': randomBytes(4 * 1024 * 1024),
  'big.bin': randomBytes(9 * 1024 * 1024 + 7),
};

function expected(name: string): string {
  return createHash('sha256').update(contents[name]!).digest('hex');
}

function digestOf(result: HashResult): string {
  if (!('sha256' in result)) throw new Error(`${result.path}: ${result.error}`);
  return result.sha256;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'aperture-hash-'));
  for (const [name, bytes] of Object.entries(contents)) await writeFile(path.join(dir, name), bytes);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hashFilesInParallel', () => {
  it('gives the same digests as crypto.createHash, empty and multi-buffer files included', async () => {
    const names = Object.keys(contents);
    const results = await hashFilesInParallel(names.map((name) => ({ path: path.join(dir, name) })));
    expect(results.map(digestOf)).toEqual(names.map(expected));
    expect(expected('empty.bin')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('keeps the input order although the largest files are hashed first', async () => {
    const names = ['tiny.txt', 'empty.bin', 'big.bin', 'medium.bin', 'tiny.txt'];
    const results = await hashFilesInParallel(
      names.map((name) => ({ path: path.join(dir, name) })),
      { workers: 2 },
    );
    expect(results.map((result) => path.basename(result.path))).toEqual(names);
    expect(results.map(digestOf)).toEqual(names.map(expected));
  });

  it('hashes the largest file first', async () => {
    const names = ['tiny.txt', 'medium.bin', 'big.bin'];
    const progress: number[] = [];
    await hashFilesInParallel(
      names.map((name) => ({ path: path.join(dir, name) })),
      { workers: 1, onProgress: (bytes) => progress.push(bytes) },
    );
    // One thread: the first chunk is big.bin's first MiB, the last ones medium.bin's tail and tiny.txt.
    expect(progress[0]).toBe(1024 * 1024);
    expect(progress.at(-1)).toBe(contents['tiny.txt']!.length);
  });

  it('uses given sizes only to order the work, never to judge the file', async () => {
    const names = ['medium.bin', 'big.bin'];
    const results = await hashFilesInParallel(
      names.map((name) => ({ path: path.join(dir, name), size: 1 })),
      { workers: 2 },
    );
    expect(results.map(digestOf)).toEqual(names.map(expected));
  });

  it('reports a missing file as an error result and hashes the others', async () => {
    const jobs = [
      { path: path.join(dir, 'tiny.txt') },
      { path: path.join(dir, 'missing.bin') },
      { path: path.join(dir, 'big.bin') },
    ];
    const results = await hashFilesInParallel(jobs, { workers: 2 });
    expect(results[0]).toEqual({ path: jobs[0]!.path, sha256: expected('tiny.txt') });
    expect(results[1]).toEqual({ path: jobs[1]!.path, error: 'ENOENT' });
    expect(results[2]).toEqual({ path: jobs[2]!.path, sha256: expected('big.bin') });
  });

  it('reports a folder given as a file as an error result', async () => {
    const results = await hashFilesInParallel([{ path: dir }, { path: path.join(dir, 'tiny.txt') }]);
    expect(results[0]).toEqual({ path: dir, error: 'EISDIR' });
    expect(digestOf(results[1]!)).toBe(expected('tiny.txt'));
  });

  it('reports progress that sums to the total bytes', async () => {
    const names = Object.keys(contents);
    let done = 0;
    await hashFilesInParallel(
      names.map((name) => ({ path: path.join(dir, name) })),
      { workers: 2, onProgress: (bytes) => (done += bytes) },
    );
    expect(done).toBe(names.reduce((sum, name) => sum + contents[name]!.length, 0));
  });

  it('works with one worker, and with more workers than files', async () => {
    const names = ['big.bin', 'tiny.txt', 'medium.bin'];
    const jobs = names.map((name) => ({ path: path.join(dir, name) }));
    expect((await hashFilesInParallel(jobs, { workers: 1 })).map(digestOf)).toEqual(names.map(expected));
    expect((await hashFilesInParallel(jobs, { workers: 8 })).map(digestOf)).toEqual(names.map(expected));
  });

  it('hashes a single file on the calling thread, with progress', async () => {
    let done = 0;
    const [result] = await hashFilesInParallel([{ path: path.join(dir, 'big.bin') }], {
      workers: 1,
      onProgress: (bytes) => (done += bytes),
    });
    expect(digestOf(result!)).toBe(expected('big.bin'));
    expect(done).toBe(contents['big.bin']!.length);
  });

  it('returns nothing for no jobs', async () => {
    expect(await hashFilesInParallel([])).toEqual([]);
  });
});

describe('hashFileStreaming', () => {
  it('matches crypto.createHash and reports a missing file as an error result', async () => {
    expect(digestOf(await hashFileStreaming(path.join(dir, 'medium.bin')))).toBe(expected('medium.bin'));
    expect(await hashFileStreaming(path.join(dir, 'nope'))).toEqual({
      path: path.join(dir, 'nope'),
      error: 'ENOENT',
    });
  });
});

describe('sha256Hex', () => {
  it('hashes strings and bytes alike', () => {
    expect(sha256Hex('hello\n')).toBe(expected('tiny.txt'));
    expect(sha256Hex(contents['tiny.txt']!)).toBe(expected('tiny.txt'));
  });
});
