import { ApertureError } from '../errors.ts';

/** How patiently to talk to the Hub. */
export interface HubFetchTuning {
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** The first backoff wait; each further wait doubles it. */
  baseDelayMs: number;
  /** The longest single wait; a Retry-After asking for more gives up instead. */
  maxDelayMs: number;
  /** The longest total wait for one request. */
  maxTotalWaitMs: number;
  /** Time allowed for one request, its body included. */
  timeoutMs: number;
  maxRedirects: number;
  /** The transport underneath (tests pass their own); global fetch by default. */
  fetch: typeof fetch;
  /** How to wait (tests pass their own to record waits instead of sleeping). */
  sleep: (ms: number) => Promise<void>;
}

/** Options of createHubFetch. */
export interface HubFetchOptions extends Partial<HubFetchTuning> {
  /** Origins requests may go to: `https://host[:port]` exactly, or `https://*.domain` for its subdomains. */
  allowedOrigins: string[];
  /** Sent as a bearer token, to `tokenOrigin` only. */
  token?: string;
  tokenOrigin?: string;
}

/** Defaults: four attempts, at most a minute of waiting, a minute per request. */
export const DEFAULT_HUB_FETCH_TUNING: HubFetchTuning = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxTotalWaitMs: 60_000,
  timeoutMs: 60_000,
  maxRedirects: 5,
  fetch: (input, init) => globalThis.fetch(input, init),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

/** True when `url` is on one of the allowed origins (exact, or a subdomain for `https://*.domain`). */
export function isOriginAllowed(url: URL, allowed: readonly string[]): boolean {
  return allowed.some((pattern) => {
    const wildcard = /^(https?):\/\/\*\.([^/:]+)$/.exec(pattern);
    if (wildcard) {
      return (
        url.protocol === `${wildcard[1]}:` && url.port === '' && url.hostname.endsWith(`.${wildcard[2]}`)
      );
    }
    try {
      return new URL(pattern).origin === url.origin;
    } catch {
      return false;
    }
  });
}

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return `no answer within ${Number((timeoutMs / 1000).toFixed(1))} s`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const text = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return text.split('\n')[0] ?? 'network error';
}

/**
 * A `fetch` for @huggingface/hub that talks only to the configured Hub: every request and every
 * redirect hop must be on an allowed origin (others are refused before any connection), the token goes
 * to the endpoint only, 429, 5xx and network errors are retried with exponential backoff that honours
 * Retry-After within bounds, and each request has a timeout. When retries run out it throws
 * ERR_SOURCE_UNAVAILABLE with a one-line reason.
 *
 * @example
 * const hubFetch = createHubFetch({ allowedOrigins: ['https://huggingface.co'] });
 * await modelInfo({ name: 'org/model', fetch: hubFetch });
 */
export function createHubFetch(options: HubFetchOptions): typeof fetch {
  const tuning: HubFetchTuning = { ...DEFAULT_HUB_FETCH_TUNING, ...definedOnly(options) };

  function checkOrigin(url: URL): void {
    if (!isOriginAllowed(url, options.allowedOrigins)) {
      throw new ApertureError(
        'ERR_SOURCE_UNAVAILABLE',
        `refused a request to ${url.origin}: Aperture only contacts the configured Hub endpoint (${options.allowedOrigins.join(', ')}); see HF_ENDPOINT and APERTURE_HF_ORIGINS`,
      );
    }
  }

  async function attemptWithRetries(url: URL, init: RequestInit): Promise<Response> {
    const method = (init.method ?? 'GET').toUpperCase();
    const retries = method === 'GET' || method === 'HEAD';
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      let response: Response | undefined;
      let failure: unknown;
      try {
        const timeout = AbortSignal.timeout(tuning.timeoutMs);
        const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        response = await tuning.fetch(url, { ...init, signal, redirect: 'manual' });
      } catch (error) {
        if (init.signal?.aborted) throw error;
        failure = error;
      }
      if (response && !isRetryable(response.status)) return response;
      const asked = response ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
      const delay = asked ?? Math.min(tuning.baseDelayMs * 2 ** (attempt - 1), tuning.maxDelayMs);
      await response?.body?.cancel().catch(() => undefined);
      const tooLong = delay > tuning.maxDelayMs || waited + delay > tuning.maxTotalWaitMs;
      if (!retries || attempt >= tuning.maxAttempts || tooLong) {
        const tries = `${attempt} attempt${attempt === 1 ? '' : 's'}`;
        if (!response) {
          throw new ApertureError(
            'ERR_SOURCE_UNAVAILABLE',
            `cannot reach ${url.origin} after ${tries} (${describeFailure(failure, tuning.timeoutMs)}); check HF_ENDPOINT and the network`,
            { cause: failure },
          );
        }
        const wait = asked !== undefined && tooLong ? ` and asks to wait ${Math.ceil(asked / 1000)} s` : '';
        throw new ApertureError(
          'ERR_SOURCE_UNAVAILABLE',
          `${url.origin} answered ${response.status}${wait} after ${tries}; try again later`,
        );
      }
      await tuning.sleep(delay);
      waited += delay;
    }
  }

  return async function hubFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    let url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(input instanceof Request ? input.headers : undefined);
    for (const [name, value] of new Headers(init.headers)) headers.set(name, value);
    const tokenOrigin = options.tokenOrigin ? new URL(options.tokenOrigin).origin : undefined;
    for (let hops = 0; ; hops++) {
      checkOrigin(url);
      const hopHeaders = new Headers(headers);
      // The token is for the Hub itself; a CDN it redirects to gets signed URLs, not the token.
      if (options.token && url.origin === tokenOrigin)
        hopHeaders.set('authorization', `Bearer ${options.token}`);
      else hopHeaders.delete('authorization');
      const response = await attemptWithRetries(url, { ...init, headers: hopHeaders });
      const location = response.headers.get('location');
      if (!REDIRECTS.has(response.status) || location === null) return response;
      await response.body?.cancel().catch(() => undefined);
      if (hops >= tuning.maxRedirects) {
        throw new ApertureError(
          'ERR_SOURCE_UNAVAILABLE',
          `${url.origin}: more than ${tuning.maxRedirects} redirects`,
        );
      }
      url = new URL(location, url);
    }
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
