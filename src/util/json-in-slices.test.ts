import { describe, expect, it } from 'vitest';
import { countTurnsDuring } from '../../test/support/event-loop-turns.ts';
import { EventLoopYielder } from './event-loop-yielder.ts';
import { stringifyJsonInSlices } from './json-in-slices.ts';

describe('stringifyJsonInSlices', () => {
  it('writes what JSON.stringify writes', async () => {
    const big = Array.from({ length: 25_001 }, (_, i) =>
      i % 3 === 0 ? `label-${i}` : i % 3 === 1 ? i / 7 : ['a', 'b'],
    );
    for (const value of [
      big,
      {
        public: { items: 3, score: 0.5, losses: big, skipped: undefined },
        private: { items: 2, score: null },
      },
      [],
      {},
      'text "quoted"',
      1e-7,
      null,
      [undefined, 1],
      Array.from({ length: 20_000 }, () => undefined),
    ])
      expect(await stringifyJsonInSlices(value)).toBe(JSON.stringify(value));
  });

  it('gives the event loop turns between slices of a long array', async () => {
    const { turns } = await countTurnsDuring(() =>
      stringifyJsonInSlices(
        Array.from({ length: 50_000 }, (_, i) => i),
        new EventLoopYielder(0),
      ),
    );
    expect(turns).toBeGreaterThanOrEqual(4);
  });
});
