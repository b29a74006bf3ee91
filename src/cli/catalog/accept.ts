import { Command, Option } from 'commander';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { DECIDE_HELP, type DecideOptions, decideMatch } from './decide-match.ts';
import { OVERRIDES_OPTION_HELP } from './overrides-option.ts';

/** `aperture catalog accept ID | LEFT RIGHT`: pin a match (or merge a pair the rules missed). */
export function catalogAcceptCommand(io: CliIo): Command {
  return new Command('accept')
    .description(
      'accept a match by id, or merge two members the rules did not match; written to the overrides file',
    )
    .argument('<refs...>', 'a match id, or two member keys (source:external id, org:name)')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--overrides <file>', OVERRIDES_OPTION_HELP)
    .addOption(
      new Option('--kind <kind>', 'for two member keys: what they are').choices(['model', 'organization']),
    )
    .addOption(new Option('--relation <relation>', 'pin the relation').choices(['same', 'family']))
    .option('--note <text>', 'why (kept in the file)')
    .addHelpText(
      'after',
      `${DECIDE_HELP}

Examples:
  $ aperture catalog accept 42
  $ aperture catalog accept "mot:Gemini-1.5" "epoch:Gemini 1.5 Pro" --note "same release"`,
    )
    .action((refs: string[], options: DecideOptions) => decideMatch(io, refs, 'accept', options));
}
