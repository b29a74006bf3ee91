import { z } from 'zod';

/** Largest page a list returns. */
export const MAX_PAGE_SIZE = 500;

/** Query field `format` of every list and indicator. */
export const FormatParamSchema = z
  .enum(['json', 'csv'])
  .default('json')
  .describe('`csv` returns the whole filtered list as CSV (formula-safe cells)');

/** Query field `page`. */
export const PageParamSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(1_000_000)
  .default(1)
  .describe('1-based page number');

/** Query field `pageSize`. */
export const PageSizeParamSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_PAGE_SIZE)
  .default(50)
  .describe(`Items per page (1–${MAX_PAGE_SIZE})`);

/** Query of lists without filters. */
export const FormatQuerySchema = z.object({ format: FormatParamSchema });

/**
 * One page of `item`s and the number of items that match the filters.
 *
 * @example
 * const ModelPageSchema = pageOf(ModelSummarySchema);
 */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}
