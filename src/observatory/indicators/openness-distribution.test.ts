import { describe, expect, it } from 'vitest';
import { opennessStatistics } from './openness-distribution.ts';

describe('opennessStatistics', () => {
  it('turns a grouped row of either dialect into counts, a rounded mean, min, max and buckets', () => {
    expect(
      opennessStatistics({
        models: '3',
        total: '100',
        min: 20,
        max: '45.5',
        score0to24: 1,
        score25to49: '2',
        score50to74: 0,
        score75to100: null,
      }),
    ).toEqual({
      models: 3,
      mean: 33.33,
      min: 20,
      max: 45.5,
      score0to24: 1,
      score25to49: 2,
      score50to74: 0,
      score75to100: 0,
    });
  });

  it('has no mean when no model has a score', () => {
    expect(opennessStatistics({ models: 0, total: null, min: null, max: null })).toMatchObject({
      models: 0,
      mean: null,
      min: null,
      max: null,
    });
  });
});
