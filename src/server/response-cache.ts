/** Limits of a ResponseCache. */
export interface ResponseCacheLimits {
  /** Most entries kept (least recently used go first). */
  maxEntries: number;
  /** Most bytes of cached strings kept (other values count as 1 KiB each). */
  maxBytes: number;
}

/** Defaults: enough for every list page a dashboard session touches, small beside a server's RSS. */
export const DEFAULT_RESPONSE_CACHE_LIMITS: ResponseCacheLimits = { maxEntries: 2_000, maxBytes: 64 << 20 };

interface Entry {
  value: Promise<unknown>;
  bytes: number;
}

/** The weight of a settled value: string length in UTF-16 units × 2 is close enough for a bound. */
function weightOf(value: unknown): number {
  return typeof value === 'string' ? value.length * 2 : 1024;
}

/**
 * A bounded least-recently-used cache of computed values, keyed by strings that must include the
 * catalog version (so entries of an older catalog are never served, only aged out). Concurrent
 * requests for a missing key share one computation; a failed computation is not kept.
 *
 * @example
 * const cache = new ResponseCache();
 * const body = await cache.get(`v${version} /api/countries`, () => computeCountries());
 */
export class ResponseCache {
  readonly #limits: ResponseCacheLimits;
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;

  constructor(limits: ResponseCacheLimits = DEFAULT_RESPONSE_CACHE_LIMITS) {
    this.#limits = limits;
  }

  /** Entries held now (pending ones included). */
  get size(): number {
    return this.#entries.size;
  }

  /** The cached value of `key`, or the value `compute` gives (then kept for the next caller). */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const found = this.#entries.get(key);
    if (found !== undefined) {
      // Map order is insertion order: re-inserting marks the entry most recently used.
      this.#entries.delete(key);
      this.#entries.set(key, found);
      return found.value as Promise<T>;
    }
    if (this.#limits.maxEntries <= 0) return compute();
    const entry: Entry = { value: compute(), bytes: 0 };
    this.#entries.set(key, entry);
    entry.value.then(
      (value) => {
        if (this.#entries.get(key) !== entry) return;
        entry.bytes = weightOf(value);
        this.#bytes += entry.bytes;
        this.#evict();
      },
      () => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
      },
    );
    this.#evict();
    return entry.value as Promise<T>;
  }

  #evict(): void {
    for (const [key, entry] of this.#entries) {
      if (this.#entries.size <= this.#limits.maxEntries && this.#bytes <= this.#limits.maxBytes) return;
      this.#entries.delete(key);
      this.#bytes -= entry.bytes;
    }
  }
}
