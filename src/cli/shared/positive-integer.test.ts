import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { positiveInteger } from './positive-integer.ts';

describe('positiveInteger', () => {
  it('reads whole numbers of 1 or more', () => {
    expect(positiveInteger('1')).toBe(1);
    expect(positiveInteger('250')).toBe(250);
  });

  it.each(['0', '-3', '1.5', 'ten', '', 'Infinity'])('refuses %j as an invalid argument', (value) => {
    expect(() => positiveInteger(value)).toThrow(InvalidArgumentError);
  });
});
