import { LRUCache } from 'lru-cache';

/** Limits of a ResponseCache. */
export interface ResponseCacheLimits {
  /** Most entries kept (least recently used go first). */
  maxEntries: number;
  /** Most bytes of cached strings kept (other values count as 1 KiB each). */
  maxBytes: number;
}

/** Defaults: enough for every list page a dashboard session touches, small beside a server's RSS. */
export const DEFAULT_RESPONSE_CACHE_LIMITS: ResponseCacheLimits = { maxEntries: 2_000, maxBytes: 64 << 20 };

/** A value the cache holds: lru-cache's bound excludes only null and undefined. */
type Value = NonNullable<unknown>;

/** A computation the cache runs for a missing key (lru-cache's fetch context). */
type Compute = () => Promise<Value>;

/** The weight of a settled value: string length in UTF-16 units × 2 is close enough for a bound. */
function weightOf(value: unknown): number {
  // lru-cache wants a positive size: an empty string weighs 1.
  return typeof value === 'string' ? Math.max(1, value.length * 2) : 1024;
}

/**
 * A bounded least-recently-used cache of computed values (lru-cache), keyed by strings that must include
 * the catalog version (so entries of an older catalog are never served, only aged out). Concurrent
 * requests for a missing key share one computation; a failed computation is not kept.
 *
 * @example
 * const cache = new ResponseCache();
 * const body = await cache.get(`v${version} /api/countries`, () => computeCountries());
 */
export class ResponseCache {
  readonly #cache: LRUCache<string, Value, Compute> | null;

  constructor(limits: ResponseCacheLimits = DEFAULT_RESPONSE_CACHE_LIMITS) {
    this.#cache =
      limits.maxEntries <= 0
        ? null
        : new LRUCache<string, Value, Compute>({
            max: limits.maxEntries,
            maxSize: Math.max(1, limits.maxBytes),
            sizeCalculation: weightOf,
            // fetch() keeps the pending computation, so concurrent callers share it, and drops it if it fails.
            fetchMethod: (_key, _stale, { context }) => context(),
          });
  }

  /** Entries held now (pending ones included). */
  get size(): number {
    return this.#cache?.size ?? 0;
  }

  /** The cached value of `key`, or the value `compute` gives (then kept for the next caller). */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.#cache === null) return compute();
    return this.#cache.fetch(key, { context: compute as Compute }) as Promise<T>;
  }
}
