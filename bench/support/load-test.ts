import { createRequire } from 'node:module';
import { createHistogram } from 'node:perf_hooks';

/** The part of autocannon's result the benchmark reads (autocannon 8 ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p97_5: number; p99: number; max: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}

interface AutocannonRequest {
  method?: string;
  path?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}

interface AutocannonInstance {
  on(
    event: 'response',
    listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void,
  ): void;
}

type Autocannon = (
  options: {
    url: string;
    connections: number;
    duration: number;
    requests?: AutocannonRequest[];
  },
  done: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** Options of one load test. */
export interface LoadTestOptions {
  /** Base URL of the server, e.g. `http://127.0.0.1:40123`. */
  origin: string;
  /** Paths requested in turn, one per request, cycling (e.g. pages 1…100 of a list). */
  paths: readonly string[];
  connections: number;
  /** Seconds. */
  duration: number;
}

/** What one load test measured. */
export interface LoadTestResult {
  /** Mean requests per second over the run (autocannon's per-second samples). */
  requestsPerSecond: number;
  /** Latency percentiles of 2xx responses, in milliseconds. */
  p50: number;
  p95: number;
  /** autocannon's own p97.5 and p99, as a cross-check of the histogram. */
  p97_5: number;
  p99: number;
  max: number;
  /** Responses received, of any status. */
  total: number;
  /** Responses that were not 2xx. */
  non2xx: number;
  /** Socket errors and requests that timed out (no answer within autocannon's 10 s timeout). */
  errors: number;
  timeouts: number;
}

/**
 * Runs autocannon against `paths` of a server and returns throughput and latency percentiles.
 * autocannon reports p50, p97.5 and p99 but no p95 (its percentile list, from
 * hdr-histogram-percentiles-obj, skips 95), so every 2xx response time is also recorded, in
 * microseconds, into a Node HDR histogram (`perf_hooks.createHistogram`) that gives p95.
 *
 * @example
 * const result = await loadTest({ origin, paths: ['/api/health'], connections: 32, duration: 10 });
 */
export function loadTest(options: LoadTestOptions): Promise<LoadTestResult> {
  const histogram = createHistogram();
  let index = 0;
  const nextPath = () => options.paths[index++ % options.paths.length]!;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.origin,
        connections: options.connections,
        duration: options.duration,
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: nextPath() }) }],
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        const toMs = (microseconds: number) => microseconds / 1000;
        resolve({
          requestsPerSecond: result.requests.average,
          p50: result.latency.p50,
          p95: histogram.count > 0 ? toMs(histogram.percentile(95)) : Number.NaN,
          p97_5: result.latency.p97_5,
          p99: result.latency.p99,
          max: result.latency.max,
          total: result.requests.total,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
      if (statusCode >= 200 && statusCode < 300)
        histogram.record(Math.max(1, Math.round(responseTimeMs * 1000)));
    });
  });
}
