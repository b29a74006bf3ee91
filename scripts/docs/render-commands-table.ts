import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/main.ts';
import { recordingIo } from '../../src/cli/test-support/recording-io.ts';
import { table } from './markdown.ts';

/** One command a person can type: its words, arguments, summary and options. */
interface CommandRow {
  words: string;
  summary: string;
  options: string[];
}

function summaryOf(command: Command): string {
  const text = command.summary() || command.description();
  return text.split('\n')[0]!.trim();
}

function argumentsOf(command: Command): string {
  return command.registeredArguments
    .map((argument) => {
      const name = `${argument.name()}${argument.variadic ? '…' : ''}`;
      return argument.required ? name.toUpperCase() : `[${name.toUpperCase()}]`;
    })
    .join(' ');
}

function rowsOf(command: Command, prefix: string): CommandRow[] {
  const words = `${prefix} ${command.name()}`;
  if (command.commands.length > 0) return command.commands.flatMap((child) => rowsOf(child, words));
  const args = argumentsOf(command);
  return [
    {
      words: args ? `${words} ${args}` : words,
      summary: summaryOf(command),
      options: command.options
        .filter((option) => !option.hidden)
        .map((option) => option.flags.replace(/^-\w,\s*/, '')),
    },
  ];
}

/**
 * The README's command table, read from the CLI itself (every command and subcommand with its
 * arguments, summary and long options), so the table cannot list a command that does not exist or
 * miss one that does.
 */
export function renderCommandsTable(): string {
  const program = buildProgram(recordingIo());
  const rows = program.commands.flatMap((command) => rowsOf(command, 'aperture'));
  return table(
    ['command', 'what it does', 'options'],
    rows.map((row) => [
      `\`${row.words}\``,
      row.summary,
      row.options.map((option) => `\`${option}\``).join(' '),
    ]),
  );
}
