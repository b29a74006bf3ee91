import { Command } from 'commander';
import pc from 'picocolors';
import { ApertureError } from '../errors.ts';
import {
  DEFAULT_SYNC_MAX_BYTES,
  DEFAULT_SYNC_TIMEOUT_MS,
  PUBLIC_SOURCES,
  runSync,
  type SyncOutcome,
  syncTargets,
  urlVariable,
} from '../observatory/index.ts';
import { allowedHostsFromEnv } from '../util/index.ts';
import { overridesPath } from './catalog/overrides-option.ts';
import { type CliIo, wantsColor } from './io.ts';
import { DB_OPTION_HELP } from './shared/db-option.ts';
import { positiveInteger } from './shared/positive-integer.ts';
import { withStore } from './shared/with-store.ts';

interface SyncOptions {
  db?: string;
  json?: boolean;
  maxBytes?: number;
  timeout?: number;
}

/** One line per source: its outcome, counts or reason. */
export function renderSyncOutcome(outcome: SyncOutcome, color: boolean): string {
  const paint = (text: string, style: (text: string) => string) => (color ? style(text) : text);
  if (outcome.status === 'failed') {
    return `${outcome.id}: ${paint('failed', pc.red)}: ${outcome.reason} (previous data kept)`;
  }
  if (outcome.status === 'unchanged')
    return `${outcome.id}: ${paint('unchanged', pc.dim)} (${outcome.reason})`;
  const rejected = outcome.rejected > 0 ? `, ${outcome.rejected} rejected` : '';
  return `${outcome.id}: ${paint('updated', pc.green)}: ${outcome.records} records${rejected} (${outcome.inserted} new, ${outcome.updated} updated), ${outcome.bytes} bytes, sha256 ${outcome.sha256?.slice(0, 12)}`;
}

/** `aperture sync [SOURCE...]`: refreshes the public sources of the bundled snapshot from their URLs. */
export function syncCommand(io: CliIo): Command {
  const ids = PUBLIC_SOURCES.map((source) => source.id);
  return new Command('sync')
    .description('refresh the public data sources (Epoch, FMTI, MOT, OSAI) from their canonical URLs')
    .argument('[source...]', `sources to refresh (default all): ${ids.join(', ')}`)
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'print { sources: [outcome…] } as JSON, no progress')
    .option(
      '--max-bytes <n>',
      `largest download accepted per source (default ${DEFAULT_SYNC_MAX_BYTES})`,
      positiveInteger,
    )
    .option(
      '--timeout <seconds>',
      `longest one source's download may take (default ${DEFAULT_SYNC_TIMEOUT_MS / 1000})`,
      positiveInteger,
    )
    .addHelpText(
      'after',
      `
Sources and their URLs (override one with ${urlVariable('<id>')}, e.g. ${urlVariable('epoch')}):
${PUBLIC_SOURCES.map((source) => `  ${source.id.padEnd(6)} ${source.url}`).join('\n')}

Each source is downloaded with a conditional request (ETag, Last-Modified), read in full and checked,
then written in one transaction: a source that fails (unreachable, HTML instead of data, a truncated
file, a changed format, a redirect to a private address, a timeout) keeps its previous data and the
others proceed. A second sync with nothing new changes nothing. Hosts on private addresses are refused
unless APERTURE_ALLOW_HOSTS lists them.
Exit codes: 0 every source synced or unchanged, 4 at least one source failed, 2 bad usage, 3 the
database is unreachable.

Examples:
  $ aperture sync                      # all four sources
  $ aperture sync epoch fmti --json
  $ APERTURE_SYNC_URL_EPOCH=https://mirror.example/notable_ai_models.csv aperture sync epoch`,
    )
    .action(async (names: string[], options: SyncOptions) => {
      const targets = syncTargets(names, {}, io.env);
      const destination = { allowHosts: allowedHostsFromEnv(io.env) };
      const progress = !options.json && Boolean(io.stderr.isTTY);
      const color = wantsColor(io);
      const outcomes = await withStore(io, options.db, (store) =>
        runSync(store.db, targets, {
          destination,
          overridesFile: overridesPath(io, undefined),
          ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
          ...(options.timeout ? { timeoutMs: options.timeout * 1000 } : {}),
          onSource: (target, step, outcome) => {
            if (progress) {
              const label = { download: 'downloading', read: 'reading', write: 'writing', done: '' }[step];
              io.stderr.write(
                step === 'done' ? '\r\u001b[K' : `\r\u001b[Ksync ${target.source.id}: ${label}…`,
              );
            }
            if (outcome && !options.json) io.stdout.write(`${renderSyncOutcome(outcome, color)}\n`);
          },
        }),
      );
      if (options.json) io.stdout.write(`${JSON.stringify({ sources: outcomes }, null, 2)}\n`);
      const failed = outcomes.filter((outcome) => outcome.status === 'failed');
      if (failed.length > 0) {
        throw new ApertureError(
          'ERR_SYNC_FAILED',
          `${failed.length} of ${outcomes.length} source(s) failed (${failed.map((outcome) => outcome.id).join(', ')}); their previous data is kept`,
        );
      }
    });
}
