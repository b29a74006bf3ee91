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
  parseYamlSafely,
  spdxFacts,
} from '../../spec/index.ts';
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

/**
 * A component's own license as the Model Openness Tool stores it: absent or null when the file gives
 * none (the release's licenses then apply), the text otherwise, where `''` is a stated empty license
 * (ModelEvaluator::resolveLicense: `isset('')` holds, and `'' ?: null` is no license, so no fallback).
 */
const ComponentLicenseSchema = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value) => (value === null || value === undefined ? null : String(value).trim()));

/** The parts of a Model Openness Tool entry (mof_schema.json) that the rating needs. */
const MotEntrySchema = z.object({
  release: z
    .object({
      name: z.union([z.string().trim().min(1), z.number()]).transform(String),
      version: optionalText,
      date: optionalText,
      // mof_schema.json requires `producer` but lets it be any string, '' included: the tool rates such
      // files, and so does Aperture (an empty producer is an unknown one, see rateEntry).
      producer: z.union([z.string(), z.null()]).transform((text) => text?.trim() || null),
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
      components: z.array(
        z.object({ name: z.string().trim().min(1), license: ComponentLicenseSchema }).loose(),
      ),
    })
    .loose(),
});

type MotEntry = z.infer<typeof MotEntrySchema>;
type GlobalLicenses = Partial<Record<'distribution' | 'code' | 'data' | 'document', string | null>>;

// The Model Openness Tool writes `unlicensed` (or leaves the license `''`) when a component has no
// license; it then does not fall back to the release's licenses (ModelEvaluator::resolveLicense stops at
// any component-level value that is set, and `''` is set).
const NO_OWN_LICENSE = new Set(['', 'unlicensed']);
// The tool's explicit "Component not included" option (spelled with and without the d in real files).
const NOT_INCLUDED = /^component not include(d)?\.?$/i;
// LicenseHandler::OPEN_DATA_LICENSES of the Model Openness Tool at 8b5d30e, in its order.
const MOT_OPEN_DATA_LICENSES: ReadonlySet<string> = new Set([
  'CC0-1.0',
  'CC-BY-1.0',
  'CC-BY-2.0',
  'CC-BY-2.5',
  'CC-BY-2.5-AU',
  'CC-BY-3.0',
  'CC-BY-3.0-AT',
  'CC-BY-3.0-AU',
  'CC-BY-3.0-DE',
  'CC-BY-3.0-IGO',
  'CC-BY-3.0-NL',
  'CC-BY-3.0-US',
  'CC-BY-4.0',
  'CC-BY-SA-1.0',
  'CC-BY-SA-2.0',
  'CC-BY-SA-2.0-UK',
  'CC-BY-SA-2.1-JP',
  'CC-BY-SA-2.5',
  'CC-BY-SA-3.0',
  'CC-BY-SA-3.0-AT',
  'CC-BY-SA-4.0',
  'CDLA-Permissive-1.0',
  'CDLA-Permissive-2.0',
  'CDLA-Sharing-1.0',
  'ODC-PDDL-1.0',
  'ODC-By-1.0',
  'ODbL-1.0',
  'GFDL-1.3',
  'OGL-Canada-2.0',
  'OGL-UK-2.0',
  'OGL-UK-3.0',
]);
// Licenses the Model Openness Tool lists as open beside the SPDX flags and the open-data list: OpenMDW-1.0
// (an entry of its own in mof-licenses.json, for code, data and documents alike).
const MOT_OPEN_EXTRA_LICENSES: ReadonlySet<string> = new Set(['OpenMDW-1.0']);

/**
 * Resolves a component's license as the Model Openness Tool does (ModelEvaluator::resolveLicense): the
 * component's own license when the file sets one (`''` and `unlicensed` mean none, with no fallback);
 * else the release's license for the component's content type, which for a component of several types
 * (datasets, sample outputs) is its first, `data`; else the distribution license; nothing else.
 *
 * @example
 * resolveMotLicense(datasets, null, { code: 'MIT', distribution: 'Apache-2.0' }) // Apache-2.0, not MIT
 */
export function resolveMotLicense(
  definition: ComponentDefinition,
  own: string | null,
  globals: GlobalLicenses,
): { text: string | null; origin: MotLicenseOrigin } {
  if (own !== null) {
    if (NO_OWN_LICENSE.has(own.toLowerCase())) return { text: null, origin: 'none' };
    return { text: own, origin: 'component' };
  }
  const type = definition.contentTypes[0];
  const typed = type ? globals[type] : null;
  if (type && typed) return { text: typed, origin: `release.license.${type}` };
  if (globals.distribution) return { text: globals.distribution, origin: 'release.license.distribution' };
  return { text: null, origin: 'none' };
}

/**
 * Judges a license as the Model Openness Tool does: open only when the text is exactly a license id on
 * its list (case and spelling as SPDX writes it) that is OSI-approved, FSF libre or one of its open-data
 * licenses. Free text the checker reads generously ("Apache 2.0", "MIT License") is not open here,
 * because the tool does not match it. The verdict otherwise keeps `classifyLicense`'s reading.
 */
export function judgeMotLicense(text: string | null): LicenseVerdict {
  const verdict = classifyLicense(text);
  if (text === null || verdict.class === 'none') return verdict;
  const facts = spdxFacts(text);
  const open =
    MOT_OPEN_DATA_LICENSES.has(text) ||
    MOT_OPEN_EXTRA_LICENSES.has(text) ||
    Boolean(facts && (facts.osiApproved || facts.fsfLibre));
  if (open) {
    return verdict.class === 'open'
      ? verdict
      : { ...verdict, class: 'open', reason: `${text} is an open license in the Model Openness Tool` };
  }
  if (verdict.class !== 'open') return verdict;
  return {
    ...verdict,
    class: 'unknown',
    reason: `the Model Openness Tool matches license ids exactly and "${text}" is not an open license id (the checker would read: ${verdict.reason})`,
  };
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.join('.') : '(document)';
  return `${where}: ${issue.message}`;
}

/**
 * Parses one Model Openness Tool model file and rates it with the checker's MOF rules
 * (`evaluateMof`): a listed component counts as included, its license resolves as
 * `resolveMotLicense` says and is judged by `judgeMotLicense` (the tool's exact-id rule). Returns one
 * record, or one rejection with the line of the problem; never throws on bad content.
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
    // A component listed twice keeps its last entry, as the tool's ModelUpdater does.
    else listed.set(definition.id as ComponentId, component.license);
  }

  const inputs: MofComponentInput[] = [];
  const components: MofComponentVerdict[] = [];
  for (const definition of COMPONENTS as readonly ComponentDefinition[]) {
    if (definition.mofName === null) continue;
    const id = definition.id as ComponentId;
    const isListed = listed.has(id);
    const own = listed.get(id) ?? null;
    const included = isListed && !(own !== null && NOT_INCLUDED.test(own));
    const resolved = included
      ? resolveMotLicense(definition, own, globals)
      : { text: null, origin: 'none' as const };
    const license: LicenseVerdict = judgeMotLicense(resolved.text);
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
