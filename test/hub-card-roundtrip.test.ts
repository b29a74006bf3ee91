import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../src/cli/main.ts';
import { recordingIo } from '../src/cli/test-support/recording-io.ts';
import { writePack } from './fixtures/report-packs.ts';

const FRONT_MATTER = `license: apache-2.0
language:
- en
- fr
library_name: transformers
pipeline_tag: text-generation
tags:
- tiny
base_model: example-org/tiny-base
datasets:
- example-org/tiny-corpus
model-index:
- name: tiny-chat
  results:
  - task:
      type: text-generation
    dataset:
      name: Tiny eval
      type: example-org/tiny-eval
    metrics:
    - type: accuracy
      value: 0.61
`;

// Prose with the traps a careless writer falls into: a horizontal rule, CRLF-free trailing spaces, no final newline.
const BODY = '# tiny-chat\n\nA chat model fine-tuned from tiny-base.  \n\n---\n\n## Uses\n\nTeaching only.';

const RELEASE = {
  'README.md': `---\n${FRONT_MATTER}---\n${BODY}`,
  'config.json': '{"architectures":["LlamaForCausalLM"]}\n',
  'model.safetensors': 'not really weights',
  LICENSE: 'Apache License\nVersion 2.0, January 2004\nhttp://www.apache.org/licenses/\n',
};

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'aperture-card-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function frontMatterOf(card: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?\n)---\n/.exec(card);
  expect(match).not.toBeNull();
  return parse(match![1]!) as Record<string, unknown>;
}

async function run(args: string[], cwd: string): Promise<{ code: number; err: string; out: string }> {
  const io = recordingIo({ cwd });
  const code = await main(args, io);
  return { code, err: io.err(), out: io.out() };
}

describe('Hub card round trip: card → inference → manifest → card', () => {
  it('keeps every field of the card and its text byte for byte', async () => {
    const folder = path.join(tmp, 'keeps');
    await writePack(folder, RELEASE);
    expect((await run(['init', '--from', folder, '--no-follow'], tmp)).code).toBe(0);
    const manifest = await readFile(path.join(folder, 'release-pack.yaml'), 'utf8');
    expect(manifest).toContain('baseModel: hf:example-org/tiny-base');

    const written = await run(['card', folder, '--write'], tmp);
    expect(written.code).toBe(0);
    const card = await readFile(path.join(folder, 'README.md'), 'utf8');
    expect(card.endsWith(`---\n${BODY}`)).toBe(true);
    const before = parse(FRONT_MATTER) as Record<string, unknown>;
    const after = frontMatterOf(card);
    for (const [key, value] of Object.entries(before)) expect(after[key], key).toEqual(value);
    expect(after.aperture).toMatchObject({ mof_class: expect.any(String), score: expect.any(Number) });

    // Written twice, the card does not change.
    expect((await run(['card', folder, '--write'], tmp)).err).toContain('README.md is up to date');
    expect(await readFile(path.join(folder, 'README.md'), 'utf8')).toBe(card);
  });

  it('gives a card without front matter the license, datasets and base model the manifest carries', async () => {
    const folder = path.join(tmp, 'restores');
    await writePack(folder, RELEASE);
    expect((await run(['init', '--from', folder, '--no-follow'], tmp)).code).toBe(0);
    await writeFile(path.join(folder, 'README.md'), BODY);
    const printed = await run(['card', folder], tmp);
    expect(printed.code).toBe(0);
    expect(printed.out.endsWith(`---\n${BODY}`)).toBe(true);
    const after = frontMatterOf(printed.out);
    const before = parse(FRONT_MATTER) as Record<string, unknown>;
    for (const key of ['license', 'datasets', 'base_model']) expect(after[key], key).toEqual(before[key]);
    // Without --write nothing is written.
    expect(await readFile(path.join(folder, 'README.md'), 'utf8')).toBe(BODY);
  });

  it.each([
    ['front matter that is not YAML', '---\nlicense: [mit\n---\n# x\n', /README\.md:\d+:\d+: /],
    ['front matter that is a list', '---\n- mit\n---\n# x\n', /not a YAML mapping; not updated/],
    [
      'an alias bomb',
      `---\na: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 120 }, (_, i) => `k${i}: *a`).join('\n')}\n---\n# x\n`,
      /alias/i,
    ],
  ])(
    'refuses a card with %s, with one line and exit 2, leaving it as it was',
    async (name, card, message) => {
      const folder = path.join(tmp, name.replaceAll(' ', '-'));
      await writePack(folder, { ...RELEASE, 'README.md': card });
      const result = await run(['card', folder, '--write'], tmp);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(message);
      expect(result.err.trim().split('\n')).toHaveLength(1);
      expect(await readFile(path.join(folder, 'README.md'), 'utf8')).toBe(card);
    },
  );

  it('refuses a card path outside the pack', async () => {
    const folder = path.join(tmp, 'escape');
    await writePack(folder, RELEASE);
    const result = await run(['card', folder, '--card', '../README.md', '--write'], tmp);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/points outside the pack/);
  });
});
