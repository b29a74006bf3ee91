import type { IndicatorInfo } from '../../src/spec/api/index.ts';
import { api } from './api-client.ts';

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
