import { z } from 'zod';

/** `{ error: { code, message, field? } }`: the body of every error response. */
export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().describe('A stable ERR_* code'),
      message: z.string().describe('One line: what is wrong and what to do'),
      field: z.string().optional().describe('The request field at fault, e.g. `pageSize`'),
    }),
  })
  .meta({ id: 'Error' });

/** The body of a failed API call (see ErrorResponseSchema). */
export type ErrorResponse = z.output<typeof ErrorResponseSchema>;
