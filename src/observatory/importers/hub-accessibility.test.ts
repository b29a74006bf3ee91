import { describe, expect, it } from 'vitest';
import { hubAccessibility } from './hub-accessibility.ts';

describe('hubAccessibility', () => {
  it('classifies licenses', () => {
    expect(hubAccessibility('mit', false).accessibility).toBe('open-weights-unrestricted');
    expect(hubAccessibility('gemma', false).accessibility).toBe('open-weights-restricted');
    expect(hubAccessibility('cc-by-nc-sa-4.0', false).accessibility).toBe('open-weights-noncommercial');
    expect(hubAccessibility('mistral-research', 'auto').accessibility).toBe('open-weights-noncommercial');
    expect(hubAccessibility(null, false).accessibility).toBe('unknown');
    expect(hubAccessibility('some made-up words', false).accessibility).toBe('unknown');
    expect(hubAccessibility(null, 'manual').accessibility).toBe('open-weights-restricted');
  });

  it('says a gated open license is restricted by the gate', () => {
    expect(hubAccessibility('apache-2.0', 'auto')).toMatchObject({
      accessibility: 'open-weights-restricted',
      reason: expect.stringMatching(/^gated on the Hub; /),
    });
  });
});
