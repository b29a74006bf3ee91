/**
 * `aperture catalog matches|match|accept|reject` end to end, on files written here: an Epoch export
 * naming two sizes of one model line, and an OSAI system rating the family.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/test-support/recording-io.ts';

const EPOCH = [
  'Model,Organization,Publication date,Country (of organization),Model accessibility,Parameters',
  'Demo-7B,Demo Lab,2024-03-01,France,Open weights (unrestricted),7000000000',
  'Demo-70B,Demo Lab,2024-03-01,France,Open weights (unrestricted),70000000000',
  'Other-7B,Elsewhere Inc,2024-03-01,Germany,API access,',
  '',
].join('\n');
const PARAMETERS =
  '- name: Availability\n  params:\n    - { ref: weights_endmodel, name: End User Model Weights }\n';
const SYSTEM =
  '# - National origin: France\nsystem:\n  name: Demo\n  link: https://huggingface.co/demo-lab/Demo-7B-Instruct\norg:\n  name: Demo Lab AI\nweights_endmodel:\n  class: open\n';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aperture-catalog-cli-'));
  await writeFile(path.join(dir, 'epoch.csv'), EPOCH);
  await mkdir(path.join(dir, 'osai'));
  await writeFile(path.join(dir, 'osai', '_parameters.yml'), PARAMETERS);
  await writeFile(path.join(dir, 'osai', 'demo.yaml'), SYSTEM);
  for (const [kind, source] of [
    ['epoch', 'epoch.csv'],
    ['osai', 'osai'],
  ]) {
    const imported = await runCli(['import', kind!, source!, '--db', 'c.db'], { cwd: dir });
    expect(imported.code, imported.stderr).toBe(0);
  }
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('aperture catalog', () => {
  it('lists the matches an import found, one tab-separated line each off a terminal', async () => {
    const result = await runCli(['catalog', 'matches', '--db', 'c.db', '--kind', 'model'], { cwd: dir });
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(lines.map((line) => [line[2], line[3], line[4], line[6]])).toEqual([
      ['family', 'osai:Demo', 'epoch:Demo-7B', 'accepted'],
      ['family', 'osai:Demo', 'epoch:Demo-70B', 'accepted'],
    ]);
    expect(lines[0]![8]).toBe('family-name,same-organization');
  });

  it('draws a table with reasons on a terminal, and prints the API shape with --json', async () => {
    const table = await runCli(['catalog', 'matches', '--db', 'c.db', '--kind', 'model'], {
      cwd: dir,
      tty: true,
    });
    expect(table.stdout).toContain('Confidence');
    expect(table.stdout).toContain('family-name:');
    const json = await runCli(['catalog', 'matches', '--db', 'c.db', '--json', '--status', 'accepted'], {
      cwd: dir,
    });
    const page = JSON.parse(json.stdout);
    expect(page.total).toBe(3);
    expect(page.items.map((item: { kind: string }) => item.kind).sort()).toEqual([
      'model',
      'model',
      'organization',
    ]);
  });

  it('rejects and accepts into the overrides file, and the decision survives a re-import', async () => {
    const listed = JSON.parse(
      (await runCli(['catalog', 'matches', '--db', 'c.db', '--json', '--kind', 'model'], { cwd: dir }))
        .stdout,
    );
    const seventy = listed.items.find((item: { right: string }) => item.right === 'epoch:Demo-70B');
    const rejected = await runCli(
      ['catalog', 'reject', String(seventy.id), '--db', 'c.db', '--note', 'checked'],
      { cwd: dir },
    );
    expect(rejected).toMatchObject({
      code: 0,
      stdout: `rejected osai:Demo ↔ epoch:Demo-70B in ${path.join(dir, 'catalog-overrides.yaml')}\n`,
    });
    expect(await readFile(path.join(dir, 'catalog-overrides.yaml'), 'utf8')).toContain('decision: reject');
    const merged = await runCli(['catalog', 'accept', 'epoch:Other-7B', 'epoch:Demo-7B', '--db', 'c.db'], {
      cwd: dir,
    });
    expect(merged.code).toBe(0);

    expect((await runCli(['import', 'osai', 'osai', '--db', 'c.db'], { cwd: dir })).code).toBe(0);
    const after = await runCli(['catalog', 'matches', '--db', 'c.db', '--status', 'rejected', '--json'], {
      cwd: dir,
    });
    expect(JSON.parse(after.stdout).items).toMatchObject([
      {
        id: seventy.id,
        left: 'osai:Demo',
        right: 'epoch:Demo-70B',
        status: 'rejected',
        decidedBy: 'override',
      },
    ]);
    const accepted = await runCli(
      ['catalog', 'matches', '--db', 'c.db', '--status', 'accepted', '--json', '--kind', 'model'],
      { cwd: dir },
    );
    expect(JSON.parse(accepted.stdout).items.map((item: { left: string }) => item.left)).toContain(
      'epoch:Other-7B',
    );
  });

  it('re-runs matching and reports what it found', async () => {
    const result = await runCli(['catalog', 'match', '--db', 'c.db', '--json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ accepted: 3, rejected: 1, overridden: 2, models: 4 });
  });

  it('fails with one line and exit 2 on an unknown id, bad arguments or a broken overrides file', async () => {
    expect(await runCli(['catalog', 'accept', '99999', '--db', 'c.db'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'aperture: no match with id 99999 (aperture catalog matches lists them)\n',
    });
    const usage = await runCli(['catalog', 'reject', 'a', 'b', 'c', '--db', 'c.db'], { cwd: dir });
    expect(usage.code).toBe(2);
    expect(usage.stderr.split('\n')).toHaveLength(2);
    await writeFile(
      path.join(dir, 'bad.yaml'),
      'matches:\n  - left: "a:b"\n    right: 7\n    decision: accept\n',
    );
    const broken = await runCli(['catalog', 'match', '--db', 'c.db', '--overrides', 'bad.yaml'], {
      cwd: dir,
    });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^aperture: .*bad\.yaml:3: matches\.0\.right: /);
    // An import still commits and finishes; the broken file fails the command after it, naming the line.
    const imported = await runCli(
      ['import', 'epoch', 'epoch.csv', '--db', 'c.db', '--overrides', 'bad.yaml'],
      {
        cwd: dir,
      },
    );
    expect(imported.code).toBe(2);
    expect(imported.stderr).toMatch(/bad\.yaml:3: /);
    const runs = JSON.parse((await runCli(['import-runs', '--db', 'c.db', '--json'], { cwd: dir })).stdout);
    expect(runs.items[0]).toMatchObject({ kind: 'epoch', status: 'finished', updated: 3 });
    const viaEnv = await runCli(['catalog', 'match', '--db', 'c.db'], {
      cwd: dir,
      env: { APERTURE_CATALOG_OVERRIDES: 'bad.yaml' },
    });
    expect(viaEnv.code).toBe(2);
  });
});
