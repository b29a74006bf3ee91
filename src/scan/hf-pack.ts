import { ApertureError } from '../errors.ts';
import type { Pack } from './pack.ts';

/** Opens a Hugging Face Hub model as a pack. (Being written by the sources helper.) */
export async function openHfPack(id: string): Promise<Pack> {
  throw new ApertureError('ERR_USAGE', `${id}: hf sources are not supported yet`);
}
