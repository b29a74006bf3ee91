import type { CatalogBatch, CatalogModelRecord, CatalogRatingRecord } from '../catalog/catalog-batch.ts';
import type { MofRatingRecord, PublishedDate } from '../catalog-records.ts';
import { bareModelRecord } from './bare-model-record.ts';
import type { Importer } from './importer.ts';
import { mapRecords } from './map-records.ts';
import { parseMotFolder, parseMotYaml } from './parse-mot-yaml.ts';
import { parsePublishedDate } from './published-date.ts';
import { inputPathKind, readInputText } from './read-import-input.ts';

/** A MOF rating as the catalog stores it: the model is the subject, the progress of class I the score. */
function motRating(record: MofRatingRecord): CatalogRatingRecord {
  const { scheme, producer, model, mofClass, progress, source, ...details } = record;
  return {
    scheme,
    subject: model,
    organization: producer,
    ratingClass: mofClass,
    score: progress.I,
    details: { progress, ...details },
    source,
  };
}

/**
 * The rated model (its producer, date and MOF class), the rating, and the producer as an organization.
 * A file with an empty producer is rated all the same: its model is keyed by its name alone (as every
 * MOT model is) and has no organization, and no organization row is written for it.
 */
function motBatch(record: MofRatingRecord): CatalogBatch {
  const published: PublishedDate = record.date ? parsePublishedDate(record.date) : { text: '', iso: null };
  const producers = record.producer ? [record.producer] : [];
  const model: CatalogModelRecord = {
    ...bareModelRecord(record.model, record.source, { organizations: producers, published }),
    mofClass: record.mofClass,
  };
  return {
    models: [model],
    ratings: [motRating(record)],
    organizations: producers.map((name) => ({ name, countries: [], kind: null, source: record.source })),
  };
}

/** Model Openness Tool entries, rated with the checker's MOF rules. */
export const mot: Importer = {
  id: 'mot',
  title: 'Model Openness Tool ratings',
  summary: 'Model Openness Tool YAML (a models/ folder or one file)',
  docs: {
    source:
      "The model files of the Model Openness Tool (https://github.com/lfai/model_openness_tool, `models/*.yml`): the folder, one file, or a file at an http(s) URL. Each file lists a release's producer, date, licenses and the Model Openness Framework components it includes.",
    records:
      "Each file is rated with the checker's MOF rules as the tool rates it (a listed component counts as included; its license resolves from the component, where `''` and `unlicensed` mean none with no fallback, then the release's license for its content type (the first, `data`, for datasets and sample outputs), then the distribution license; only exact open license ids count: OSI-approved, FSF-libre, the tool's open-data licenses and OpenMDW-1.0) and becomes a rating of scheme `mof` (class, per-class progress, per-component verdicts) and a model of source `mot` with its producer, date and MOF class. An empty `producer` is valid in the tool's schema: such a file is rated and its model has no organization. A file that is not valid YAML or not a Model Openness Tool entry is rejected with the line of the problem; in a folder, the other files are still read.",
  },
  argument: 'FOLDER|FILE|URL',
  source: 'file',
  acceptsUrl: true,
  primaryTable: 'openness_ratings',
  example: 'aperture import mot model_openness_tool/models',
  async *read(input) {
    if ((await inputPathKind(input)) === 'folder') yield* mapRecords(parseMotFolder(input.path), motBatch);
    else yield* mapRecords(parseMotYaml(await readInputText(input), input.display), motBatch);
  },
};
