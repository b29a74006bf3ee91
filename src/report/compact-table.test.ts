import { describe, expect, it } from 'vitest';
import { renderCompactTable } from './compact-table.ts';

describe('renderCompactTable', () => {
  it('prints rows without rules between them, null as an empty cell, and ends with a newline', () => {
    expect(
      renderCompactTable(
        ['Name', 'Count'],
        [
          ['a', 1],
          ['b', null],
        ],
      ),
    ).toBe(
      [
        '┌──────┬───────┐',
        '│ Name │ Count │',
        '│ a    │ 1     │',
        '│ b    │       │',
        '└──────┴───────┘',
        '',
      ].join('\n'),
    );
  });
});
