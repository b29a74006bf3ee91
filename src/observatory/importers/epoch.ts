import type { CatalogBatch } from '../catalog/catalog-batch.ts';
import type { LineageEdgeRecord, ModelRecord } from '../catalog-records.ts';
import type { Importer } from './importer.ts';
import { mapRecords } from './map-records.ts';
import { parseEpochCsv } from './parse-epoch-csv.ts';
import { openFileStream } from './read-csv-rows.ts';

/** A model of the export, with its base model (when Epoch names one) as a lineage edge. */
function epochBatch(record: ModelRecord): CatalogBatch {
  const lineage: LineageEdgeRecord[] = record.baseModel
    ? [{ child: record.name, parent: record.baseModel, relation: 'base', source: record.source }]
    : [];
  return { models: [record], lineage };
}

/** Epoch AI's notable or large-scale models CSV, streamed row by row. */
export const epoch: Importer = {
  id: 'epoch',
  title: 'Epoch AI models',
  summary: 'Epoch AI notable / large-scale models CSV',
  docs: {
    source:
      'The "Notable AI Models" or "Large-Scale AI Models" CSV export of Epoch AI (https://epoch.ai/data, CC-BY 4.0), as a file or an http(s) URL. Columns are matched by name, in the current spelling (`Country (of organization)`, "Open weights (…)") and the older one (`Country (from Organization)`, "Open access (…)"); the file is streamed, never held in memory.',
    records:
      'Each row becomes a model of source `epoch` keyed by its name, with its organizations (type from `Organization categorization`), countries as ISO codes (UN-style names mapped; `Multinational` kept as a flag), publication date, domain, parameters, training compute and accessibility; a `Base model` becomes a lineage edge. A row whose field count differs from the header, or without a model name, is rejected with its line; a cell that cannot be read (a date, a number, an unknown accessibility term) leaves that field unknown and adds a warning.',
  },
  argument: 'FILE|URL',
  source: 'file',
  acceptsUrl: true,
  primaryTable: 'models',
  example: 'aperture import epoch notable_ai_models.csv',
  async *read(input) {
    yield* mapRecords(parseEpochCsv(await openFileStream(input.path), { file: input.display }), epochBatch);
  },
};
