import { parse as parseCsv } from 'csv-parse/sync';
import { ApertureError } from '../errors.ts';
import { findNulByte, NUL_BYTE_MESSAGE, nulPathText } from '../spec/index.ts';
import { decodeUtf8Strict } from '../util/index.ts';

/** One item as an items file gives it: its id and its raw label (a string from CSV, any JSON value from JSONL). */
export interface RawItem {
  id: string;
  label: unknown;
}

/** Largest items file read (64 MiB). */
const MAX_ITEMS_BYTES = 64 * 1024 * 1024;

/**
 * Reads an items file: CSV with the header `id,label`, or JSON Lines of `{"id": …, "label": …}`. Aborts with
 * ERR_INVALID_INPUT naming the first bad line (a NUL character, U+0000, anywhere makes a line bad).
 *
 * @example
 * readItemsFile(Buffer.from('id,label\nq1,yes\n'), 'csv'); // [{ id: 'q1', label: 'yes' }]
 */
export function readItemsFile(bytes: Uint8Array, format: 'csv' | 'jsonl'): RawItem[] {
  if (bytes.length > MAX_ITEMS_BYTES)
    throw new ApertureError(
      'ERR_TOO_LARGE',
      `items file of ${bytes.length} bytes is over ${MAX_ITEMS_BYTES}`,
    );
  const text = decodeUtf8Strict(bytes, 'items file').replace(/^\uFEFF/, '');
  if (format === 'csv') {
    const nul = text.indexOf('\u0000');
    if (nul !== -1) {
      const line = text.slice(0, nul).split('\n').length;
      throw new ApertureError('ERR_INVALID_INPUT', `items CSV line ${line}: ${NUL_BYTE_MESSAGE}`);
    }
    let records: string[][];
    try {
      records = parseCsv(text, { skip_empty_lines: true }) as string[][];
    } catch (error) {
      throw new ApertureError(
        'ERR_INVALID_INPUT',
        `items file is not valid CSV: ${(error as Error).message}`,
      );
    }
    const [header, ...rows] = records;
    if (header?.length !== 2 || header[0] !== 'id' || header[1] !== 'label')
      throw new ApertureError('ERR_INVALID_INPUT', 'items CSV must start with the header `id,label`');
    return rows.map((row, index) => {
      if (row.length !== 2 || row[0] === '')
        throw new ApertureError('ERR_INVALID_INPUT', `items CSV record ${index + 2}: expected id,label`);
      return { id: row[0]!, label: row[1] };
    });
  }
  const items: RawItem[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new ApertureError('ERR_INVALID_INPUT', `items line ${index + 1}: not valid JSON`);
    }
    const record = value as { id?: unknown; label?: unknown } | null;
    const id = Number.isSafeInteger(record?.id) ? String(record?.id) : record?.id;
    if (typeof id !== 'string' || id === '' || record === null || !('label' in record))
      throw new ApertureError('ERR_INVALID_INPUT', `items line ${index + 1}: expected {"id": …, "label": …}`);
    // JSON's "\u0000" escape reads as NUL, which the store never keeps (as an id or inside a label).
    const nul = findNulByte(record);
    if (nul !== undefined)
      throw new ApertureError(
        'ERR_INVALID_INPUT',
        `items line ${index + 1}: ${nulPathText(nul, 'the item')} ${NUL_BYTE_MESSAGE}`,
      );
    items.push({ id, label: record.label });
  }
  return items;
}
