import type { z } from 'zod';
import type { Stage } from './release-pack-schema.ts';
import type { StageAssessmentSchema } from './report/stage-assessment-schema.ts';

/** Where a stage of a staged release stands on a given day (see StageAssessmentSchema). */
export type StageAssessment = z.output<typeof StageAssessmentSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Judges each stage of a staged-release plan on the day `asOf` (YYYY-MM-DD).
 *
 * @example
 * assessStages({ weights: { planned: '2025-01-01', released: null } }, '2025-03-01')[0].state // 'overdue'
 */
export function assessStages(stages: Record<string, Stage>, asOf: string): StageAssessment[] {
  return Object.entries(stages).map(([name, stage]) => {
    const planned = stage.planned ?? null;
    const released = stage.released ?? null;
    const reason = stage.reason ?? null;
    if (released) {
      const late = planned ? Math.max(0, daysBetween(planned, released)) : 0;
      return {
        name,
        planned,
        released,
        state: late > 0 ? 'released-late' : 'released',
        daysLate: late,
        reason,
      };
    }
    if (!planned) return { name, planned, released, state: 'unscheduled', daysLate: 0, reason };
    const late = daysBetween(planned, asOf);
    return late > 0
      ? { name, planned, released, state: 'overdue', daysLate: late, reason }
      : { name, planned, released, state: 'pending', daysLate: 0, reason };
  });
}
