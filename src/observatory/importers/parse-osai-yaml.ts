import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApertureError, isApertureError } from '../../errors.ts';
import { parseYamlSafely } from '../../spec/index.ts';
import { isRecord } from '../../util/index.ts';
import type { OsaiDimension, OsaiRatingRecord } from '../catalog-records.ts';
import { toCountryCode } from '../country-codes.ts';
import { type ParseItem, recordItem, rejectedItem } from './parse-item.ts';
import { parsePublishedDate } from './published-date.ts';

/** One dimension the index rates, from `_parameters.yml`. */
export interface OsaiParameter {
  ref: string;
  name: string;
  /** The group it belongs to (`Availability`, `Documentation`, `Access`). */
  group: string;
  /** The system types it applies to (`text`, `image`, …), as `_parameters.yml` lists them; null for all. */
  types?: readonly string[] | null;
}

const RATINGS = new Set(['open', 'partial', 'closed']);

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const result = (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)).trim();
  return result === '' ? null : result;
}

function rejectionFromYamlError(error: unknown, file: string): ParseItem<never> {
  if (!isApertureError(error)) throw error;
  const line = Number(/:(\d+):\d+:/.exec(error.message)?.[1] ?? 1);
  return rejectedItem(file, line, error.message.replace(`${file}:`, '').replace(/^\d+:\d+: /, ''));
}

/**
 * Reads the index's `_parameters.yml`: groups of dimensions, each with a `ref` (the key in system files)
 * and a display name. Throws ERR_UNREADABLE when the file is not that shape, since without it no
 * system can be read.
 */
export function parseOsaiParameters(source: string, file: string): OsaiParameter[] {
  const { value } = parseYamlSafely(source, file);
  const parameters: OsaiParameter[] = [];
  if (Array.isArray(value)) {
    for (const group of value) {
      if (!isRecord(group) || !Array.isArray(group.params)) continue;
      for (const param of group.params) {
        if (isRecord(param) && text(param.ref))
          parameters.push({
            ref: text(param.ref)!,
            name: text(param.name) ?? text(param.ref)!,
            group: text(group.name) ?? '',
            types: Array.isArray(param.types)
              ? param.types.map((type) => text(type)?.toLowerCase() ?? '').filter(Boolean)
              : null,
          });
      }
    }
  }
  if (parameters.length === 0)
    throw new ApertureError(
      'ERR_UNREADABLE',
      `${file}: no dimensions found (expected groups with params: [{ ref, name }])`,
    );
  return parameters;
}

/**
 * Reads the `# - Key: value` tags of an index file's leading comments. National origin and
 * contributor type live only there, not in the YAML data.
 */
export function readOsaiCommentTags(source: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const match of source.matchAll(/^#\s*-\s*([^:\n]+?)\s*:\s*(.*?)\s*$/gm)) {
    const key = match[1]!;
    if (!(key in tags)) tags[key] = match[2]!;
  }
  return tags;
}

/**
 * Parses one European Open Source AI Index system file into a rating: each dimension of `parameters`
 * that applies to the system's type (the parameter's `types`, as the index's site filters them) with its
 * `open | partial | closed` class, link and notes, plus national origin and contributor type from the
 * comments. An empty or absent class is the index's "NA" (`na`, worth 0 as the site scores it), not an
 * error. A file that is not valid YAML, lacks the system or organization name, or rates a dimension
 * with a word outside the vocabulary is one rejection.
 *
 * @example
 * const [item] = parseOsaiYaml(text, 'osai/OLMo.yaml', parameters);
 */
