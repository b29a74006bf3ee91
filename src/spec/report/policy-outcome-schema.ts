import { z } from 'zod';

/** One rule of a policy and whether the release meets it. */
export const RuleOutcomeSchema = z
  .object({
    rule: z
      .string()
      .describe('The rule, named as in the policy (`minClass`, `requireComponents.final-parameters`)'),
    passed: z.boolean().describe('Whether the release meets it'),
    message: z.string().describe('What was found, naming what is unmet'),
  })
  .describe('One rule of a policy and whether the release meets it');

/** The verdict of a policy on a release. */
export const PolicyOutcomeSchema = z
  .object({
    policy: z.string().describe("The policy's name, or `policy` when it has none"),
    passed: z.boolean().describe('True when every rule passed'),
    rules: z.array(RuleOutcomeSchema).describe('One outcome for each rule the policy gives'),
  })
  .describe('The verdict of a policy on a release');
