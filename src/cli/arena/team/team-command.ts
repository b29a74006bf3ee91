import { Command } from 'commander';
import type { CliIo } from '../../io.ts';
import { subCommand } from '../../shared/sub-command.ts';
import { arenaTeamCreateCommand } from './create.ts';
import { arenaTeamRevokeCommand } from './revoke.ts';
import { arenaTeamTokenCommand } from './token.ts';

/** `aperture arena team create|token|revoke`: teams and their tokens. */
export function arenaTeamCommand(io: CliIo): Command {
  return new Command('team')
    .description('create teams and manage their tokens')
    .addCommand(subCommand(io, arenaTeamCreateCommand(io)))
    .addCommand(subCommand(io, arenaTeamTokenCommand(io)))
    .addCommand(subCommand(io, arenaTeamRevokeCommand(io)));
}
