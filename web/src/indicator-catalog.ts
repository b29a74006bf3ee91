import { api } from './api-client.ts';
import type { IndicatorInfo } from './api-types.ts';

let catalog: Promise<IndicatorInfo[]> | null = null;

/** The list of indicators (name, title, summary), fetched once per page load and shared. */
export function indicatorCatalog(): Promise<IndicatorInfo[]> {
  catalog ??= api.indicators().then(
    (answer) => answer.items,
    (error: unknown) => {
      catalog = null;
      throw error;
    },
  );
  return catalog;
}
