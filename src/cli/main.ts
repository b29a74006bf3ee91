import { Command, CommanderError } from 'commander';
import { toolVersion } from '../checker/index.ts';
import { ApertureError, EXIT_CODES } from '../errors.ts';
import { arenaCommand } from './arena/arena-command.ts';
import { badgeCommand } from './badge-command.ts';
import { cardCommand } from './card-command.ts';
import { catalogCommand } from './catalog/catalog-command.ts';
import { checkCommand } from './check-command.ts';
import { ciCommand } from './ci-command.ts';
import { dbCommand } from './db/db-command.ts';
import { ExitCode } from './exit-code.ts';
import { exportCommand } from './export-command.ts';
import { importCommand } from './import-command.ts';
import { importRunsCommand } from './import-runs-command.ts';
import { indicatorsCommand } from './indicators-command.ts';
import { initCommand } from './init-command.ts';
import { type CliIo, processIo } from './io.ts';
import { programsCommand } from './programs/programs-command.ts';
import { schemaCommand } from './schema-command.ts';
import { serveCommand } from './serve-command.ts';
import { outputTo, subCommand } from './shared/sub-command.ts';
import { syncCommand } from './sync-command.ts';
import { validateCommand } from './validate-command.ts';
import { watchCommand } from './watch/watch-command.ts';

/** Builds the `aperture` program with every subcommand. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('aperture')
    .description('Aperture: make openness in AI research measurable, checkable and rewarded')
    .version(toolVersion())
    .option('--debug', 'print stack traces of errors')
    .configureOutput(outputTo(io))
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ aperture init my-release            # scaffold a release pack
  $ aperture validate my-release        # check the manifest alone
  $ aperture check my-release           # score its openness
  $ aperture check hf:org/model --json  # score a Hugging Face model`,
    );
  for (const command of [
    checkCommand(io),
    ciCommand(io),
    badgeCommand(io),
    cardCommand(io),
    initCommand(io),
    validateCommand(io),
    schemaCommand(io),
    dbCommand(io),
    exportCommand(io),
    serveCommand(io),
    importCommand(io),
    importRunsCommand(io),
    syncCommand(io),
    catalogCommand(io),
    indicatorsCommand(io),
    arenaCommand(io),
    programsCommand(io),
    watchCommand(io),
  ]) {
    program.addCommand(subCommand(io, command));
  }
  return program;
}

/**
 * Runs the CLI and returns the exit code. The only place that catches errors: it prints
 * `aperture: <message>` on one line (with --debug, the stack) and maps the error to its exit code.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const program = buildProgram(io);
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return EXIT_CODES.ok;
  } catch (error) {
    if (error instanceof ExitCode) return error.code;
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
      ) {
        return EXIT_CODES.ok;
      }
      return EXIT_CODES.badInput;
    }
    if (error instanceof ApertureError) {
      io.stderr.write(`aperture: ${error.message}\n`);
      if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      `aperture: internal error: ${message.split('\n')[0]} (rerun with --debug and report it)\n`,
    );
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT_CODES.internal;
  }
}
