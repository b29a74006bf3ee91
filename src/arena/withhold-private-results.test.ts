import { describe, expect, it } from 'vitest';
import { type RoundState, withholdingOf } from './withhold-private-results.ts';

const round = (id: number, status: string, closesAt: string): RoundState => ({
  id,
  name: `round-${id}`,
  status,
  closes_at: closesAt,
});

const one = round(1, 'closed', '2025-01-15T00:00:00.000Z');
const two = round(2, 'open', '2030-12-31T00:00:00.000Z');
const three = round(3, 'open', '2026-06-30T00:00:00.000Z');

describe('withholdingOf', () => {
  it('withholds a closed round while another round scoring the same private items runs', () => {
    expect(withholdingOf(one, [one, two], 240)).toEqual({
      reason:
        'round-2 still scores the same private items; shown once round-2 closes (scheduled 2030-12-31T00:00:00.000Z)',
      rounds: ['round-2'],
      until: '2030-12-31T00:00:00.000Z',
    });
  });

  it('waits for the last of several rounds, whatever their order', () => {
    expect(withholdingOf(one, [one, two, three], 5)).toEqual({
      reason:
        'round-2 and round-3 still score the same private items; shown once the last of them, round-2, closes (scheduled 2030-12-31T00:00:00.000Z)',
      rounds: ['round-2', 'round-3'],
      until: '2030-12-31T00:00:00.000Z',
    });
  });

  it('withholds nothing without private items shared by rounds, before the close, or once all are closed', () => {
    expect(withholdingOf(one, [one, two], 0)).toBeNull();
    expect(withholdingOf(two, [one, two], 240)).toBeNull();
    expect(withholdingOf(one, [one], 240)).toBeNull();
    expect(withholdingOf(one, [one, { ...two, status: 'closed' }], 240)).toBeNull();
  });
});
