import { Command, Option } from 'commander';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { DECIDE_HELP, type DecideOptions, decideMatch } from './decide-match.ts';
import { OVERRIDES_OPTION_HELP } from './overrides-option.ts';

/** `aperture catalog reject ID | LEFT RIGHT`: keep a pair apart whatever the rules say. */
export function catalogRejectCommand(io: CliIo): Command {
  return new Command('reject')
    .description('reject a match by id (or a pair by member keys); written to the overrides file')
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
  $ aperture catalog reject 42
  $ aperture catalog reject "osai:Qwen" "epoch:Qwen-VL" --note "a vision model, rated apart"`,
    )
    .action((refs: string[], options: DecideOptions) => decideMatch(io, refs, 'reject', options));
}