export function parseOsaiYaml(
  source: string,
  file: string,
  parameters: readonly OsaiParameter[],
): ParseItem<OsaiRatingRecord>[] {
  let parsed: ReturnType<typeof parseYamlSafely>;
  try {
    parsed = parseYamlSafely(source, file);
  } catch (error) {
    return [rejectionFromYamlError(error, file)];
  }
  const doc = parsed.value;
  const lineOf = (keys: string[]) => parsed.locate(keys, { atKey: true })?.line ?? 1;
  if (!isRecord(doc))
    return [rejectedItem(file, 1, 'not an Open Source AI Index entry: the document is not a mapping')];
  const system = isRecord(doc.system) ? doc.system : {};
  const org = isRecord(doc.org) ? doc.org : {};
  const systemName = text(system.name);
  const orgName = text(org.name);
  if (!systemName) return [rejectedItem(file, lineOf(['system', 'name']), 'system.name is missing')];
  if (!orgName) return [rejectedItem(file, lineOf(['org', 'name']), 'org.name is missing')];

  const dimensions: OsaiDimension[] = [];
  const systemType = text(system.type)?.toLowerCase() ?? null;
  for (const parameter of parameters) {
    if (parameter.types && systemType && !parameter.types.includes(systemType)) continue;
    const entry = doc[parameter.ref];
    const rating = (isRecord(entry) ? text(entry.class)?.toLowerCase() : undefined) ?? 'na';
    if (rating !== 'na' && !RATINGS.has(rating)) {
      const found = `"${rating}"`;
      return [
        rejectedItem(
          file,
          lineOf([parameter.ref, 'class']),
          `${parameter.ref}.class is ${found}, not open, partial or closed (or empty for NA)`,
        ),
      ];
    }
    dimensions.push({
      ref: parameter.ref,
      name: parameter.name,
      group: parameter.group,
      rating: rating as OsaiDimension['rating'],
      link: isRecord(entry) ? text(entry.link) : null,
      notes: isRecord(entry) ? text(entry.notes) : null,
    });
  }

  const tags = readOsaiCommentTags(source);
  const nationalOrigin = tags['National origin'] ?? null;
  const releaseDate = text(system.releasedate);
  return [
    recordItem({
      scheme: 'osai',
      system: systemName,
      organization: orgName,
      link: text(system.link),
      modality: text(system.type),
      baseModel: text(system.basemodelname),
      endModel: text(system.endmodelname),
      endModelLicense: text(system.endmodellicense),
      releaseDate: releaseDate ? parsePublishedDate(releaseDate) : null,
      nationalOrigin,
      country: nationalOrigin ? toCountryCode(nationalOrigin) : null,
      contributorType: tags['Contributor type'] ?? null,
      tags,
      dimensions,
      source: { source: 'osai', file, line: null },
    }),
  ];
}

/** True for files of an index folder that describe no system: `_parameters*.yml` and the submission template. */
export function isOsaiSystemFile(name: string): boolean {
  return /\.ya?ml$/i.test(name) && !name.startsWith('_') && !/template/i.test(name);
}

/**
 * Reads an Open Source AI Index folder (the main-database layout): `_parameters.yml` for the dimensions,
 * then every system file in name order. Throws ApertureError when the folder or its parameters cannot be
 * read; a bad system file is a rejection.
 */
export async function* parseOsaiFolder(folder: string): AsyncGenerator<ParseItem<OsaiRatingRecord>> {
  let names: string[];
  let parametersText: string;
  const parametersFile = path.join(folder, '_parameters.yml');
  try {
    names = (await readdir(folder)).filter(isOsaiSystemFile).sort();
    parametersText = await readFile(parametersFile, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ApertureError(
      code === 'ENOENT' ? 'ERR_NOT_FOUND' : 'ERR_UNREADABLE',
      `cannot read the Open Source AI Index folder ${folder} (it needs _parameters.yml): ${(error as Error).message}`,
      { cause: error },
    );
  }
  const parameters = parseOsaiParameters(parametersText, parametersFile);
  for (const name of names) {
    const file = path.join(folder, name);
    let source: string;
    try {
      source = await readFile(file, 'utf8');
    } catch (error) {
      yield rejectedItem(file, 1, `cannot read the file: ${(error as Error).message}`);
      continue;
    }
    yield* parseOsaiYaml(source, file, parameters);
  }
}
