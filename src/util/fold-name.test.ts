import { describe, expect, it } from 'vitest';
import { foldName, foldText } from './fold-name.ts';

describe('foldName', () => {
  it('folds case and accents beyond ASCII', () => {
    expect(foldName('Ünïcode')).toBe('unicode');
    expect(foldName('İstanbul')).toBe('istanbul');
    expect(foldName('ISTANBUL')).toBe('istanbul');
    expect(foldName('Straße')).toBe('strasse');
    expect(foldName('STRASSE')).toBe('strasse');
    expect(foldName('STRAẞE')).toBe('strasse');
    expect(foldName('ＧＰＴ－４')).toBe('gpt-4');
    expect(foldName('Ωmega')).toBe('ωmega');
  });

  it('is idempotent', () => {
    for (const text of ['Ünïcode', 'İstanbul', 'ß', 'Ǆ', 'ﬁne'])
      expect(foldName(foldName(text))).toBe(foldName(text));
  });
});

describe('foldText', () => {
  it('folds width, accents and case, and leaves ß as it is (foldName alone expands it)', () => {
    expect(foldText('Ｍｉｓｔｒａｌ Zürich Qwen２.５')).toBe('mistral zurich qwen2.5');
    expect(foldText('Straße')).toBe('straße');
    expect(foldName('Straße')).toBe('strasse');
  });
});
