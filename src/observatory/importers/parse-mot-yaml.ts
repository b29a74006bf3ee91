import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ApertureError, isApertureError } from '../../errors.ts';
import { evaluateMof, type MofComponentInput } from '../../profile/index.ts';
import {
  COMPONENTS,
  type ComponentDefinition,
  type ComponentId,
  classifyLicense,
  componentByMofName,
  type LicenseVerdict,
} from '../../spec/index.ts';
import { parseYamlSafely } from '../../util/index.ts';
import type { MofComponentVerdict, MofRatingRecord, MotLicenseOrigin } from '../catalog-records.ts';
import { type ParseItem, recordItem, rejectedItem } from './parse-item.ts';

const optionalText = z
  .union([z.string(), z.number(), z.date(), z.null()])
  .optional()
  .transform((value) => {
    if (value === null || value === undefined) return null;
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
    return text === '' ? null : text;
  });

const LicenseEntrySchema = z
  .union([z.string(), z.object({ name: optionalText }).loose(), z.null()])
  .optional()
  .transform((value) => (typeof value === 'string' ? value.trim() || null : (value?.name ?? null)));

/** The parts of a Model Openness Tool entry (mof_schema.json) that the rating needs. */
const MotEntrySchema = z.object({
  release: z
    .object({
      name: z.union([z.string().trim().min(1), z.number()]).transform(String),
      version: optionalText,
      date: optionalText,
      producer: z.string().trim().min(1),
      license: z
        .union([
          z
            .object({
              distribution: LicenseEntrySchema,
              code: LicenseEntrySchema,
              data: LicenseEntrySchema,
              document: LicenseEntrySchema,
            })
            .loose(),
          z.array(z.never()),
          z.null(),
        ])
        .optional(),
      components: z.array(z.object({ name: z.string().trim().min(1), license: optionalText }).loose()),
    })
    .loose(),
});

type MotEntry = z.infer<typeof MotEntrySchema>;
type GlobalLicenses = Partial<Record<'distribution' | 'code' | 'data' | 'document', string | null>>;

// The Model Openness Tool writes `unlicensed` when no component-specific license was chosen.
const NO_OWN_LICENSE = new Set(['unlicensed']);
// The tool's explicit "Component not included" option (spelled with and without the d in real files).
const NOT_INCLUDED = /^component not include(d)?\.?$/i;

/**
 * Resolves a component's license as the Model Openness Framework does: the component's own license,
 * then the release's license for the component's content types in order, then the distribution license.
 */
export function resolveMotLicense(
  definition: ComponentDefinition,
  own: string | null,
  globals: GlobalLicenses,
): { text: string | null; origin: MotLicenseOrigin } {
  if (own && !NO_OWN_LICENSE.has(own.toLowerCase())) return { text: own, origin: 'component' };
  for (const type of definition.contentTypes) {
    const text = globals[type];
    if (text) return { text, origin: `release.license.${type}` };
  }
  if (globals.distribution) return { text: globals.distribution, origin: 'release.license.distribution' };
  return { text: null, origin: 'none' };
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.join('.') : '(document)';
  return `${where}: ${issue.message}`;
}

/**
 * Parses one Model Openness Tool model file and rates it with the checker's MOF rules
 * (`evaluateMof`): a listed component counts as included, its license resolves as
 * `resolveMotLicense` says and is classified by `classifyLicense`. Returns one record, or one
 * rejection with the line of the problem; never throws on bad content.
 *
 * @example
 * const [item] = parseMotYaml(text, 'models/OLMo-7B.yml');
 */
export function parseMotYaml(text: string, file: string): ParseItem<MofRatingRecord>[] {
  let parsed: ReturnType<typeof parseYamlSafely>;
  try {
    parsed = parseYamlSafely(text, file);
  } catch (error) {
    if (!isApertureError(error)) throw error;
    const line = Number(/:(\d+):\d+:/.exec(error.message)?.[1] ?? 1);
    return [rejectedItem(file, line, error.message.replace(`${file}:`, '').replace(/^\d+:\d+: /, ''))];
  }
  const result = MotEntrySchema.safeParse(parsed.value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const line = parsed.locate(issue.path as PropertyKey[])?.line ?? 1;
    return [rejectedItem(file, line, `not a Model Openness Tool entry: ${formatIssue(issue)}`)];
  }
  return [recordItem(rateEntry(result.data, file))];
}

function rateEntry(entry: MotEntry, file: string): MofRatingRecord {
  const { release } = entry;
  const licenses = release.license;
  const globals: GlobalLicenses = licenses && !Array.isArray(licenses) ? licenses : {};
  const listed = new Map<ComponentId, string | null>();
  const unknownComponents: string[] = [];
  for (const component of release.components) {
    const definition = componentByMofName(component.name);
    if (!definition) unknownComponents.push(component.name);
    else if (!listed.has(definition.id as ComponentId))
      listed.set(definition.id as ComponentId, component.license);
  }

  const inputs: MofComponentInput[] = [];
  const components: MofComponentVerdict[] = [];
  for (const definition of COMPONENTS as readonly ComponentDefinition[]) {
    if (definition.mofName === null) continue;
    const id = definition.id as ComponentId;
    const isListed = listed.has(id);
    const own = listed.get(id) ?? null;
    const included = isListed && !(own && NOT_INCLUDED.test(own));
    const resolved = included
      ? resolveMotLicense(definition, own, globals)
      : { text: null, origin: 'none' as const };
    const license: LicenseVerdict = classifyLicense(resolved.text);
    inputs.push({ id, included, license });
    components.push({
      id,
      mofName: definition.mofName,
      included,
      licenseText: resolved.text,
      licenseOrigin: resolved.origin,
      licenseClass: license.class,
      verdict: !included ? 'missing' : license.class === 'open' ? 'open' : 'not-open',
    });
  }
  const evaluation = evaluateMof(inputs);
  return {
    scheme: 'mof',
    producer: release.producer,
    model: release.name,
    version: release.version,
    date: release.date,
    mofClass: evaluation.class,
    progress: evaluation.progress,
    components,
    unknownComponents,
    source: { source: 'mot', file, line: null },
  };
}

/**
 * Reads every `*.yml` / `*.yaml` file of a Model Openness Tool `models/` folder, in name order. Throws
 * ApertureError only when the folder cannot be listed; a file that cannot be read or rated is yielded
 * as a rejection.
 */
export async function* parseMotFolder(folder: string): AsyncGenerator<ParseItem<MofRatingRecord>> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => /\.ya?ml$/i.test(name)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ApertureError(
      code === 'ENOENT' ? 'ERR_NOT_FOUND' : 'ERR_UNREADABLE',
      `cannot list the Model Openness Tool folder ${folder}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  for (const name of names) {
    const file = path.join(folder, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      yield rejectedItem(file, 1, `cannot read the file: ${(error as Error).message}`);
      continue;
    }
    yield* parseMotYaml(text, file);
  }
}
