/** `aperture import-runs`: bad input and an empty catalog (the killed-import test covers its listing). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/test-support/recording-io.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aperture-import-runs-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('aperture import-runs', () => {
  it('says so when there is no database, instead of creating one', async () => {
    const result = await runCli(['import-runs', '--db', 'missing.db'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('aperture: no database at missing.db; create it with `aperture db migrate`\n');
  });

  it('refuses a page that is not a positive integer', async () => {
    const result = await runCli(['import-runs', '--page', '0', '--db', 'x.db'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("option '--page <n>' argument '0' is invalid");
  });

  it('lists nothing on a new catalog, as text and as JSON', async () => {
    expect((await runCli(['db', 'migrate', '--db', 'new.db'], { cwd: dir })).code).toBe(0);
    const text = await runCli(['import-runs', '--db', 'new.db'], { cwd: dir });
    expect(text).toEqual({ code: 0, stdout: 'no import runs yet\n', stderr: '' });
    const json = await runCli(['import-runs', '--db', 'new.db', '--json'], { cwd: dir });
    expect(JSON.parse(json.stdout)).toEqual({ items: [], page: 1, pageSize: 20, total: 0 });
  });

  it('explains the interrupted status in its help, with examples', async () => {
    const help = await runCli(['import-runs', '--help'], { cwd: dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('interrupted');
    expect(help.stdout).toContain('$ aperture import-runs');
  });
});
