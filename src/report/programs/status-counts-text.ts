/**
 * Deliverable counts by status in one phrase, leaving out the statuses counted zero times; an empty
 * string when every count is zero.
 *
 * @example
 * statusCountsText({ pass: 2, fail: 1, pending: 0 }) // '2 pass, 1 fail'
 */
export function statusCountsText(status: Readonly<Record<string, number>>): string {
  return Object.entries(status)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${count} ${name}`)
    .join(', ');
}
