import { z } from 'zod';
import { ApertureError } from '../errors.ts';
import {
  addNulByteIssue,
  summarizeDocumentIssues,
  validateYamlDocument,
  type YamlValidation,
} from '../spec/index.ts';
import { DEFAULT_TASK_ID } from '../store/index.ts';
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

const MetricNameSchema = z.string().refine((name) => findMetric(name) !== undefined, {
  message: 'unknown metric: use accuracy, macro-f1, auc-roc, rmse, exact-match or pass@<k>',
});

const LabelSetSchema = z.array(z.string().min(1).max(200)).min(2).max(1000);

/** A task of a benchmark definition; metric and labels default to the benchmark's. */
export const TaskDefinitionSchema = z
  .object({
    id: SlugSchema,
    title: z.string().min(1).max(200).optional(),
    description: z.string().max(10_000).default(''),
    metric: MetricNameSchema.optional(),
    labels: LabelSetSchema.optional(),
  })
  .strict();

/** One task as written in a benchmark definition. */
export type TaskDefinition = z.output<typeof TaskDefinitionSchema>;

/** A task with its defaults applied: what the benchmark stores. */
export interface ResolvedTask {
  id: string;
  title: string;
  description: string;
  metric: string;
  labels: string[] | undefined;
}

/** The YAML a benchmark is created from (`aperture arena create FILE.yaml`); no text may hold NUL (U+0000). */
export const BenchmarkDefinitionSchema = z
  .object({
    slug: SlugSchema,
    title: z.string().min(1).max(200),
    description: z.string().max(10_000).default(''),
    /** The metric of the benchmark's tasks (required unless every task names its own). */
    metric: MetricNameSchema.optional(),
    /** The label set of label-metric tasks (accuracy, macro-F1) that do not give their own. */
    labels: LabelSetSchema.optional(),
    /** The tasks; omitted, the benchmark has one task, `main`, with the metric and labels above. */
    tasks: z.array(TaskDefinitionSchema).min(1).max(50).optional(),
    ladder: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('fixed'), step: z.number().positive().max(1e6) }).strict(),
      z.object({ kind: z.literal('parameter-free') }).strict(),
    ]),
    dailyCap: z.number().int().min(1).max(10_000),
    rounds: z.array(RoundDefinitionSchema).max(1000).default([]),
    prizeTracks: z.array(PrizeTrackDefinitionSchema).max(100).default([]),
    /** The arena team (slug) that contributed the benchmark; counts as its contribution once created. */
    contributedBy: SlugSchema.optional(),
    /** For the bundled demo only: how many items to generate (public ones shared, private ones per round) and from which seed. */
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
    const checkLabels = (
      metricName: string | undefined,
      labels: string[] | undefined,
      inherited: string[] | undefined,
      path: (string | number)[],
    ) => {
      const metric = metricName === undefined ? undefined : findMetric(metricName);
      if (metric?.input === 'label' && labels === undefined && inherited === undefined)
        context.addIssue({
          code: 'custom',
          path: [...path, 'labels'],
          message: `${metric.id} needs the label set`,
        });
      if (metric && metric.input !== 'label' && labels !== undefined)
        context.addIssue({
          code: 'custom',
          path: [...path, 'labels'],
          message: `${metric.id} takes no label set`,
        });
      if (labels && new Set(labels).size !== labels.length)
        context.addIssue({ code: 'custom', path: [...path, 'labels'], message: 'labels repeat' });
    };
    if (definition.tasks === undefined) {
      if (definition.metric === undefined)
        context.addIssue({ code: 'custom', path: ['metric'], message: 'a benchmark needs a metric' });
      checkLabels(definition.metric, definition.labels, undefined, []);
    } else {
      if (definition.labels && new Set(definition.labels).size !== definition.labels.length)
        context.addIssue({ code: 'custom', path: ['labels'], message: 'labels repeat' });
      for (const [index, task] of definition.tasks.entries()) {
        if (task.metric === undefined && definition.metric === undefined)
          context.addIssue({
            code: 'custom',
            path: ['tasks', index, 'metric'],
            message: 'name a metric here or at the top of the benchmark',
          });
        checkLabels(task.metric ?? definition.metric, task.labels, definition.labels, ['tasks', index]);
      }
    }
    for (const [key, list] of [
      ['rounds', definition.rounds.map((round) => round.name)],
      ['prizeTracks', definition.prizeTracks.map((track) => track.name)],
      ['tasks', (definition.tasks ?? []).map((task) => task.id)],
    ] as const) {
      const seen = new Set<string>();
      for (const [index, name] of list.entries()) {
        if (seen.has(name))
          context.addIssue({
            code: 'custom',
            path: [key, index, key === 'tasks' ? 'id' : 'name'],
            message: `"${name}" repeats`,
          });
        seen.add(name);
      }
    }
  })
  .superRefine(addNulByteIssue);

/** A validated benchmark definition. */
export type BenchmarkDefinition = z.output<typeof BenchmarkDefinitionSchema>;

/**
 * The tasks of a validated definition with their defaults applied, primary task first: the written tasks,
 * or the single task `main` (titled like the benchmark) when the definition names none.
 *
 * @example
 * resolveTasks(definition).map((task) => task.id); // ['main'] for a definition without tasks
 */
export function resolveTasks(definition: BenchmarkDefinition): ResolvedTask[] {
  const written = definition.tasks ?? [{ id: DEFAULT_TASK_ID, title: definition.title, description: '' }];
  return written.map((task) => {
    const metric = (task as TaskDefinition).metric ?? definition.metric!;
    const takesLabels = findMetric(metric)?.input === 'label';
    return {
      id: task.id,
      title: task.title ?? task.id,
      description: task.description,
      metric,
      labels: takesLabels ? ((task as TaskDefinition).labels ?? definition.labels) : undefined,
    };
  });
}

/**
 * Parses and validates a benchmark definition YAML (size, depth and alias limits apply): the definition, or
 * its problems as data, each with its field path, line and column, in source order. A JSON definition is
 * YAML too, so the API's object bodies go through the same checks.
 *
 * @example
 * const checked = validateBenchmarkDefinition(text, 'bench.yaml');
 * if (!checked.ok) for (const issue of checked.issues) console.log(formatDocumentIssue('bench.yaml', issue));
 */
export function validateBenchmarkDefinition(text: string, file: string): YamlValidation<BenchmarkDefinition> {
  return validateYamlDocument(text, BenchmarkDefinitionSchema, { file });
}

/**
 * The benchmark definition of `text`, or an ERR_INVALID_INPUT abort naming the first problem as
 * `file:line:column: field: message` (and how many more there are); see validateBenchmarkDefinition.
 *
 * @example
 * const definition = parseBenchmarkDefinition(await readFile('bench.yaml', 'utf8'), 'bench.yaml');
 */
export function parseBenchmarkDefinition(text: string, file: string): BenchmarkDefinition {
  const checked = validateBenchmarkDefinition(text, file);
  if (checked.ok) return checked.value;
  throw new ApertureError('ERR_INVALID_INPUT', summarizeDocumentIssues(file, checked.issues));
}
