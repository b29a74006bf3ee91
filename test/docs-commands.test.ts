import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../src/checks/index.ts';
import { buildProgram } from '../src/cli/main.ts';
import { recordingIo } from '../src/cli/test-support/recording-io.ts';

const root = path.resolve(import.meta.dirname, '..');

/** Options every command takes (commander's own and the program's). */
const GLOBAL_OPTIONS = new Set(['--help', '--debug', '--version']);

/** A command written in the docs: where, and the words after `aperture`. */
interface Mention {
  where: string;
  words: string[];
}

/** The words of a shell line from `aperture` up to the first pipe, redirection, separator or comment. */
function commandWords(text: string): string[] {
  const line = text.split(/\s(?:\||&&|;|#|>|2>)\s?/)[0]!;
  return line.split(/\s+/).filter((word) => word.length > 0);
}

/** Every `aperture …` in console lines (`$ aperture`, `$ npx aperture`, `$ VAR=… aperture`) and inline code. */
function mentionsIn(file: string, text: string): Mention[] {
  const found: Mention[] = [];
  text.split('\n').forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    const consoleLine = /^\s*\$ (?:[A-Z_]+=\S+ )*(?:npx )?aperture((?:\s.*)?)$/.exec(line);
    if (consoleLine) found.push({ where, words: commandWords(consoleLine[1]!) });
    for (const span of line.matchAll(/`(?:npx )?aperture ([^`]+)`/g)) {
      found.push({ where, words: commandWords(span[1]!) });
    }
  });
  return found;
}

function docsMentions(): Mention[] {
  const files = ['README.md', ...readdirSync(path.join(root, 'docs')).map((name) => `docs/${name}`)];
  return files
    .filter((file) => file.endsWith('.md'))
    .flatMap((file) => mentionsIn(file, readFileSync(path.join(root, file), 'utf8')));
}

/** What is wrong with a mention, or undefined: an unknown command or an option the command does not take. */
function problemOf(program: Command, words: readonly string[]): string | undefined {
  let command = program;
  let index = 0;
  for (; index < words.length; index += 1) {
    const word = words[index]!;
    const child = command.commands.find((candidate) => candidate.name() === word);
    if (!child) break;
    command = child;
  }
  const next = words[index];
  if (command.commands.length > 0 && next !== undefined && /^[a-z][a-z-]*$/.test(next)) {
    return `"${[...words.slice(0, index), next].join(' ')}" is not a command`;
  }
  const known = new Set(command.options.flatMap((option) => [option.long, option.short]));
  for (const word of words.slice(index)) {
    const flag = /^(--?[a-zA-Z][\w-]*)/.exec(word)?.[1];
    if (flag && !known.has(flag) && !GLOBAL_OPTIONS.has(flag) && !(command === program && flag === '-V')) {
      return `"aperture ${words.slice(0, index).join(' ')}" has no option ${flag}`;
    }
  }
  return undefined;
}

describe('commands named in the docs', () => {
  const program = buildProgram(recordingIo());

  it('finds the commands written in the README and docs', () => {
    expect(docsMentions().length).toBeGreaterThan(40);
  });

  it('names only commands and options the CLI has', () => {
    const problems = docsMentions().flatMap((mention) => {
      const problem = problemOf(program, mention.words);
      return problem ? [`${mention.where}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('names only commands the CLI has in the checks’ fix texts', () => {
    const problems = ALL_CHECKS.flatMap((check) =>
      [check.docs.why, check.docs.how].flatMap((text) =>
        mentionsIn(check.id, text).flatMap((mention) => {
          const problem = problemOf(program, mention.words);
          return problem ? [`${check.id}: ${problem}`] : [];
        }),
      ),
    );
    expect(problems).toEqual([]);
  });

  it('catches a command that does not exist and an option a command does not take', () => {
    expect(problemOf(program, ['licenses'])).toMatch(/"licenses" is not a command/);
    expect(problemOf(program, ['arena', 'frobnicate'])).toMatch(/"arena frobnicate" is not a command/);
    expect(problemOf(program, ['serve', '--prot', '80'])).toMatch(/has no option --prot/);
    expect(problemOf(program, ['serve', '--port', '80', '--log-level', 'warn'])).toBeUndefined();
    expect(problemOf(program, ['arena', 'list', '--json'])).toBeUndefined();
  });
});
