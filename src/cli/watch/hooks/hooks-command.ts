import { Command } from 'commander';
import type { CliIo } from '../../io.ts';
import { subCommand } from '../../shared/sub-command.ts';
import { hooksAddCommand } from './add.ts';
import { hooksDeadLettersCommand } from './dead-letters.ts';
import { hooksDeliverCommand } from './deliver.ts';
import { hooksListCommand } from './list.ts';
import { hooksRemoveCommand } from './remove.ts';
import { hooksReplayCommand } from './replay.ts';

/** `aperture watch hooks add|remove|list|deliver|dead-letters|replay`: signed webhooks of new releases. */
export function hooksCommand(io: CliIo): Command {
  return new Command('hooks')
    .description('signed webhooks: each new release is POSTed as JSON, signed with HMAC-SHA256')
    .addHelpText(
      'after',
      `
Examples:
  $ aperture watch hooks add https://hooks.example.org/aperture --secret "$HOOK_SECRET" --country FR
  $ aperture watch hooks list
  $ aperture watch hooks deliver               # send the due deliveries now
  $ aperture watch hooks dead-letters          # deliveries that failed every attempt
  $ aperture watch hooks replay --all          # queue them again`,
    )
    .addCommand(subCommand(io, hooksAddCommand(io)))
    .addCommand(subCommand(io, hooksRemoveCommand(io)))
    .addCommand(subCommand(io, hooksListCommand(io)))
    .addCommand(subCommand(io, hooksDeliverCommand(io)))
    .addCommand(subCommand(io, hooksDeadLettersCommand(io)))
    .addCommand(subCommand(io, hooksReplayCommand(io)));
}
