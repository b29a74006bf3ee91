import { Command } from 'commander';
import { readCatalogOverrides, runMatching } from '../../observatory/index.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { withStore } from '../shared/with-store.ts';
import { OVERRIDES_OPTION_HELP, overridesPath } from './overrides-option.ts';

/** `aperture catalog match`: re-run matching over the whole catalog with the overrides file. */
export function catalogMatchCommand(io: CliIo): Command {
  return new Command('match')
    .description('re-run model and organisation matching over the catalog, applying the overrides file')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--overrides <file>', OVERRIDES_OPTION_HELP)
    .option('--json', 'print the outcome as JSON')
    .addHelpText(
      'after',
      `
Every import already runs it; run it after editing the overrides file by hand. Running it again on an
unchanged catalog changes nothing. Exit codes: 0 done, 2 invalid overrides file (the line is named) or
unreadable database, 70 internal error.

Examples:
  $ aperture catalog match
  $ aperture catalog match --overrides reviewed/catalog-overrides.yaml --json`,
    )
    .action(async (options: { db?: string; overrides?: string; json?: boolean }) => {
      const file = overridesPath(io, options.overrides);
      const overrides = await readCatalogOverrides(file);
      const outcome = await withStore(io, options.db, (store) => runMatching(store.db, { overrides }));
      if (options.json) {
        io.stdout.write(`${JSON.stringify({ overrides: file, ...outcome }, null, 2)}\n`);
        return;
      }
      io.stdout.write(
        `matched ${outcome.models} models: ${outcome.accepted} accepted, ${outcome.proposed} proposed, ${outcome.rejected} rejected (${outcome.overridden} by overrides); ${outcome.modelEntities} model and ${outcome.organizationEntities} organisation entities with several sources\n`,
      );
      for (const pair of outcome.unresolvedOverrides) {
        io.stderr.write(
          `note: override ${pair.left} ↔ ${pair.right} names a member the catalog does not hold\n`,
        );
      }
    });
}
