import { z } from 'zod';

const isoDate = z.iso.date();

/** Where a stage of a staged release stands on a given day. */
export const StageAssessmentSchema = z
  .object({
    name: z.string().describe('The stage, as named under `stages:` in release-pack.yaml'),
    planned: isoDate.nullable().describe('When the stage is planned (YYYY-MM-DD), or null'),
    released: isoDate.nullable().describe('When it was released (YYYY-MM-DD), or null'),
    state: z
      .enum(['released', 'released-late', 'pending', 'overdue', 'unscheduled'])
      .describe(
        'released on time; released late; planned and not yet due; overdue (planned date passed, not released); unscheduled',
      ),
    daysLate: z.number().int().nonnegative().describe('Days past the planned date when overdue or late'),
    reason: z.string().nullable().describe('Why the stage is deferred, as the manifest says, or null'),
  })
  .describe('Where a stage of a staged release stands on the day the release is judged');
