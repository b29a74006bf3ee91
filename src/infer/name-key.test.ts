import { describe, expect, it } from 'vitest';
import { nameKey } from './name-key.ts';

describe('nameKey', () => {
  it('keeps only lower-case ASCII letters and digits', () => {
    expect(nameKey('Llama-3.1_8B')).toBe('llama318b');
    expect(nameKey('DeepSeek_R1')).toBe(nameKey('deepseek-r1'));
    expect(nameKey('Zoë / 模型')).toBe('zo');
  });
});
