import type { Command, OutputConfiguration } from 'commander';
import type { CliIo } from '../io.ts';

/**
 * Commander's output through our io, with its usage errors worded like ours: `aperture: …`.
 *
 * @example
 * program.configureOutput(outputTo(io));
 */
export function outputTo(io: CliIo): OutputConfiguration {
  return {
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    outputError: (text, write) => write(`aperture: ${text.replace(/^error: /, '')}`),
  };
}

/**
 * A command set up the way main sets up its own: nested commands do not inherit main's settings, so each
 * one routes output and errors through `io` and throws instead of exiting (only main decides the exit code).
 *
 * @example
 * arena.addCommand(subCommand(io, createCommand(io)));
 */
export function subCommand(io: CliIo, command: Command): Command {
  return command.exitOverride().configureOutput(outputTo(io));
}
