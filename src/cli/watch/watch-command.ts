import { Command } from 'commander';
import type { CliIo } from '../io.ts';
import { subCommand } from '../shared/sub-command.ts';
import { watchAddCommand } from './add.ts';
import { hooksCommand } from './hooks/hooks-command.ts';
import { watchListCommand } from './list.ts';
import { watchRemoveCommand } from './remove.ts';
import { watchRunCommand } from './run.ts';

/** `aperture watch add|remove|list|run|hooks`: the release watch. */
export function watchCommand(io: CliIo): Command {
  return new Command('watch')
    .description(
      'release watch: list new Hub releases of watched organizations, check them, publish a feed and webhooks',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ aperture watch add allenai --organization "Allen Institute for AI"
  $ aperture watch run                       # list, check and record new releases; send due webhooks
  $ aperture watch run --every 1h            # the same every hour, until interrupted
  $ aperture watch hooks add https://hooks.example.org/aperture --min-score 50
  $ aperture serve --watch-interval 1h       # the feed at /feed.atom, kept up to date

See docs/watch.md for the feed, the filters and how to verify a webhook signature.`,
    )
    .addCommand(subCommand(io, watchAddCommand(io)))
    .addCommand(subCommand(io, watchRemoveCommand(io)))
    .addCommand(subCommand(io, watchListCommand(io)))
    .addCommand(subCommand(io, watchRunCommand(io)))
    .addCommand(subCommand(io, hooksCommand(io)));
}
