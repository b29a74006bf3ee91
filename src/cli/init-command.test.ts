import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { type RecordingIo, recordingIo } from './test-support/recording-io.ts';

let tmp: string;

function captureIo(cwd: string): RecordingIo {
  return recordingIo({ cwd });
}

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'aperture-init-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('aperture init', () => {
  it('scaffolds a pack that `aperture validate` accepts', async () => {
    const io = captureIo(tmp);
    expect(await main(['init', 'star'], io)).toBe(0);
    expect(io.out()).toContain(
      'wrote release-pack.yaml, MODEL_CARD.md, DATA_STATEMENT.md, SAFETY_NOTES.md, REPRODUCIBILITY.md in star',
    );
    const validate = captureIo(tmp);
    expect(await main(['validate', 'star'], validate)).toBe(0);
    expect(validate.out()).toContain('valid (20 components declared)');
  });

  it('writes into the current folder by default and prints JSON with --json', async () => {
    const io = captureIo(tmp);
    expect(await main(['init', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual({
      dir: tmp,
      files: [
        'release-pack.yaml',
        'MODEL_CARD.md',
        'DATA_STATEMENT.md',
        'SAFETY_NOTES.md',
        'REPRODUCIBILITY.md',
      ],
      skipped: [],
      found: null,
    });
  });

  it('refuses to overwrite with exit code 2, and overwrites with --force', async () => {
    await writeFile(path.join(tmp, 'release-pack.yaml'), 'mine');
    const io = captureIo(tmp);
    expect(await main(['init'], io)).toBe(2);
    expect(io.err()).toMatch(/^aperture: \S*release-pack\.yaml already exists; nothing was written/);
    expect(await readdir(tmp)).toEqual(['release-pack.yaml']);
    expect(await main(['init', '--force'], captureIo(tmp))).toBe(0);
    expect(await readFile(path.join(tmp, 'release-pack.yaml'), 'utf8')).toContain(
      'spec: aperture.dev/release-pack/v1',
    );
  });

  it('pre-fills from a folder given relative to the working directory', async () => {
    await mkdir(path.join(tmp, 'model'));
    await writeFile(path.join(tmp, 'model', 'model.safetensors'), 'x');
    await writeFile(path.join(tmp, 'model', 'train.py'), 'loss.backward()\n');
    const io = captureIo(tmp);
    expect(await main(['init', '--from', 'model'], io)).toBe(0);
    expect(io.out()).toContain('found 2 component(s) in model');
    const manifest = await readFile(path.join(tmp, 'model', 'release-pack.yaml'), 'utf8');
    expect(manifest).toContain('# inferred: model.safetensors: 1 weight file(s)');
    expect(manifest).toMatch(/training-code:\n {4}status: released\n {4}location: train\.py/);
  });

  it('needs DIR when --from is not a local folder', async () => {
    const io = captureIo(tmp);
    expect(await main(['init', '--from', 'hf:org/model'], io)).toBe(2);
    expect(io.err()).toContain('name a folder to write into: aperture init DIR --from hf:org/model');
  });

  it('shows examples in --help', async () => {
    const io = captureIo(tmp);
    expect(await main(['init', '--help'], io)).toBe(0);
    expect(io.out()).toContain('$ aperture init my-release --from hf:org/model');
    expect(io.out()).toContain('--force');
  });
});
