import {
  type EntityReader,
  type OpenAlexInput,
  type OpenAlexParseOptions,
  readOpenAlexJson,
} from './openalex-json-stream.ts';
import { type OpenAlexWork, toOpenAlexWork } from './openalex-work.ts';
import type { ParseItem } from './parse-item.ts';
import { openFileStream } from './read-csv-rows.ts';

const readWorkEntity: EntityReader<OpenAlexWork> = (value, file, line) => {
  const work = toOpenAlexWork(value, file, line);
  return typeof work === 'string' ? work : [work];
};

/**
 * Streams OpenAlex works into work records with the model families each names as a baseline or base
 * model. Reads the three forms OpenAlex publishes, as the authors parser does: an API list page
 * (`{ "meta": …, "results": [work, …] }`), a single work, and JSON Lines (the snapshot's
 * `works/*.gz` parts, decompressed), streamed line by line. A work without an
 * `https://openalex.org/W…` id, a line that is not JSON or not UTF-8, or a line over the line limit is
 * rejected with its line (`results[i]: …` for a page). Throws ApertureError only when the input as a
 * whole cannot be read (see readOpenAlexJson).
 *
 * @example
 * for await (const item of parseOpenAlexWorks(stream, { file: 'works.jsonl' }))
 *   if (item.kind === 'record') console.log(item.value.work.id, item.value.work.mentions);
 */
export function parseOpenAlexWorks(
  input: OpenAlexInput,
  options: OpenAlexParseOptions,
): AsyncGenerator<ParseItem<OpenAlexWork>> {
  return readOpenAlexJson(input, options, readWorkEntity, 'an OpenAlex work');
}

/**
 * Streams OpenAlex works from a file (see parseOpenAlexWorks). Throws ERR_NOT_FOUND / ERR_UNREADABLE
 * when the file cannot be opened.
 *
 * @example
 * const { records, rejected } = await collectItems(parseOpenAlexWorksFile('works.jsonl'));
 */
export async function* parseOpenAlexWorksFile(
  filePath: string,
  options: Omit<OpenAlexParseOptions, 'file'> = {},
): AsyncGenerator<ParseItem<OpenAlexWork>> {
  yield* parseOpenAlexWorks(await openFileStream(filePath), { ...options, file: filePath });
}
