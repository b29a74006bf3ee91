import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
      warnings: [],
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

  it('follows links as check does, and makes no request beyond the sources with --no-follow', async () => {
    const requests: string[] = [];
    // A Hub that knows no repository, on 127.0.0.1: it only records what following asks it.
    const hub = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(404, { 'content-type': 'application/json', 'x-error-code': 'RepoNotFound' });
      res.end('{"error":"Repository not found"}');
    });
    await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
    const saved = { ...process.env };
    process.env.HF_ENDPOINT = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
    process.env.APERTURE_CACHE_DIR = path.join(tmp, 'cache');
    delete process.env.APERTURE_NO_FOLLOW;
    delete process.env.HF_TOKEN;
    try {
      await mkdir(path.join(tmp, 'code'));
      await writeFile(
        path.join(tmp, 'code', 'README.md'),
        '# Star\n\nStar 7B was trained on [star-lab/star-corpus](https://huggingface.co/datasets/star-lab/star-corpus), released under ODC-By.\n',
      );
      await writeFile(path.join(tmp, 'code', 'train.py'), 'loss.backward()\n');

      const offline = recordingIo({ cwd: tmp, env: process.env });
      expect(await main(['init', 'offline', '--from', 'code', '--no-follow'], offline)).toBe(0);
      expect(requests).toEqual([]);
      const manifest = await readFile(path.join(tmp, 'offline', 'release-pack.yaml'), 'utf8');
      expect(manifest).toMatch(
        /# linked, not verified by aperture init: check the location\n {2}training-datasets:\n {4}status: released\n {4}location: https:\/\/huggingface\.co\/datasets\/star-lab\/star-corpus\n {4}license: ODC-By-1\.0\n/,
      );

      const online = recordingIo({ cwd: tmp, env: process.env });
      expect(await main(['init', 'online', '--from', 'code'], online)).toBe(0);
      expect(requests.some((url) => url.includes('star-lab/star-corpus'))).toBe(true);
      expect(online.err()).toContain(
        'warning: https://huggingface.co/datasets/star-lab/star-corpus: not followed:',
      );
      const validate = recordingIo({ cwd: tmp });
      expect(await main(['validate', 'online'], validate)).toBe(0);
    } finally {
      process.env = saved;
      await new Promise((resolve) => hub.close(resolve));
    }
  });

  it('reads repeated --from as the locations of one release, the first being the release', async () => {
    await mkdir(path.join(tmp, 'model'));
    await writeFile(
      path.join(tmp, 'model', 'README.md'),
      '---\nlicense: llama3.1\n---\n\n# Star 7B\n\nStar 7B is a language model trained by Star Lab.\n',
    );
    await writeFile(path.join(tmp, 'model', 'model.safetensors'), 'x');
    await mkdir(path.join(tmp, 'code'));
    await writeFile(path.join(tmp, 'code', 'train.py'), 'loss.backward()\n');
    const io = captureIo(tmp);
    expect(await main(['init', 'out', '--from', 'model', '--from', 'code', '--no-follow'], io)).toBe(0);
    expect(io.out()).toMatch(/found \d+ component\(s\) in model \+ code;/);
    const manifest = await readFile(path.join(tmp, 'out', 'release-pack.yaml'), 'utf8');
    expect(manifest).toContain(
      `# Pre-filled by \`aperture init --from ${path.join(tmp, 'model')} --from ${path.join(tmp, 'code')}\``,
    );
    // Found in a local copy, which has no address to point at: a placeholder that says where it was.
    expect(manifest).toContain(
      `# found in ${path.join(tmp, 'code')}, given with --from (train.py), a copy with no web address: write where it is published`,
    );
    expect(manifest).toMatch(/final-parameters:\n {4}status: released\n {4}location: model\.safetensors\n/);
    const validate = captureIo(tmp);
    expect(await main(['validate', 'out'], validate)).toBe(0);
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
    expect(io.out()).toContain('--no-follow');
    expect(io.out().replace(/\s+/g, ' ')).toContain('repeat it for more locations of the same release');
    expect(io.out()).not.toContain('(default: [])');
  });
});
