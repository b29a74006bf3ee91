import { describe, expect, it } from 'vitest';
import { isPartialPeriod, periodBounds, periodKind, periodRange } from './time-axis.ts';

describe('periodKind', () => {
  it('reads years and quarters, and nothing else as a time axis', () => {
    expect(periodKind(['2023', '2024'])).toBe('year');
    expect(periodKind(['2024-Q1', '2024-Q4'])).toBe('quarter');
    expect(periodKind(['US', 'CN'])).toBeNull();
    expect(periodKind(['2024', '2024-Q1'])).toBeNull();
    expect(periodKind(['2024-Q5'])).toBeNull();
    expect(periodKind([])).toBeNull();
  });
});

describe('periodRange', () => {
  it('keeps every period between the first and the last, the empty ones included', () => {
    expect(periodRange(['2024-Q3', '2023-Q4'], 'quarter')).toEqual([
      '2023-Q4',
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
    ]);
    expect(periodRange(['2021', '2018'], 'year')).toEqual(['2018', '2019', '2020', '2021']);
    expect(periodRange(['2024'], 'year')).toEqual(['2024']);
  });

  it('never makes a huge axis from an odd value: beyond the limit it keeps the values, sorted', () => {
    expect(periodRange(['9999', '1000', '2024'], 'year', 100)).toEqual(['1000', '2024', '9999']);
  });
});

describe('periodBounds and isPartialPeriod', () => {
  it('gives the first and last day of years and quarters', () => {
    expect(periodBounds('2024', 'year')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(periodBounds('2024-Q1', 'quarter')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(periodBounds('2024-Q4', 'quarter')).toEqual({ start: '2024-10-01', end: '2024-12-31' });
  });

  it('calls a period partial when it ends after the day the data runs to', () => {
    expect(isPartialPeriod('2024-Q3', 'quarter', '2024-08-15')).toBe(true);
    expect(isPartialPeriod('2024-Q2', 'quarter', '2024-08-15')).toBe(false);
    expect(isPartialPeriod('2024', 'year', '2024-12-31')).toBe(false);
    expect(isPartialPeriod('2024', 'year', '2024-12-30')).toBe(true);
    expect(isPartialPeriod('2025', 'year', '2024-08-15')).toBe(true);
  });
});
