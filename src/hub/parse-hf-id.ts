import { ApertureError } from '../errors.ts';
import { isHubName, isHubRepoName, MAX_REPO_ID_LENGTH } from './hub-names.ts';

/** A validated Hugging Face repository id: a model (`hf:org/name`) or a dataset (`hf:datasets/org/name`). */
export interface HfId {
  type: 'model' | 'dataset';
  /** `org/name`. */
  repo: string;
  org: string;
  name: string;
  /** The branch, tag or commit after `@`, if given. */
  revision?: string;
}

const REVISION = /^[\w./-]+$/;

function refuse(text: string, reason: string): never {
  throw new ApertureError(
    'ERR_HF_ID',
    `Hugging Face id ${JSON.stringify(text.slice(0, 200))} refused: ${reason}`,
  );
}

/**
 * Validates `hf:org/name[@revision]` (a model; `hf:models/org/name` too) or `hf:datasets/org/name`
 * with the Hub's repo-id rules (letters, digits, `_ . -`; no `--` or `..`; at most 96 characters) and
 * a safe revision (no `..`, no leading `-`).
 *
 * @example
 * parseHfId('hf:allenai/OLMo-2-1124-7B@main') // { type: 'model', repo: 'allenai/OLMo-2-1124-7B', revision: 'main', … }
 * parseHfId('hf:datasets/allenai/dolma')      // { type: 'dataset', repo: 'allenai/dolma', … }
 */
export function parseHfId(text: string): HfId {
  if (!text.startsWith('hf:')) refuse(text, 'a Hugging Face id is written hf:org/name[@revision]');
  const prefixed = /^hf:(models|datasets)\//.exec(text);
  const type = prefixed?.[1] === 'datasets' ? 'dataset' : 'model';
  const body = text.slice(prefixed ? prefixed[0].length : 3);
  const at = body.indexOf('@');
  const repo = at === -1 ? body : body.slice(0, at);
  const revision = at === -1 ? undefined : body.slice(at + 1);
  const [org, name, ...rest] = repo.split('/');
  if (org === undefined || name === undefined || rest.length > 0) {
    refuse(text, 'write hf:org/name with exactly one "/"');
  }
  if (repo.length > MAX_REPO_ID_LENGTH)
    refuse(text, `the id is longer than ${MAX_REPO_ID_LENGTH} characters`);
  if (!isHubName(org) || !isHubRepoName(name)) {
    refuse(
      text,
      'org and name use only letters, digits, "_", "." and "-", and org starts with a letter or digit',
    );
  }
  if (repo.includes('--') || repo.includes('..')) refuse(text, '"--" and ".." are not allowed in an id');
  if (/^[.-]|[.-]$/.test(name)) refuse(text, 'the name must not start or end with "." or "-"');
  if (revision !== undefined) {
    if (revision === '') refuse(text, 'the revision after @ is empty');
    if (revision.length > 255) refuse(text, 'the revision is too long');
    if (revision.startsWith('-')) refuse(text, 'the revision starts with "-"');
    if (revision.includes('..')) refuse(text, 'the revision holds ".."');
    if (!REVISION.test(revision) || revision.startsWith('/') || revision.endsWith('/')) {
      refuse(text, 'the revision uses only letters, digits, "_", ".", "-" and inner "/"');
    }
  }
  return { type, repo, org, name, ...(revision === undefined ? {} : { revision }) };
}
