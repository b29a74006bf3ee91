import { ApertureError } from '../../errors.ts';

/**
 * The format of an items or predictions file: `--format` when given (csv or jsonl), else from the
 * extension (.jsonl or .json is JSON Lines, anything else CSV).
 *
 * @example
 * resolveFileFormat('predictions.jsonl', undefined) // 'jsonl'
 */
export function resolveFileFormat(file: string, given: string | undefined): 'csv' | 'jsonl' {
  if (given === 'csv' || given === 'jsonl') return given;
  if (given !== undefined)
    throw new ApertureError('ERR_USAGE', `--format takes csv or jsonl, not "${given}"`);
  return /\.jsonl?$/i.test(file) ? 'jsonl' : 'csv';
}
