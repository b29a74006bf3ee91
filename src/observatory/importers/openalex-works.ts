import type { Importer } from './importer.ts';
import { mapRecords } from './map-records.ts';
import { parseOpenAlexWorks } from './parse-openalex-works.ts';
import { openFileStream } from './read-csv-rows.ts';

/** OpenAlex works, read for the model families they use as baselines or base models. */
export const openalexWorks: Importer = {
  id: 'openalex-works',
  title: 'OpenAlex works',
  summary: 'OpenAlex works JSON (an API page, one work, or JSON Lines), for model families used as baselines',
  docs: {
    source:
      'Work objects of OpenAlex (https://openalex.org): a page of the `/works` API (`{ results: [...] }`, e.g. `https://api.openalex.org/works?search=large%20language%20model&filter=publication_year:2024&per-page=200`), one work, or JSON Lines as in the snapshot, as a file or an http(s) URL. JSON Lines are streamed line by line; a single document is read whole, up to 256 MiB.',
    records:
      'Each work becomes a row of `works` (source `openalex`: OpenAlex id, title from `title` else `display_name`, year from `publication_year` else `publication_date`, DOI URL else OpenAlex URL) and one row of `work_model_mentions` per model family its title or abstract names as a baseline or base model (family, its country of origin, the rule that matched: see the chinese-baselines indicator). The abstract is rebuilt from `abstract_inverted_index` to look for families and never stored. Importing a work again replaces its mentions. A work without a valid OpenAlex work id (`https://openalex.org/W…`), or a line that is not JSON or over 16 MiB, is rejected with its line; a bad year or abstract leaves the field empty.',
  },
  argument: 'FILE|URL',
  source: 'file',
  acceptsUrl: true,
  primaryTable: 'works',
  example: 'aperture import openalex-works works.jsonl',
  async *read(input) {
    yield* mapRecords(
      parseOpenAlexWorks(await openFileStream(input.path), { file: input.display }),
      (work) => ({
        works: [work.work],
      }),
    );
  },
};
