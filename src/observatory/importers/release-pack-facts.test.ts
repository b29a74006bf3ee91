import { describe, expect, it } from 'vitest';
import { manifestFacts, releaseAccessibility, releaseSourceUrl } from './release-pack-facts.ts';

const weights = (
  status: 'released' | 'restricted' | 'described' | 'withheld',
  expression: string | null,
) => ({
  status,
  license: { input: expression ?? '', expression, class: 'unknown' },
});

describe('releaseAccessibility', () => {
  it('reads the weights license and status', () => {
    expect(releaseAccessibility(weights('released', 'Apache-2.0'))).toBe('open-weights-unrestricted');
    expect(releaseAccessibility(weights('released', 'llama3.1'))).toBe('open-weights-restricted');
    expect(releaseAccessibility(weights('released', 'CC-BY-NC-4.0'))).toBe('open-weights-noncommercial');
    expect(releaseAccessibility(weights('restricted', 'MIT'))).toBe('open-weights-restricted');
    expect(releaseAccessibility(weights('restricted', null))).toBe('open-weights-restricted');
    expect(releaseAccessibility(weights('withheld', 'Apache-2.0'))).toBe('unreleased');
    expect(releaseAccessibility(weights('described', null))).toBe('unreleased');
    expect(releaseAccessibility(weights('released', null))).toBe('unknown');
    expect(releaseAccessibility(undefined)).toBe('unknown');
  });
});

describe('releaseSourceUrl', () => {
  it('prefers the homepage, then the Hub page, then a URL target, never a local path', () => {
    expect(releaseSourceUrl('/srv/packs/x', 'https://example.org/x')).toBe('https://example.org/x');
    expect(releaseSourceUrl('hf:org/name@main', null)).toBe('https://huggingface.co/org/name');
    expect(releaseSourceUrl('https://github.com/org/x', null)).toBe('https://github.com/org/x');
    expect(releaseSourceUrl('/srv/packs/x', null)).toBeNull();
  });
});

describe('manifestFacts', () => {
  it('states nothing without a manifest', () => {
    expect(manifestFacts(null)).toEqual({
      published: { text: '', iso: null },
      domains: [],
      parameters: null,
      trainingComputeFlop: null,
      homepage: null,
    });
  });
});
