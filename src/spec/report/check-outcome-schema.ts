import { z } from 'zod';
import { EvidenceRefSchema } from './evidence-schemas.ts';

/** How much a failing check matters, as in OpenSSF Scorecard, from most to least. */
export const RISKS = ['critical', 'high', 'medium', 'low'] as const;

/** What a check concluded. Checks never throw: a problem with the input is a failing result. */
export const CheckResultSchema = z
  .object({
    score: z.number().nullable().describe('0–10, or null when the check does not apply to this release'),
    reason: z.string().describe('One sentence: what was found'),
    evidence: z.array(EvidenceRefSchema).describe('Where it was found'),
    remediation: z
      .string()
      .nullable()
      .describe('What to do to raise the score, or null when nothing is left to do'),
    details: z
      .array(z.string())
      .optional()
      .describe('Further findings, one line each (e.g. each missing section)'),
  })
  .describe('What a check concluded');

/** A check's result together with the check's identity, as reports show it. */
export const CheckOutcomeSchema = z
  .object({
    id: z.string().describe('The check id (see docs/checks.md)'),
    title: z.string().describe('What the check looks for, in a few words'),
    risk: z.enum(RISKS).describe('How much a failing check matters: critical | high | medium | low'),
    ...CheckResultSchema.shape,
    score: z
      .number()
      .int()
      .min(0)
      .max(10)
      .nullable()
      .describe('0–10 (rounded), or null when the check does not apply to this release'),
  })
  .describe("A check's result together with the check's identity");
