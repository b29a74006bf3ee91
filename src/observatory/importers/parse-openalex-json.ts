import { type OpenAlexAuthor, toOpenAlexAuthor } from './openalex-author.ts';
import {
  type EntityReader,
  type OpenAlexInput,
  type OpenAlexParseOptions,
  readOpenAlexJson,
} from './openalex-json-stream.ts';
import type { ParseItem } from './parse-item.ts';
import { openFileStream } from './read-csv-rows.ts';

const readAuthorEntity: EntityReader<OpenAlexAuthor> = (value, file, line) => {
  const author = toOpenAlexAuthor(value, file, line);
  return typeof author === 'string' ? author : [author];
};

/**
 * Streams OpenAlex authors into people and their affiliations. Reads the three forms OpenAlex
 * publishes: an API list page (`{ "meta": …, "results": [author, …] }`), a single author object
 * (either may be pretty-printed), and JSON Lines of authors (the snapshot's `authors/*.gz` parts,
 * decompressed), which is streamed line by line. An author without an `https://openalex.org/A…` id or a
 * `display_name`, a line that is not JSON or not UTF-8, or a line over the line limit is rejected with
 * its line (list pages say `results[i]` in the reason, at line 1). Affiliations come from
 * `affiliations[].institution` with their `years`, or from `last_known_institutions` when there are
 * none; institution types outside INSTITUTION_TYPES become null, countries upper-case alpha-2.
 * Throws ApertureError only when the input as a whole cannot be read: a single document over
 * `maxDocumentBytes` (ERR_TOO_LARGE), not UTF-8 (ERR_NOT_UTF8), not JSON or empty (ERR_UNREADABLE).
 *
 * @example
 * for await (const item of parseOpenAlexAuthors(stream, { file: 'authors.jsonl' }))
 *   if (item.kind === 'record') console.log(item.value.person.name, item.value.affiliations.length);
 */
export function parseOpenAlexAuthors(
  input: OpenAlexInput,
  options: OpenAlexParseOptions,
): AsyncGenerator<ParseItem<OpenAlexAuthor>> {
  return readOpenAlexJson(input, options, readAuthorEntity, 'an OpenAlex author');
}

/**
 * Streams OpenAlex authors from a file (see parseOpenAlexAuthors). Throws ERR_NOT_FOUND /
 * ERR_UNREADABLE when the file cannot be opened.
 *
 * @example
 * const { records, rejected } = await collectItems(parseOpenAlexAuthorsFile('authors.jsonl'));
 */
export async function* parseOpenAlexAuthorsFile(
  filePath: string,
  options: Omit<OpenAlexParseOptions, 'file'> = {},
): AsyncGenerator<ParseItem<OpenAlexAuthor>> {
  yield* parseOpenAlexAuthors(await openFileStream(filePath), { ...options, file: filePath });
}
