import { z } from 'zod';
import { ApertureError } from '../errors.ts';
import { parseYamlSafely } from '../util/index.ts';
import { findMetric } from './metrics/registry.ts';

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/;

/** A slug: lowercase letters, digits and dashes, starting with a letter or digit, at most 63 characters. */
export const SlugSchema = z.string().regex(SLUG, 'use lowercase letters, digits and dashes (e.g. "round-1")');

/** A UTC time such as 2025-03-01T00:00:00Z, normalised to `toISOString()` form. */
export const UtcTimeSchema = z
  .string()
  .regex(ISO_TIME, 'use an ISO 8601 UTC time such as 2025-03-01T00:00:00Z')
  .refine((text) => !Number.isNaN(Date.parse(text)), 'not a real date')
  .transform((text) => new Date(text).toISOString());

/** A round as a benchmark definition or `openRound` gives it. */
export const RoundDefinitionSchema = z
  .object({
    name: SlugSchema,
    opensAt: UtcTimeSchema,
    /** The submission freeze: fresh items may be added, and predictions sent, from here to closesAt. */
    freezesAt: UtcTimeSchema,
    closesAt: UtcTimeSchema,
  })
  .strict()
  .refine((round) => round.opensAt <= round.freezesAt, {
    message: 'freezesAt must not be before opensAt',
    path: ['freezesAt'],
  })
  .refine((round) => round.freezesAt < round.closesAt, {
    message: 'closesAt must be after freezesAt',
    path: ['closesAt'],
  });

/** One round of a benchmark definition. */
export type RoundDefinition = z.output<typeof RoundDefinitionSchema>;

/** A prize track: the openness a team's release must reach (at least one of minScore, minClass, policy). */
export const PrizeTrackDefinitionSchema = z
  .object({
    name: SlugSchema,
    description: z.string().max(2000).default(''),
    minScore: z.number().min(0).max(100).optional(),
    minClass: z.enum(['I', 'II', 'III']).optional(),
  })
  .strict()
  .refine((track) => track.minScore !== undefined || track.minClass !== undefined, {
    message: 'a prize track needs minScore or minClass',
  });

/** One prize track of a benchmark definition. */
export type PrizeTrackDefinition = z.output<typeof PrizeTrackDefinitionSchema>;

/** The YAML a benchmark is created from (`aperture arena create FILE.yaml`). */
export const BenchmarkDefinitionSchema = z
  .object({
    slug: SlugSchema,
    title: z.string().min(1).max(200),
    description: z.string().max(10_000).default(''),
    metric: z.string().refine((name) => findMetric(name) !== undefined, {
      message: 'unknown metric: use accuracy, macro-f1, auc-roc, rmse, exact-match or pass@<k>',
    }),
    /** The label set, required by label metrics (accuracy, macro-F1). */
    labels: z.array(z.string().min(1).max(200)).min(2).max(1000).optional(),
    ladder: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('fixed'), step: z.number().positive().max(1e6) }).strict(),
      z.object({ kind: z.literal('parameter-free') }).strict(),
    ]),
    dailyCap: z.number().int().min(1).max(10_000),
    rounds: z.array(RoundDefinitionSchema).max(1000).default([]),
    prizeTracks: z.array(PrizeTrackDefinitionSchema).max(100).default([]),
    /** The arena team (slug) that contributed the benchmark; counts as its contribution once created. */
    contributedBy: SlugSchema.optional(),
    /** For the bundled demo only: how many items to generate and from which seed. */
    demo: z
      .object({
        seed: z.number().int(),
        publicItems: z.number().int().min(1),
        privateItems: z.number().int().min(1),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((definition, context) => {
    const metric = findMetric(definition.metric);
    if (metric?.input === 'label' && definition.labels === undefined)
      context.addIssue({ code: 'custom', path: ['labels'], message: `${metric.name} needs the label set` });
    if (metric && metric.input !== 'label' && definition.labels !== undefined)
      context.addIssue({ code: 'custom', path: ['labels'], message: `${metric.name} takes no label set` });
    if (definition.labels && new Set(definition.labels).size !== definition.labels.length)
      context.addIssue({ code: 'custom', path: ['labels'], message: 'labels repeat' });
    for (const [key, list] of [
      ['rounds', definition.rounds],
      ['prizeTracks', definition.prizeTracks],
    ] as const) {
      const seen = new Set<string>();
      for (const [index, entry] of list.entries()) {
        if (seen.has(entry.name))
          context.addIssue({
            code: 'custom',
            path: [key, index, 'name'],
            message: `"${entry.name}" repeats`,
          });
        seen.add(entry.name);
      }
    }
  });

/** A validated benchmark definition. */
export type BenchmarkDefinition = z.output<typeof BenchmarkDefinitionSchema>;

/** How many problems an error message lists before counting the rest. */
const LISTED_ISSUES = 8;

/**
 * Parses and validates a benchmark definition YAML (size, depth and alias limits apply). Aborts with
 * ERR_INVALID_INPUT listing every problem with its path and line, e.g.
 * `bench.yaml: 2 problems: metric (line 3): unknown metric …; ladder.step (line 6): …`.
 *
 * @example
 * const definition = parseBenchmarkDefinition(await readFile('bench.yaml', 'utf8'), 'bench.yaml');
 */
export function parseBenchmarkDefinition(text: string, file: string): BenchmarkDefinition {
  const { value, locate } = parseYamlSafely(text, file);
  const parsed = BenchmarkDefinitionSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : '(document)';
    const position = locate(issue.path as PropertyKey[]);
    return `${where}${position ? ` (line ${position.line})` : ''}: ${issue.message}`;
  });
  const shown = problems.slice(0, LISTED_ISSUES).join('; ');
  const more = problems.length > LISTED_ISSUES ? `; and ${problems.length - LISTED_ISSUES} more` : '';
  throw new ApertureError(
    'ERR_INVALID_INPUT',
    `${file}: ${problems.length} problem${problems.length > 1 ? 's' : ''}: ${shown}${more}`,
  );
}
