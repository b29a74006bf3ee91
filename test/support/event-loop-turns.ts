/**
 * Runs `work` and counts the event-loop turns other callbacks got while it ran: a work that never yields
 * leaves none, one that yields between slices leaves about one per slice.
 *
 * @example
 * const { value, turns } = await countTurnsDuring(() => readPredictions(file, expectation, yielder));
 */
export async function countTurnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let settled = false;
  let turns = 0;
  const count = () => {
    if (settled) return;
    turns++;
    setImmediate(count);
  };
  setImmediate(count);
  try {
    const value = await work();
    return { value, turns };
  } finally {
    settled = true;
  }
}
