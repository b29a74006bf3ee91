import { parse as parseShell } from 'shell-quote';

/** Wrappers that run the rest of the line: `uv run …`, `poetry run …`, `time …`. */
const RUNNERS = new Set(['time', 'nohup', 'exec', 'env', 'srun']);
const TWO_WORD_RUNNERS = new Set(['uv run', 'poetry run', 'pipenv run', 'pdm run', 'hatch run', 'conda run']);

/** The words of one simple command between `;`, `&&`, `||` and `|`. */
export interface Segment {
  words: string[];
}

/**
 * Splits a command line into its simple commands with shell-quote, keeping `$VARS` as written, dropping
 * redirection targets and everything after a comment; a line that cannot be parsed gives the reason.
 *
 * @example
 * splitSegments('cd eval && python run.py > out.log') // [{ words: ['cd', 'eval'] }, { words: ['python', 'run.py'] }]
 */
export function splitSegments(command: string): Segment[] | string {
  let entries: ReturnType<typeof parseShell>;
  try {
    // Keep variables as written: they are not ours to expand.
    entries = parseShell(command, (name) => `$${name}`);
  } catch (error) {
    return `cannot be read as a shell command (${error instanceof Error ? error.message : String(error)})`;
  }
  const segments: Segment[] = [{ words: [] }];
  let skipNext = false;
  for (const entry of entries) {
    if (typeof entry === 'string') {
      if (skipNext) skipNext = false;
      else segments[segments.length - 1]!.words.push(entry);
      continue;
    }
    if ('comment' in entry) break;
    if ('op' in entry) {
      if (entry.op === 'glob') {
        segments[segments.length - 1]!.words.push((entry as { pattern: string }).pattern);
      } else if (/^[<>]|^\d?>/.test(entry.op)) {
        // A redirection's target is a file name, not an argument.
        skipNext = true;
      } else {
        segments.push({ words: [] });
      }
    }
  }
  return segments.filter((segment) => segment.words.length > 0);
}

/** Drops environment assignments and wrappers (`FOO=1`, `uv run`, `time`) in front of the real program. */
export function stripPrefixes(input: string[]): string[] {
  let words = input;
  for (let guard = 0; guard < 10; guard++) {
    while (words.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!)) words = words.slice(1);
    const first = words[0];
    if (first === undefined) return words;
    const two = `${first} ${words[1] ?? ''}`;
    if (TWO_WORD_RUNNERS.has(two)) {
      // `conda run -n env …`, `uv run --with x …`: skip the runner's options.
      words = skipOptions(
        words.slice(2),
        new Set(['-n', '--name', '-p', '--prefix', '--with', '--env', '-e']),
      );
      continue;
    }
    if (RUNNERS.has(first)) {
      words = skipOptions(
        words.slice(1),
        new Set(['-u', '--unset', '-n', '-N', '-p', '--partition', '--gres']),
      );
      continue;
    }
    return words;
  }
  return words;
}

function skipOptions(words: string[], takesValue: ReadonlySet<string>): string[] {
  let index = 0;
  while (index < words.length && words[index]!.startsWith('-')) {
    index += takesValue.has(words[index]!) ? 2 : 1;
  }
  return words.slice(index);
}
