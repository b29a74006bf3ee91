import { describe, expect, it } from 'vitest';
import { ResponseCache } from './response-cache.ts';

describe('ResponseCache', () => {
  it('computes a key once, also for concurrent callers', async () => {
    const cache = new ResponseCache({ maxEntries: 10, maxBytes: 1 << 20 });
    let calls = 0;
    const compute = async () => {
      calls += 1;
      return 'body';
    };
    const answers = await Promise.all([cache.get('k', compute), cache.get('k', compute)]);
    expect(answers).toEqual(['body', 'body']);
    expect(await cache.get('k', compute)).toBe('body');
    expect(calls).toBe(1);
  });

  it('evicts the least recently used entry past maxEntries', async () => {
    const cache = new ResponseCache({ maxEntries: 2, maxBytes: 1 << 20 });
    await cache.get('a', async () => 'A');
    await cache.get('b', async () => 'B');
    await cache.get('a', async () => 'stale');
    await cache.get('c', async () => 'C');
    expect(cache.size).toBe(2);
    expect(await cache.get('a', async () => 'recomputed')).toBe('A');
    expect(await cache.get('b', async () => 'recomputed')).toBe('recomputed');
  });

  it('evicts past maxBytes and keeps nothing when maxEntries is 0', async () => {
    const bytes = new ResponseCache({ maxEntries: 10, maxBytes: 100 });
    await bytes.get('a', async () => 'x'.repeat(40));
    await bytes.get('b', async () => 'y'.repeat(40));
    expect(bytes.size).toBe(1);
    const off = new ResponseCache({ maxEntries: 0, maxBytes: 100 });
    await off.get('a', async () => 'A');
    expect(off.size).toBe(0);
  });

  it('does not keep a value over maxBytes, and keeps the others', async () => {
    const cache = new ResponseCache({ maxEntries: 10, maxBytes: 100 });
    await cache.get('small', async () => 'x'.repeat(10));
    expect(await cache.get('huge', async () => 'y'.repeat(100))).toBe('y'.repeat(100));
    expect(cache.size).toBe(1);
    expect(await cache.get('small', async () => 'recomputed')).toBe('x'.repeat(10));
  });

  it('does not keep a failed computation', async () => {
    const cache = new ResponseCache();
    await expect(cache.get('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('k', async () => 'ok')).toBe('ok');
  });
});
