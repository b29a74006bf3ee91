import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The model card of a release that calls itself open source under Meta's restricted Llama 3.1 license. */
export const OPEN_WASHING_README = [
  '---',
  'license: llama3.1',
  '---',
  '# Brook-8B',
  '',
  'Brook-8B is our open-source model for chat and summarisation.',
  '',
].join('\n');

/** The model card of a release under Apache-2.0 that makes no open-source claim. */
export const PLAIN_README = [
  '---',
  'license: apache-2.0',
  '---',
  '# Reed-1B',
  '',
  'Reed-1B is a small chat model.',
  '',
].join('\n');

/**
 * Writes a release folder at `dir`: the README (model card with front matter), a config and a weights
 * file, so `aperture check` finds weights under the card's license.
 *
 * @example
 * const target = await writeReleaseFolder(path.join(tmp, 'brook'), OPEN_WASHING_README);
 * await runImport(db, { kind: 'release-pack', source: target }); // stored with open_washing = 1
 */
export async function writeReleaseFolder(dir: string, readme: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'README.md'), readme);
  await writeFile(path.join(dir, 'config.json'), '{"model_type":"llama","hidden_size":64}');
  await writeFile(path.join(dir, 'model.safetensors'), Buffer.alloc(64));
  return dir;
}
