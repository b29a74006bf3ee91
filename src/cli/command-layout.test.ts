import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from './main.ts';
import { recordingIo } from './test-support/recording-io.ts';

/**
 * Where a command is defined, from the words you type: `aperture check` in check-command.ts, a group
 * such as `aperture arena` in arena/arena-command.ts, and its subcommands in arena/<name>.ts
 * (`arena team token` in arena/team/token.ts, the nested group in arena/team/team-command.ts).
 */
function fileOf(words: readonly string[], isGroup: boolean): string {
  const name = words.at(-1)!;
  if (words.length === 1) return isGroup ? `${name}/${name}-command.ts` : `${name}-command.ts`;
  return isGroup ? `${words.join('/')}/${name}-command.ts` : `${words.join('/')}.ts`;
}

function commandsOf(command: Command, prefix: string[]): { words: string[]; isGroup: boolean }[] {
  return command.commands.flatMap((child) => {
    const words = [...prefix, child.name()];
    return [{ words, isGroup: child.commands.length > 0 }, ...commandsOf(child, words)];
  });
}

describe('CLI layout', () => {
  it('defines every command in the file its words name, so folder names alone find it', () => {
    const commands = commandsOf(buildProgram(recordingIo()), []);
    expect(commands.length).toBeGreaterThan(20);
    const missing = commands
      .map(({ words, isGroup }) => ({ words: words.join(' '), file: fileOf(words, isGroup) }))
      .filter(({ file }) => !existsSync(path.join(import.meta.dirname, file)));
    expect(missing).toEqual([]);
  });
});
