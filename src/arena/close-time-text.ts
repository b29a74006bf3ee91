/**
 * When a round closed, in words: the time it really closed, and its scheduled close when a forced close
 * came before it (a round is closed at its scheduled time, or later, unless forced).
 *
 * @example
 * closeTimeText('2025-03-10T12:00:00.000Z', '2025-03-15T00:00:00.000Z')
 * // 'at 2025-03-10T12:00:00.000Z, before its scheduled close at 2025-03-15T00:00:00.000Z'
 */
export function closeTimeText(closedAt: string, closesAt: string): string {
  return closedAt < closesAt ? `at ${closedAt}, before its scheduled close at ${closesAt}` : `at ${closedAt}`;
}
