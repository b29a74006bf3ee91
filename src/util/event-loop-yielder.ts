import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long work may hold the event loop before it yields, by default. */
export const DEFAULT_SLICE_MS = 8;

/**
 * Lets long synchronous work (parsing a 30 MB file, building a million-entry map) give the event loop a
 * turn every few milliseconds, so a server keeps answering other requests meanwhile. `due()` is cheap
 * enough to call once per row (it reads the clock every 256 calls); await `yield()` only when it is true.
 *
 * @example
 * const yielder = new EventLoopYielder();
 * for (const row of rows) {
 *   handle(row);
 *   if (yielder.due()) await yielder.yield();
 * }
 */
export class EventLoopYielder {
  private calls = 0;
  private sliceStart = performance.now();
  /** Turns given to the event loop so far. */
  yields = 0;

  constructor(private readonly sliceMs: number = DEFAULT_SLICE_MS) {}

  /** True when the current slice of work has used its time. */
  due(): boolean {
    if ((++this.calls & 255) !== 0) return false;
    return performance.now() - this.sliceStart >= this.sliceMs;
  }

  /** True when the current slice has used its time, checking the clock now (for coarse steps). */
  dueNow(): boolean {
    return performance.now() - this.sliceStart >= this.sliceMs;
  }

  /** Gives the event loop a turn (setImmediate: after pending I/O) and starts a new slice. */
  async yield(): Promise<void> {
    await nextTurn();
    this.yields++;
    this.sliceStart = performance.now();
  }
}
