import { findNulByte, NUL_BYTE_MESSAGE, nulPathText } from '../../spec/index.ts';
import type { CatalogBatch } from '../catalog/catalog-batch.ts';
import type { SourceRef } from '../catalog-records.ts';
import { type ParseItem, type RejectedRow, rejectedItem } from '../importers/parse-item.ts';

/** Where the first record of a batch part comes from (every record names its source, file and line). */
function sourceOf(part: CatalogBatch): SourceRef | undefined {
  for (const records of Object.values(part) as unknown[][]) {
    const source = (records[0] as { source?: SourceRef } | undefined)?.source;
    if (source !== undefined) return source;
  }
  return undefined;
}

/** NUL shown as `\0`, for the text of a rejection (its file and reason), which the store keeps too. */
function printable(text: string): string {
  return text.replaceAll('\u0000', '\\0');
}

/**
 * The items of an importer with every record holding a NUL character (U+0000) in any text, the
 * fields of its JSON (profile, details) included, turned into a rejected row that names the field: the
 * store never keeps NUL (PostgreSQL cannot, SQLite would), and one bad record must not stop the rest.
 * Rejections that quote a NUL show it as `\0`. Applies to every kind, whatever its parser.
 *
 * @example
 * for await (const item of rejectNulRecords(importer.read(input, options), input.display)) …
 */
export async function* rejectNulRecords(
  items: AsyncIterable<ParseItem<CatalogBatch>>,
  display: string,
): AsyncGenerator<ParseItem<CatalogBatch>> {
  for await (const item of items) {
    if (item.kind === 'rejected') {
      yield cleanRejection(item);
      continue;
    }
    const path = findNulByte(item.value);
    if (path === undefined) {
      yield item;
      continue;
    }
    const source = sourceOf(item.value);
    // ['models', 0, 'organizations', 1] → `organizations.1`: the field of the record the source gave.
    const field = nulPathText(path.slice(2), nulPathText(path, 'the record'));
    yield rejectedItem(
      printable(source?.file ?? display),
      source?.line ?? 1,
      `field ${printable(field)} ${NUL_BYTE_MESSAGE}`,
    );
  }
}

function cleanRejection(row: RejectedRow): RejectedRow {
  if (!row.file.includes('\u0000') && !row.reason.includes('\u0000')) return row;
  return rejectedItem(printable(row.file), row.line, printable(row.reason));
}
