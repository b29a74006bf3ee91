/**
 * Resolves at the first SIGINT or SIGTERM, then removes its listeners: how a long-running command
 * (`aperture serve`, `aperture watch run --every`) waits for the end before closing what it holds.
 *
 * @example
 * const schedule = startWatchSchedule(db, options);
 * await untilSignal();
 * await schedule.stop();
 */
export function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
