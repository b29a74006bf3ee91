import { z } from 'zod';
import { RISKS } from './check-outcome-schema.ts';

/** One thing to do to raise openness, with what it is worth. */
export const FixSchema = z
  .object({
    action: z.string().describe('What to do'),
    from: z.string().describe('Why, in a few words (the check or component it comes from)'),
    points: z.number().nullable().describe('Score points it would add, when known'),
    risk: z
      .enum(RISKS)
      .nullable()
      .describe("The risk of the failing check it comes from; null for a component's fix"),
  })
  .describe('One thing to do to raise openness, with what it is worth');
