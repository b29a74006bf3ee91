import { describe, expect, it } from 'vitest';
import {
  isNumericCell,
  numericTableLine,
  TABLE_SEPARATOR,
  TABLE_SEPARATOR_START,
  tableRows,
} from './markdown-tables.ts';

describe('isNumericCell', () => {
  it('takes finite decimals and the nan / inf loggers write', () => {
    for (const cell of ['0', ' 61.2 ', '-1e-3', '+.5', '3.', 'nan', '-Inf', 'infinity'])
      expect(isNumericCell(cell), cell).toBe(true);
  });

  it('refuses words, empty cells, numbers a double cannot hold and over-long cells', () => {
    for (const cell of ['', 'n/a', '1,000', '12%', '1e999', '0x1f', '1'.repeat(65)])
      expect(isNumericCell(cell), cell).toBe(false);
  });
});

describe('table separators', () => {
  it('TABLE_SEPARATOR needs a whole row of two columns or more', () => {
    for (const row of ['|---|---|', '| :--- | ---: |', '---|---', '|:---:|:---:|'])
      expect(TABLE_SEPARATOR.test(row), row).toBe(true);
    for (const row of ['|---|', '---', '|---|---| note', '|--|--|'])
      expect(TABLE_SEPARATOR.test(row), row).toBe(false);
  });

  it('TABLE_SEPARATOR_START takes any line that starts like one', () => {
    for (const line of ['|---|', '---', '  | :--- | x', '|---|---| note'])
      expect(TABLE_SEPARATOR_START.test(line), line).toBe(true);
    for (const line of ['|--|', 'text |---|', '| a | b |'])
      expect(TABLE_SEPARATOR_START.test(line), line).toBe(false);
  });
});

describe('tableRows', () => {
  it('takes the lines after the separator while they hold a |', () => {
    const lines = ['| a | b |', '|---|---|', '| 1 | 2 |', 'x | y', 'text', '| 3 | 4 |'];
    expect(tableRows(lines, 1)).toEqual(['| 1 | 2 |', 'x | y']);
    expect(tableRows(lines, 5)).toEqual([]);
  });
});

describe('numericTableLine', () => {
  it('is the header line of the first table with a number in a cell, emphasis and % aside', () => {
    expect(numericTableLine('Scores:\n| Task | Score |\n|---|---|\n| MMLU | **61.2** |')).toBe(2);
    expect(numericTableLine('| a | b |\n|---|---|\n| x | y |\n\n| c | d |\n|---|---|\n| z | 40% |')).toBe(5);
  });

  it('is null without a full separator row or without a number', () => {
    expect(numericTableLine('| a |\n|---|\n| 1 |')).toBeNull();
    expect(numericTableLine('| a | b |\n|---|---|\n| x | y |')).toBeNull();
    expect(numericTableLine('')).toBeNull();
  });
});
