import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ApertureError } from '../errors.ts';
import { parseYamlSafely } from '../spec/index.ts';

/** The twelve dimensions the European Open Source AI Index rates, in its own order. */
export const OSAI_DIMENSIONS = [
  'datasources_basemodel',
  'datasources_endmodel',
  'weights_basemodel',
  'weights_endmodel',
  'trainingcode',
  'code',
  'hardware_architecture',
  'preprint',
  'paper',
  'modelcard',
  'datasheet',
  'licenses',
] as const;
export type OsaiDimensionRef = (typeof OSAI_DIMENSIONS)[number];

const Rating = z.enum(['open', 'partial', 'closed']);

/** `release.yaml` of a calibration release: what it is, how a user checks it, whose ratings it is paired with. */
export const CorpusReleaseSchema = z.object({
  release: z.string().min(1),
  family: z.string().min(1),
  kind: z.enum([
    'fully-open',
    'open-weights-custom-license',
    'open-weights-closed-data',
    'code-only',
    'speech',
    'image',
  ]),
  modality: z.string().min(1),
  check: z.array(z.string().min(1)).min(1),
  experts: z.object({
    osai: z.string().optional(),
    mot: z.string().optional(),
    osaiRatings: z
      .object({
        source: z.string().min(1),
        release: z.string().optional(),
        ratings: z.record(z.enum(OSAI_DIMENSIONS), Rating),
      })
      .optional(),
  }),
  written: z.union([z.string(), z.date()]).optional(),
  readFrom: z.array(z.unknown()).optional(),
  locations: z
    .array(
      z.object({
        ref: z.string().min(1),
        dir: z.string().regex(/^[\w.-]+$/, 'a folder name beside release.yaml'),
        gated: z.union([z.literal('manual'), z.literal('auto'), z.literal(false)]).optional(),
        revision: z.string().optional(),
      }),
    )
    .min(1),
});

/** A calibration release as read from its folder. */
export type CorpusRelease = z.output<typeof CorpusReleaseSchema> & {
  /** The folder's name. */
  slug: string;
  /** The folder holding release.yaml and the locations. */
  dir: string;
};

/**
 * Reads one release of the calibration corpus (`<dir>/release.yaml`), checking it against the format
 * in test/calibration/README.md.
 *
 * @example
 * const release = await readCorpusRelease('test/calibration/corpus/pythia-6-9b');
 */
export async function readCorpusRelease(dir: string): Promise<CorpusRelease> {
  const file = path.join(dir, 'release.yaml');
  const text = await readFile(file, 'utf8').catch(() => {
    throw new ApertureError('ERR_NOT_FOUND', `${file}: no release.yaml`);
  });
  const parsed = CorpusReleaseSchema.safeParse(parseYamlSafely(text, file).value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ApertureError(
      'ERR_UNREADABLE',
      `${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
  }
  return { ...parsed.data, slug: path.basename(dir), dir };
}
