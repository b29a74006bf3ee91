/*
 * The Hub's naming rules, shared by the scanner (hf: ids) and the observatory (authors, listed models,
 * declared base models): an owner starts with a letter or digit, then letters, digits, `_`, `.` and `-`;
 * a repository name uses the same characters; `org/name` holds no `--` or `..` and is at most 96 long.
 */

/** The longest repository id (`org/name`) the Hub accepts. */
export const MAX_REPO_ID_LENGTH = 96;

const OWNER = /^[A-Za-z0-9][\w.-]*$/;
const REPO_NAME = /^[\w.-]+$/;

/**
 * True for a Hub user or organization name by its characters: a letter or digit, then letters, digits,
 * `_`, `.` and `-` (length and `--`/`..` are checked by the callers that need them).
 *
 * @example
 * isHubName('example-lab') // true
 * isHubName('-lead')       // false
 */
export function isHubName(text: string): boolean {
  return OWNER.test(text);
}

/**
 * True for the name part of a repository id by its characters: letters, digits, `_`, `.` and `-`.
 *
 * @example
 * isHubRepoName('OLMo-2-1124-7B') // true
 * isHubRepoName('na me')          // false
 */
export function isHubRepoName(text: string): boolean {
  return REPO_NAME.test(text);
}

/**
 * True for a repository id `org/name` that keeps the Hub's rules: one `/`, a valid owner and name, no
 * `--` or `..`, at most 96 characters.
 *
 * @example
 * isHubRepoId('example-lab/example-7b') // true
 * isHubRepoId('../../etc/passwd')      // false
 */
export function isHubRepoId(text: string): boolean {
  const [org, name, ...rest] = text.split('/');
  return (
    org !== undefined &&
    name !== undefined &&
    rest.length === 0 &&
    text.length <= MAX_REPO_ID_LENGTH &&
    isHubName(org) &&
    isHubRepoName(name) &&
    !text.includes('--') &&
    !text.includes('..')
  );
}
