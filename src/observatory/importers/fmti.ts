import type { Importer } from './importer.ts';
import { mapRecords } from './map-records.ts';
import { parseFmtiScoresCsv } from './parse-fmti-csv.ts';
import { openFileStream } from './read-csv-rows.ts';

/** Foundation Model Transparency Index scores, one record per developer. */
export const fmti: Importer = {
  id: 'fmti',
  title: 'Foundation Model Transparency Index scores',
  summary:
    'Foundation Model Transparency Index scores CSV (edition from the file name, e.g. Dec2025_scores.csv)',
  docs: {
    source:
      "The scores CSV of Stanford's Foundation Model Transparency Index (https://github.com/stanford-crfm/fmti): one row per indicator, one column per developer, cells 0 or 1. The edition (`YYYY-MM`) is given with `--edition`, or read from the file name (`Dec2025_scores.csv`). A file or an http(s) URL.",
    records:
      'Each developer becomes a transparency score of index `fmti` for the edition: points per indicator, the total and the number of indicators scored (an empty cell counts for neither). A row without an indicator name, with a cell that is not a number, or repeating an indicator is rejected with its line and counts for no developer.',
  },
  argument: 'FILE|URL',
  source: 'file',
  acceptsUrl: true,
  primaryTable: 'transparency_scores',
  example: 'aperture import fmti Dec2025_scores.csv',
  async *read(input, options) {
    const stream = await openFileStream(input.path);
    const edition = options.edition;
    yield* mapRecords(
      parseFmtiScoresCsv(stream, { file: input.display, ...(edition ? { edition } : {}) }),
      (record) => ({ transparencyScores: [record] }),
    );
  },
};
