/** A row that could not be read, with where and why. */
export interface RejectedRow {
  kind: 'rejected';
  file: string;
  /** 1-based line where the row starts; for a whole-file rejection, the line of the problem or 1. */
  line: number;
  reason: string;
}

/**
 * What a parser yields: a typed record, or a rejected row. Parsers never throw on a bad row, only on
 * an input they cannot read at all.
 */
export type ParseItem<T> = { kind: 'record'; value: T } | RejectedRow;

/** A record item. */
export function recordItem<T>(value: T): ParseItem<T> {
  return { kind: 'record', value };
}

/** A rejected-row item. */
export function rejectedItem(file: string, line: number, reason: string): RejectedRow {
  return { kind: 'rejected', file, line, reason };
}

/**
 * Drains a parser into records and rejections (for tests and small inputs).
 *
 * @example
 * const { records, rejected } = await collectItems(parseEpochCsv(text, { file }));
 */
export async function collectItems<T>(
  items: AsyncIterable<ParseItem<T>> | Iterable<ParseItem<T>>,
): Promise<{ records: T[]; rejected: RejectedRow[] }> {
  const records: T[] = [];
  const rejected: RejectedRow[] = [];
  for await (const item of items) {
    if (item.kind === 'record') records.push(item.value);
    else rejected.push(item);
  }
  return { records, rejected };
}
