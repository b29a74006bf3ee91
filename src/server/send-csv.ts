import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { createSafeCsvStringifier } from '../util/index.ts';

/** A CSV column: its header and how to read the cell from an item. */
export interface CsvColumn<T> {
  header: string;
  value(item: T): string | number | boolean | null;
}

/** A column that reads the property of the same name. */
export function plainColumns<T extends object>(names: readonly (keyof T & string)[]): CsvColumn<T>[] {
  return names.map((name) => ({
    header: name,
    value: (item: T) => {
      const value = item[name] as unknown;
      if (value === null || value === undefined) return null;
      if (typeof value === 'object') return JSON.stringify(value);
      return value as string | number | boolean;
    },
  }));
}

/**
 * Streams `batches` as a CSV download named `filename`: a header line, then every item, each string
 * cell neutralised against formula injection (src/util csv-safe). Lists of any size come from the
 * keyset iterators (iterateModels, iterateOrganizations), which start each batch after the last row of
 * the one before, so rows written while the download runs never repeat nor go missing.
 */
export function sendCsv<T>(
  reply: FastifyReply,
  filename: string,
  columns: readonly CsvColumn<T>[],
  batches: AsyncIterable<readonly T[]>,
): FastifyReply {
  const headers = columns.map((column) => column.header);
  const csv = createSafeCsvStringifier(headers);
  const rows = Readable.from(
    (async function* () {
      for await (const batch of batches) {
        for (const item of batch) {
          yield Object.fromEntries(columns.map((column) => [column.header, column.value(item)]));
        }
      }
    })(),
  );
  rows.on('error', (error) => csv.destroy(error));
  rows.pipe(csv);
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(csv);
}

/** One batch as an async iterable, for lists computed in one go. */
export async function* oneBatch<T>(items: readonly T[]): AsyncGenerator<readonly T[]> {
  yield items;
}
