import { ApertureError } from '../errors.ts';
import { isHubName, MAX_REPO_ID_LENGTH } from './hub-names.ts';

function refuseAuthor(author: string, reason: string): never {
  throw new ApertureError(
    'ERR_USAGE',
    `Hugging Face author ${JSON.stringify(author.slice(0, 100))} refused: ${reason}`,
  );
}

/**
 * Validates a Hub user or organization name with the Hub's rules: letters, digits, `_`, `.` and `-`,
 * starting with a letter or digit, no `--` or `..`, at most 96 characters. Throws ERR_USAGE otherwise.
 *
 * @example
 * parseHubAuthor('example-lab') // 'example-lab'
 */
export function parseHubAuthor(author: string): string {
  if (typeof author !== 'string' || author === '') refuseAuthor(String(author ?? ''), 'it is empty');
  if (author.length > MAX_REPO_ID_LENGTH)
    refuseAuthor(author, `it is longer than ${MAX_REPO_ID_LENGTH} characters`);
  if (!isHubName(author))
    refuseAuthor(
      author,
      'use only letters, digits, "_", "." and "-", starting with a letter or digit (an author, not org/name)',
    );
  if (author.includes('--') || author.includes('..')) refuseAuthor(author, '"--" and ".." are not allowed');
  return author;
}
