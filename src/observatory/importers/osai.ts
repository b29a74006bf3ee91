import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApertureError } from '../../errors.ts';
import type { CatalogBatch, CatalogRatingRecord } from '../catalog/catalog-batch.ts';
import type { OrganizationKind, OsaiDimension, OsaiRatingRecord } from '../catalog-records.ts';
import { bareModelRecord } from './bare-model-record.ts';
import type { Importer } from './importer.ts';
import { mapRecords } from './map-records.ts';
import { parseOsaiFolder, parseOsaiParameters, parseOsaiYaml } from './parse-osai-yaml.ts';
import { inputPathKind, readInputText } from './read-import-input.ts';

/** The index's contributor type (`Non-academic (Chinese Big Tech)`, `Academic`) as an organization kind. */
export function organizationKindOfContributor(text: string | null): OrganizationKind | null {
  if (!text) return null;
  if (/^non-academic/i.test(text)) return 'industry';
  if (/^academic/i.test(text)) return 'academia';
  return null;
}

/**
 * The index's own score (osai-index.eu `sortModels`): the mean over the dimensions rated of 1 for open,
 * ½ for partial, 0 for closed and for NA (an empty class), 0–100 with one decimal; null without
 * dimensions.
 */
export function osaiScore(dimensions: readonly Pick<OsaiDimension, 'rating'>[]): number | null {
  if (dimensions.length === 0) return null;
  const points = dimensions.reduce(
    (sum, dimension) => sum + (dimension.rating === 'open' ? 1 : dimension.rating === 'partial' ? 0.5 : 0),
    0,
  );
  return Math.round((points / dimensions.length) * 1000) / 10;
}

/** An index rating as the catalog stores it: the system is the subject, the share of open dimensions the score. */
function osaiRating(record: OsaiRatingRecord): CatalogRatingRecord {
  const { scheme, system, organization, source, ...details } = record;
  return {
    scheme,
    subject: system,
    organization,
    ratingClass: null,
    score: osaiScore(record.dimensions),
    details,
    source,
  };
}

/**
 * The rated system as a model (organization, country, release date, link, base model), the rating, and
 * the organization with the country and kind the file's comments give.
 */
function osaiBatch(record: OsaiRatingRecord): CatalogBatch {
  const model = bareModelRecord(record.system, record.source, {
    organizations: [record.organization],
    countries: record.country ? [record.country] : [],
    published: record.releaseDate ?? { text: '', iso: null },
    link: record.link,
    baseModel: record.baseModel,
  });
  return {
    models: [model],
    ratings: [osaiRating(record)],
    organizations: [
      {
        name: record.organization,
        countries: record.country ? [record.country] : [],
        kind: organizationKindOfContributor(record.contributorType),
        source: record.source,
      },
    ],
  };
}

/** European Open Source AI Index system files, read against the index's `_parameters.yml`. */
export const osai: Importer = {
  id: 'osai',
  title: 'European Open Source AI Index ratings',
  summary: 'European Open Source AI Index YAML (a folder with _parameters.yml, or one file beside it)',
  docs: {
    source:
      'The system files of the European Open Source AI Index (https://osai-index.eu, data in https://github.com/Language-Technology-Assessment/main-database): the folder, which holds `_parameters.yml` (the dimensions rated), or one system file with `_parameters.yml` beside it. Local paths only.',
    records:
      "Each system file becomes a rating of scheme `osai` (every dimension that applies to the system's type, `open`, `partial` or `closed` with its link and notes, or `na` when its class is empty; score = the index's own: the mean of open 1, partial ½, closed and NA 0) and a model of source `osai` with its organization, release date, link and base model. National origin and contributor type come from the file's leading `# - Key: value` comments: the origin becomes the organization's country, the contributor type its type (`non-academic…` industry, `academic…` academia). A file that is not valid YAML, lacks the system or organization name, or rates a dimension with a word outside the vocabulary is rejected with the line of the problem; the submission template and `_parameters*.yml` are skipped.",
  },
  argument: 'FOLDER|FILE',
  source: 'file',
  acceptsUrl: false,
  primaryTable: 'openness_ratings',
  example: 'aperture import osai opensourceai-index/data',
  async *read(input) {
    if ((await inputPathKind(input)) === 'folder') {
      yield* mapRecords(parseOsaiFolder(input.path), osaiBatch);
      return;
    }
    const parametersFile = path.join(path.dirname(input.path), '_parameters.yml');
    let parametersText: string;
    try {
      parametersText = await readFile(parametersFile, 'utf8');
    } catch (error) {
      throw new ApertureError(
        'ERR_UNREADABLE',
        `${input.display}: an Open Source AI Index file needs _parameters.yml beside it (${(error as NodeJS.ErrnoException).code})`,
        { cause: error },
      );
    }
    const parameters = parseOsaiParameters(parametersText, parametersFile);
    yield* mapRecords(parseOsaiYaml(await readInputText(input), input.display, parameters), osaiBatch);
  },
};
