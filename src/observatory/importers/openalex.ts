import type { Importer } from './importer.ts';
import { mapRecords } from './map-records.ts';
import { parseOpenAlexAuthors } from './parse-openalex-json.ts';
import { openFileStream } from './read-csv-rows.ts';

/** OpenAlex authors with their affiliation histories. */
export const openalex: Importer = {
  id: 'openalex',
  title: 'OpenAlex authors',
  summary: 'OpenAlex authors JSON (an API page, one author, or JSON Lines)',
  docs: {
    source:
      'Author objects of OpenAlex (https://openalex.org): a page of the `/authors` API (`{ results: [...] }`), one author, or JSON Lines as in the snapshot, as a file or an http(s) URL. JSON Lines are streamed line by line; a single document is read whole, up to 256 MiB.',
    records:
      'Each author becomes a person of source `openalex` (OpenAlex id, name, ORCID) with one affiliation per distinct institution (name, type, country, first and last year), from `affiliations`, else `last_known_institutions`; the brain-flow indicator reads them. An author without a valid OpenAlex author id or a name, or a line that is not JSON or over 16 MiB, is rejected with its line.',
  },
  argument: 'FILE|URL',
  source: 'file',
  acceptsUrl: true,
  primaryTable: 'people',
  example: 'aperture import openalex authors.jsonl',
  async *read(input) {
    yield* mapRecords(
      parseOpenAlexAuthors(await openFileStream(input.path), { file: input.display }),
      (author) => ({ people: [author.person], affiliations: author.affiliations }),
    );
  },
};
