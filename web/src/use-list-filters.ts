import { useSearchParams } from 'react-router';

/** A list page's filters, kept in the URL: the API query they make and how to change one. */
export interface ListFilters {
  search: URLSearchParams;
  /** The API query: page, page size and every filter set in the URL. */
  query: Record<string, string | number>;
  /** Sets (or, when empty, removes) one filter; any change but the page goes back to page 1. */
  update(name: string, value: string): void;
  /** Removes every filter. */
  clear(): void;
}

/**
 * The URL-kept filters of a paginated list page.
 *
 * @example
 * const { search, query, update } = useListFilters(['q', 'country'], 50);
 */
export function useListFilters(names: readonly string[], pageSize: number): ListFilters {
  const [search, setSearch] = useSearchParams();
  const query: Record<string, string | number> = { page: Number(search.get('page')) || 1, pageSize };
  for (const name of names) {
    const value = search.get(name);
    if (value) query[name] = value;
  }
  return {
    search,
    query,
    update(name, value) {
      const next = new URLSearchParams(search);
      if (value) next.set(name, value);
      else next.delete(name);
      if (name !== 'page') next.delete('page');
      setSearch(next);
    },
    clear() {
      setSearch(new URLSearchParams());
    },
  };
}
