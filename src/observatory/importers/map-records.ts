import type { CatalogBatch } from '../catalog/catalog-batch.ts';
import { type ParseItem, recordItem } from './parse-item.ts';

/**
 * A parser's items with every record turned into a catalog batch part by `toBatch`; rejections pass
 * through unchanged.
 *
 * @example
 * yield* mapRecords(parseMotYaml(text, file), motBatch);
 */
export async function* mapRecords<T>(
  items: AsyncIterable<ParseItem<T>> | Iterable<ParseItem<T>>,
  toBatch: (record: T) => CatalogBatch,
): AsyncGenerator<ParseItem<CatalogBatch>> {
  for await (const item of items) yield item.kind === 'record' ? recordItem(toBatch(item.value)) : item;
}
