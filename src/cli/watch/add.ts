import { Command } from 'commander';
import { addWatchedOrganization } from '../../observatory/index.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { withStore } from '../shared/with-store.ts';

/** `aperture watch add AUTHOR`: watches a Hub author or organization. */
export function watchAddCommand(io: CliIo): Command {
  return new Command('add')
    .description('watch a Hugging Face author or organization (adding it again updates its mapping)')
    .argument('<author>', 'Hub user or organization, e.g. allenai')
    .option(
      '--organization <name>',
      "the catalog organization it stands for (its country is the releases' country)",
    )
    .option('--country <code>', "ISO 3166-1 alpha-2 code of the organization (wins over the catalog's)")
    .option('--since <date>', 'do not report releases created before this day (YYYY-MM-DD)')
    .option('--db <path>', DB_OPTION_HELP)
    .addHelpText(
      'after',
      `
Examples:
  $ aperture watch add allenai --organization "Allen Institute for AI"
  $ aperture watch add mistralai --country FR --since 2026-01-01

Without --since, the models the author already has are reported too, by the first runs (a backfill,
--max-checks at a time).`,
    )
    .action(
      async (
        author: string,
        options: { organization?: string; country?: string; since?: string; db?: string },
      ) => {
        const { watched, created } = await withStore(io, options.db, (store) =>
          addWatchedOrganization(store.db, author, options),
        );
        const mapping = [
          watched.organization ? `organization ${watched.organization}` : null,
          watched.country ? `country ${watched.country}` : null,
          watched.since ? `since ${watched.since}` : null,
        ].filter((part) => part !== null);
        io.stdout.write(
          `${created ? 'watching' : 'updated'} ${watched.author}${mapping.length > 0 ? ` (${mapping.join(', ')})` : ''}\n`,
        );
      },
    );
}
