import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WrittenReportPacks, writeReportPacks } from '../../test/fixtures/report-packs.ts';
import { runCli } from './test-support/recording-io.ts';

let packs: WrittenReportPacks;
let root: string;
let openPack: string;
let mixedPack: string;

beforeAll(async () => {
  packs = await writeReportPacks('aperture-badge-command-');
  ({ root, openPack, mixedPack } = packs);
});

afterAll(() => packs.remove());

function run(argv: string[]) {
  return runCli(argv, { cwd: root });
}

/** The text of the <title> element, read with a strict XML parser (throws on malformed XML). */
function titleOf(svg: string): string {
  const parser = new SaxesParser();
  let inTitle = false;
  let title = '';
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    inTitle = tag.name === 'title';
  });
  parser.on('closetag', () => {
    inTitle = false;
  });
  parser.on('text', (text) => {
    if (inTitle) title += text;
  });
  parser.write(svg).close();
  return title;
}

describe('aperture badge', () => {
  it('prints an SVG badge with the score and MOF class', async () => {
    const result = await run(['badge', openPack]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('<svg ')).toBe(true);
    expect(titleOf(result.stdout)).toMatch(/^openness: \d+ · Class III$/);
  });

  it('writes the badge to a file with -o, relative to the working directory', async () => {
    const result = await run(['badge', mixedPack, '-o', 'badge.svg']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(titleOf(await readFile(path.join(root, 'badge.svg'), 'utf8'))).toMatch(
      /^openness: \d+ · no class$/,
    );
  });

  it('takes a --label, escaped', async () => {
    const result = await run(['badge', openPack, '--label', 'model <openness> & "co"']);
    expect(result.code).toBe(0);
    expect(titleOf(result.stdout)).toMatch(/^model <openness> & "co": \d+ · Class III$/);
  });

  it('exits 2 for an empty label', async () => {
    const result = await run(['badge', openPack, '--label', ' ']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('aperture: --label needs some text\n');
  });

  it('exits 2 for a target that does not exist', async () => {
    const result = await run(['badge', path.join(root, 'missing')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^aperture: no such file or folder: .*missing\n$/);
  });

  it('exits 2 without a target', async () => {
    expect((await run(['badge'])).code).toBe(2);
  });

  it('shows examples in --help and is listed by aperture --help', async () => {
    const help = await run(['badge', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('$ aperture badge . -o openness.svg');
    expect((await run(['--help'])).stdout).toMatch(/\n\s+badge \[options\] <target>/);
  });
});
