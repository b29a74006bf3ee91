import { Command } from 'commander';
import { parseMofClass } from '../../../checker/index.ts';
import { ApertureError } from '../../../errors.ts';
import { addWebhookSubscription } from '../../../observatory/index.ts';
import type { ReleaseFilters } from '../../../spec/index.ts';
import { allowedHostsFromEnv } from '../../../util/index.ts';
import type { CliIo } from '../../io.ts';
import { DB_OPTION_HELP } from '../../shared/db-option.ts';
import { withStore } from '../../shared/with-store.ts';

interface HookOptions {
  secret?: string;
  organization?: string;
  country?: string;
  minScore?: string;
  mofClass?: string;
  openWashing?: string;
  db?: string;
  json?: boolean;
}

function filtersOf(options: HookOptions): ReleaseFilters {
  const filters: ReleaseFilters = {};
  if (options.organization !== undefined) filters.organization = options.organization;
  if (options.country !== undefined) filters.country = options.country;
  if (options.minScore !== undefined) {
    const score = Number(options.minScore);
    if (options.minScore.trim() === '' || !(score >= 0 && score <= 100))
      throw new ApertureError(
        'ERR_USAGE',
        `--min-score takes a number from 0 to 100, not ${JSON.stringify(options.minScore)}`,
      );
    filters.minScore = score;
  }
  if (options.mofClass !== undefined) filters.mofClass = parseMofClass(options.mofClass);
  if (options.openWashing !== undefined) {
    if (options.openWashing !== 'true' && options.openWashing !== 'false')
      throw new ApertureError(
        'ERR_USAGE',
        `--open-washing takes true or false, not ${JSON.stringify(options.openWashing)}`,
      );
    filters.openWashing = options.openWashing === 'true';
  }
  return filters;
}

/** `aperture watch hooks add URL`: subscribes a receiver to new releases. */
export function hooksAddCommand(io: CliIo): Command {
  return new Command('add')
    .description('subscribe a receiver: every new release that passes the filters is POSTed to it, signed')
    .argument('<url>', 'the receiver, https:// (or http://) on a public address')
    .option(
      '--secret <secret>',
      'the HMAC-SHA256 key (16+ characters); a random one is made and shown once when absent',
    )
    .option('--organization <name>', 'only releases of this Hub author or catalog organization')
    .option('--country <code>', 'only releases of organizations of this country (ISO 3166-1 alpha-2)')
    .option('--min-score <n>', 'only releases scored at least n (0–100)')
    .option('--mof-class <class>', 'only releases that reach at least this MOF class (I, II or III)')
    .option(
      '--open-washing <flag>',
      'true: only releases flagged open-washing; false: only those not flagged',
    )
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'print the id (and a made secret) as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ aperture watch hooks add https://hooks.example.org/aperture --secret "$HOOK_SECRET"
  $ aperture watch hooks add https://hooks.example.org/flags --open-washing true

Receivers verify X-Aperture-Signature as docs/watch.md shows. Private addresses are refused unless
listed in APERTURE_ALLOW_HOSTS.`,
    )
    .action(async (url: string, options: HookOptions) => {
      const filters = filtersOf(options);
      const added = await withStore(io, options.db, (store) =>
        addWebhookSubscription(store.db, {
          url,
          secret: options.secret,
          filters,
          allowHosts: allowedHostsFromEnv(io.env),
        }),
      );
      if (options.json) {
        io.stdout.write(
          `${JSON.stringify({ id: added.id, ...(added.generated ? { secret: added.secret } : {}) }, null, 2)}\n`,
        );
        return;
      }
      io.stdout.write(`webhook ${added.id} added\n`);
      if (added.generated) io.stdout.write(`secret (shown once, give it to the receiver): ${added.secret}\n`);
    });
}
