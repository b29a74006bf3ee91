import { ApertureError } from '../../errors.ts';
import type { DeliverResult, WatchRunResult } from '../../observatory/index.ts';
import type { WatchedRelease } from '../../spec/index.ts';

/** One line per release: id, score, MOF class, country, flags. */
export function releaseLine(release: WatchedRelease): string {
  if (release.status === 'check-failed') return `  ${release.repoId}  not checked: ${release.checkError}`;
  const parts = [
    release.opennessScore === null ? 'unscored' : `score ${Math.round(release.opennessScore)}`,
    release.mofClass === null ? 'no MOF class' : `MOF class ${release.mofClass}`,
    release.country ?? 'country unknown',
    ...(release.openWashing ? [`OPEN-WASHING: ${release.openWashingReason ?? 'flagged'}`] : []),
  ];
  return `  ${release.repoId}  ${parts.join(', ')}`;
}

/** The text summary of a watch run and the delivery pass after it. */
export function renderWatchRun(result: WatchRunResult, deliveries: DeliverResult | null): string {
  const lines: string[] = [];
  for (const author of result.authors) {
    lines.push(
      author.error !== null && author.listed === 0
        ? `${author.author}: listing failed: ${author.error}`
        : `${author.author}: ${author.listed} listed, ${author.reported} new${author.deferred > 0 ? `, ${author.deferred} left for the next run` : ''}${author.error ? ` (${author.error})` : ''}`,
    );
  }
  if (result.authors.length === 0)
    lines.push('no author is watched; add one with: aperture watch add AUTHOR');
  for (const release of result.releases) lines.push(releaseLine(release));
  const count = result.releases.length;
  let summary = `${count === 0 ? 'no new release' : count === 1 ? '1 new release' : `${count} new releases`}; ${result.deliveriesQueued} webhook deliveries queued`;
  if (deliveries) summary += `; sent: ${renderDeliveries(deliveries)}`;
  lines.push(summary);
  return `${lines.join('\n')}\n`;
}

/** `2 delivered, 1 retrying, 0 dead`. */
export function renderDeliveries(result: DeliverResult): string {
  return `${result.delivered} delivered, ${result.retrying} to retry, ${result.dead} dead`;
}

/** Reads `--hook-timeout` (seconds, 0.1–120) as milliseconds. */
export function parseHookTimeout(text: string | undefined): number {
  if (text === undefined) return 10_000;
  const seconds = Number(text);
  if (text.trim() === '' || !Number.isFinite(seconds) || seconds < 0.1 || seconds > 120)
    throw new ApertureError(
      'ERR_USAGE',
      `--hook-timeout takes seconds from 0.1 to 120, not ${JSON.stringify(text)}`,
    );
  return Math.round(seconds * 1000);
}
