import { Command } from 'commander';
import type { CliIo } from '../io.ts';
import { subCommand } from '../shared/sub-command.ts';
import { programsExportCommand } from './export.ts';
import { programsListCommand } from './list.ts';
import { programsLoadCommand } from './load.ts';
import { programsShowCommand } from './show.ts';
import { programsVerifyCommand } from './verify.ts';

/** `aperture programs load|list|show|verify|export`: funding programs that reward openness. */
export function programsCommand(io: CliIo): Command {
  return new Command('programs')
    .description('funding programs: load definitions, verify deliverables, export results')
    .addHelpText(
      'after',
      `
Examples:
  $ aperture programs load programs/                 # validate and store program definitions
  $ aperture programs list
  $ aperture programs show open-artifacts-fellowship
  $ aperture programs verify --as-of 2026-06-01      # exit 1 when a deliverable fails or is overdue
  $ aperture programs export --format csv > results.csv`,
    )
    .addCommand(subCommand(io, programsLoadCommand(io)))
    .addCommand(subCommand(io, programsListCommand(io)))
    .addCommand(subCommand(io, programsShowCommand(io)))
    .addCommand(subCommand(io, programsVerifyCommand(io)))
    .addCommand(subCommand(io, programsExportCommand(io)));
}
