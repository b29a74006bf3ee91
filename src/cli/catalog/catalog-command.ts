import { Command } from 'commander';
import type { CliIo } from '../io.ts';
import { subCommand } from '../shared/sub-command.ts';
import { catalogAcceptCommand } from './accept.ts';
import { catalogMatchCommand } from './match.ts';
import { catalogMatchesCommand } from './matches.ts';
import { catalogRejectCommand } from './reject.ts';

/** `aperture catalog matches|match|accept|reject`: one entity per model and organisation across sources. */
export function catalogCommand(io: CliIo): Command {
  return new Command('catalog')
    .description('cross-source entities: list matches, re-run matching, accept or reject a match')
    .addHelpText(
      'after',
      `
Examples:
  $ aperture catalog matches --status proposed
  $ aperture catalog accept 42
  $ aperture catalog match`,
    )
    .addCommand(subCommand(io, catalogMatchesCommand(io)))
    .addCommand(subCommand(io, catalogMatchCommand(io)))
    .addCommand(subCommand(io, catalogAcceptCommand(io)))
    .addCommand(subCommand(io, catalogRejectCommand(io)));
}
