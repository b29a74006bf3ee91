import { createHistogram } from 'node:perf_hooks';

/** What the pollers measured: every answer's latency, in milliseconds. */
export interface HealthPollResult {
  requests: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers that were not 200. */
  failures: number;
}

/** Pollers running until stopped. */
export interface RunningHealthPollers {
  /** Stops the pollers, waits for their last answers and returns the figures. */
  stop(): Promise<HealthPollResult>;
}

/**
 * Starts `connections` loops that each request `GET /api/health` again as soon as the last answer
 * arrived (closed loop: a stalled server shows as one long request per loop, never as a pile of
 * queued ones), recording every latency in an HDR histogram.
 *
 * @example
 * const pollers = startHealthPollers('http://127.0.0.1:4000', 4);
 * await doSomethingHeavy();
 * const { p99 } = await pollers.stop();
 */
export function startHealthPollers(origin: string, connections: number): RunningHealthPollers {
  const histogram = createHistogram();
  let stopped = false;
  let failures = 0;
  const loop = async () => {
    while (!stopped) {
      const start = performance.now();
      const response = await fetch(`${origin}/api/health`);
      await response.arrayBuffer();
      histogram.record(Math.max(1, Math.round((performance.now() - start) * 1000)));
      if (response.status !== 200) failures++;
    }
  };
  const loops = Array.from({ length: connections }, loop);
  return {
    async stop() {
      stopped = true;
      await Promise.all(loops);
      const ms = (microseconds: number) => microseconds / 1000;
      return {
        requests: histogram.count,
        p50: ms(histogram.percentile(50)),
        p99: ms(histogram.percentile(99)),
        max: ms(histogram.max),
        failures,
      };
    },
  };
}
