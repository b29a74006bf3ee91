import { describe, expect, it } from 'vitest';
import { type PrizeClaimView, renderPrizeClaim } from './render-prize-claim.ts';

const CLAIM: PrizeClaimView = {
  team: 'owls',
  track: 'open-model',
  source: 'hf:org/model',
  eligible: false,
  score: 45.25,
  mofClass: null,
  rules: [
    { passed: false, message: 'openness score 45.25 < 80' },
    { passed: true, message: 'final-parameters is verified (read in the release)' },
  ],
  released: [],
};

describe('renderPrizeClaim', () => {
  it('says whether the team is eligible, then one ✓ or ✗ line per rule', () => {
    expect(renderPrizeClaim(CLAIM, 'demo-sentiment')).toBe(
      [
        'owls is NOT eligible for prize track open-model of demo-sentiment: score 45.25, MOF class none (hf:org/model)',
        '  ✗ openness score 45.25 < 80',
        '  ✓ final-parameters is verified (read in the release)',
        '',
      ].join('\n'),
    );
  });

  it('lists what the release makes available', () => {
    const text = renderPrizeClaim(
      {
        ...CLAIM,
        eligible: true,
        mofClass: 'III',
        released: [
          { title: 'Model parameters (final)', rating: 'open' },
          { title: 'Training code', rating: 'partial' },
        ],
      },
      'demo-sentiment',
    );
    expect(text.split('\n')[0]).toContain('owls is ELIGIBLE for prize track open-model');
    expect(text.split('\n')[0]).toContain('MOF class III');
    expect(text).toContain('  released: Model parameters (final) (open), Training code (partial)\n');
  });
});
