import { InvalidArgumentError } from 'commander';

/**
 * A commander option parser for counts such as `--page` and `--limit`: a whole number of 1 or more,
 * else commander's one-line "invalid argument" error (exit code 2).
 *
 * @example
 * new Command('list').option('--page <n>', 'page number', positiveInteger, 1);
 */
export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('must be a positive integer');
  return number;
}
