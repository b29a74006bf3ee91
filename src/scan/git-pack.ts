import { ApertureError } from '../errors.ts';
import type { Pack } from './pack.ts';

/** Clones a git URL shallowly and opens it as a pack. (Being written by the sources helper.) */
export async function openGitPack(url: string): Promise<Pack> {
  throw new ApertureError('ERR_USAGE', `${url}: git sources are not supported yet`);
}
