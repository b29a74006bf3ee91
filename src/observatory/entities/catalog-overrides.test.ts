import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApertureError } from '../../errors.ts';
import { parseCatalogOverrides, readCatalogOverrides } from './catalog-overrides.ts';
import { writeOverrideDecision } from './write-override-decision.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aperture-overrides-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function failure(run: () => unknown): ApertureError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApertureError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('catalog overrides', () => {
  it('reads decisions and alias groups, defaulting kind to model', () => {
    const read = parseCatalogOverrides(
      'version: 1\nmatches:\n  - left: "osai:Qwen"\n    right: "epoch:Qwen-VL"\n    decision: reject\naliases:\n  - [Inception, inceptionai]\n',
      'o.yaml',
    );
    expect(read.matches).toEqual([
      { kind: 'model', left: 'osai:Qwen', right: 'epoch:Qwen-VL', decision: 'reject' },
    ]);
    expect(read.aliases).toEqual([['Inception', 'inceptionai']]);
    expect(parseCatalogOverrides('', 'o.yaml').matches).toEqual([]);
  });

  it('names the line of an invalid field, and of a syntax error', () => {
    const invalid = failure(() =>
      parseCatalogOverrides('matches:\n  - left: "a:b"\n    right: "c:d"\n    decision: maybe\n', 'o.yaml'),
    );
    expect(invalid.code).toBe('ERR_INVALID_INPUT');
    expect(invalid.message).toMatch(/^o\.yaml:4: matches\.0\.decision: /);
    const unknown = failure(() => parseCatalogOverrides('matchs: []\n', 'o.yaml'));
    expect(unknown.message).toMatch(/^o\.yaml:1: /);
    const syntax = failure(() => parseCatalogOverrides('matches: [\n', 'o.yaml'));
    expect(syntax.message).toMatch(/^o\.yaml:\d+:\d+: /);
  });

  it('refuses alias bombs and oversized nesting', () => {
    const bomb = `a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: &d [*c, *c]\ne: &e [*d, *d]\nf: &f [*e, *e]\ng: &g [*f, *f]\nh: &h [*g, *g]\ni: &i [*h, *h]\nj: &j [*i, *i]\nk: [*j, *j, *j]\n`;
    expect(failure(() => parseCatalogOverrides(bomb, 'o.yaml')).code).toBe('ERR_YAML_LIMIT');
  });

  it('treats a missing file as no decisions', async () => {
    expect((await readCatalogOverrides(path.join(dir, 'absent.yaml'))).matches).toEqual([]);
  });

  it('writes a decision, replaces one about the same pair in either order, keeps comments', async () => {
    const file = path.join(dir, 'catalog-overrides.yaml');
    await writeFile(file, '# reviewed by the data team\nmatches: []\n');
    await writeOverrideDecision(file, {
      kind: 'model',
      left: 'osai:Qwen',
      right: 'epoch:Qwen-VL',
      decision: 'accept',
    });
    await writeOverrideDecision(file, {
      kind: 'model',
      left: 'epoch:Qwen-VL',
      right: 'osai:Qwen',
      decision: 'reject',
      note: 'a vision model',
    });
    await writeOverrideDecision(file, {
      kind: 'organization',
      left: 'org:A',
      right: 'org:B',
      decision: 'accept',
    });
    const text = await readFile(file, 'utf8');
    expect(text).toContain('# reviewed by the data team');
    const read = await readCatalogOverrides(file);
    expect(read.matches).toEqual([
      {
        kind: 'model',
        left: 'epoch:Qwen-VL',
        right: 'osai:Qwen',
        decision: 'reject',
        note: 'a vision model',
      },
      { kind: 'organization', left: 'org:A', right: 'org:B', decision: 'accept' },
    ]);
  });

  it('refuses to write into a file that is not valid, leaving it as it was', async () => {
    const file = path.join(dir, 'broken.yaml');
    await writeFile(file, 'matches: 3\n');
    await expect(
      writeOverrideDecision(file, { kind: 'model', left: 'a:b', right: 'c:d', decision: 'accept' }),
    ).rejects.toThrow(/broken\.yaml:1: matches/);
    expect(await readFile(file, 'utf8')).toBe('matches: 3\n');
  });
});
