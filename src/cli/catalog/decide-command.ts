import { Command, Option } from 'commander';
import type { OverrideDecision } from '../../observatory/index.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { DECIDE_HELP, type DecideOptions, decideMatch } from './decide-match.ts';
import { OVERRIDES_OPTION_HELP } from './overrides-option.ts';

/** What tells `catalog accept` and `catalog reject` apart: their verb, their description, their examples. */
export interface DecideCommandSpec {
  /** The subcommand's name, also the decision it records. */
  decision: OverrideDecision['decision'];
  description: string;
  /** Example command lines, each without the `$ ` prompt. */
  examples: readonly string[];
}

/**
 * A `catalog accept|reject ID | LEFT RIGHT` subcommand: the same arguments and options for both decisions,
 * each recorded in the overrides file by decideMatch.
 *
 * @example
 * decideCommand(io, { decision: 'reject', description: 'reject a match', examples: ['aperture catalog reject 42'] });
 */
export function decideCommand(io: CliIo, spec: DecideCommandSpec): Command {
  return new Command(spec.decision)
    .description(spec.description)
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
${spec.examples.map((example) => `  $ ${example}`).join('\n')}`,
    )
    .action((refs: string[], options: DecideOptions) => decideMatch(io, refs, spec.decision, options));
}
