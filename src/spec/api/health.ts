import { z } from 'zod';

/** GET /api/health. */
export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  dialect: z.enum(['sqlite', 'postgres']),
});

/** The answer of GET /api/health. */
export type Health = z.output<typeof HealthSchema>;
