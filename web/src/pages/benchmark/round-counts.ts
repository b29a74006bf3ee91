import type { RoundSummary } from '../../../../src/spec/api/index.ts';

/** A round's counts for one task (the totals when the benchmark has a single task), and its withholding. */
export function countsFor(row: RoundSummary, task: string, multiTask: boolean) {
  if (!multiTask) return row;
  return (
    row.tasks.find((entry) => entry.id === task) ?? {
      publicItems: 0,
      privateItems: 0,
      submissions: 0,
      withheld: null,
    }
  );
}
