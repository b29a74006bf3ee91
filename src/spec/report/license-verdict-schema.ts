import { z } from 'zod';
import { LICENSE_CLASSES } from '../ai-licenses.ts';

/** A license as the checker classified it: its class, normalised expression and why. */
export const LicenseVerdictSchema = z
  .object({
    input: z.string().describe('The text as written'),
    class: z
      .enum([...LICENSE_CLASSES, 'none', 'unknown'])
      .describe(
        'open, restricted, proprietary; `none` when no license is given; `unknown` when it cannot be read',
      ),
    expression: z
      .string()
      .nullable()
      .describe(
        'The normalised expression (SPDX, with catalogued AI licenses as their ids), when recognised',
      ),
    ids: z.array(z.string()).describe('Licenses named by the expression'),
    exact: z
      .boolean()
      .describe(
        'Whether the text was a valid SPDX expression or catalogue id as written (not guessed from free text)',
      ),
    reason: z.string().describe('Why it is classed so, in one line'),
    source: z.string().nullable().describe('Where to read the license (first license of the expression)'),
  })
  .describe('A license as the checker classified it');
