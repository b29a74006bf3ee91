import { ApertureError } from '../errors.ts';
import type { Pack } from './pack.ts';

/** Opens a .tar.gz or .zip archive as a pack. (Being written by the sources helper.) */
export async function openArchivePack(file: string): Promise<Pack> {
  throw new ApertureError('ERR_USAGE', `${file}: archives are not supported yet`);
}
