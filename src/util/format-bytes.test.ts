import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.ts';

describe('formatBytes', () => {
  it('writes bytes below 1 KiB as they are and larger counts in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1 KiB');
    expect(formatBytes(1500)).toBe('1.46 KiB');
    expect(formatBytes(16 * 2 ** 20)).toBe('16 MiB');
    expect(formatBytes(64 * 2 ** 30)).toBe('64 GiB');
    expect(formatBytes(5e9)).toBe('4.66 GiB');
  });
});
