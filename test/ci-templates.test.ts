import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../src/cli/test-support/recording-io.ts';
import { type WrittenReportPacks, writeReportPacks } from './fixtures/report-packs.ts';

/* The GitLab CI template and the pre-commit hook, run as GitLab's runner and pre-commit would run them. */

const REPO = path.resolve(import.meta.dirname, '..');

let packs: WrittenReportPacks;
let binDir: string;

beforeAll(async () => {
  packs = await writeReportPacks('aperture-templates-');
  // What `npm install --global $APERTURE_PACKAGE` would put on PATH: `aperture` (this repository's CLI,
  // from source) and an `npm` that records the install it was asked for.
  binDir = await mkdtemp(path.join(tmpdir(), 'aperture-templates-bin-'));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  await writeFile(
    path.join(binDir, 'aperture'),
    `#!/usr/bin/env bash\nexec node --import '${tsx}' '${path.join(REPO, 'src', 'cli', 'bin.ts')}' "$@"\n`,
  );
  await writeFile(path.join(binDir, 'npm'), '#!/usr/bin/env bash\necho "npm $*" >> "$NPM_LOG"\n');
  await chmod(path.join(binDir, 'aperture'), 0o755);
  await chmod(path.join(binDir, 'npm'), 0o755);
});

afterAll(async () => {
  await packs.remove();
  await rm(binDir, { recursive: true, force: true });
});

describe('the GitLab CI template (ci/gitlab/aperture.gitlab-ci.yml)', () => {
  interface Job {
    image: string;
    variables: Record<string, string>;
    script: string[];
    artifacts: { when: string; paths: string[] };
  }
  let job: Job;

  beforeAll(async () => {
    const template = parse(await readFile(path.join(REPO, 'ci', 'gitlab', 'aperture.gitlab-ci.yml'), 'utf8'));
    job = template['.aperture-check'] as Job;
  });

  /** Runs the job's script in one bash session with `set -eo pipefail`, as GitLab's shell executor does. */
  function runJob(variables: Record<string, string>) {
    const npmLog = path.join(packs.root, `npm-${Math.random().toString(16).slice(2)}.log`);
    const run = spawnSync('bash', ['-eo', 'pipefail', '-c', job.script.join('\n')], {
      cwd: packs.root,
      encoding: 'utf8',
      env: {
        ...process.env,
        ...job.variables,
        ...variables,
        PATH: `${binDir}:${process.env.PATH}`,
        NPM_LOG: npmLog,
        GITLAB_CI: 'true',
        APERTURE_NO_FOLLOW: '1',
      },
    });
    return { ...run, npmLog };
  }

  it('is a hidden job on Node 20 that keeps the reports as artifacts, even when the gate fails', () => {
    expect(job.image).toMatch(/^node:20\b/);
    expect(job.artifacts.when).toBe('always');
    expect(job.artifacts.paths).toEqual(['aperture.md', 'aperture.sarif', 'aperture.json']);
  });

  it('says in one line what to set when no package is named, and exits 2', () => {
    const run = runJob({});
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      'aperture: set APERTURE_PACKAGE to where to install Aperture from (a git URL or an npm pack tarball)',
    );
  });

  it('installs the named package, checks the target and fails the job on an unmet gate', async () => {
    const run = runJob({
      APERTURE_PACKAGE: './aperture-0.1.0.tgz',
      APERTURE_TARGET: 'mixed-pack',
      APERTURE_MIN_SCORE: '100',
    });
    expect(await readFile(run.npmLog, 'utf8')).toBe(
      'npm install --global --no-audit --no-fund ./aperture-0.1.0.tgz\n',
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/gate failed for mixed-pack/);
    for (const file of job.artifacts.paths)
      expect((await readFile(path.join(packs.root, file), 'utf8')).length).toBeGreaterThan(0);
  });

  it('reports only when APERTURE_FAIL_ON_GATE is false', () => {
    const run = runJob({
      APERTURE_PACKAGE: 'aperture',
      APERTURE_TARGET: 'mixed-pack',
      APERTURE_MIN_SCORE: '100',
      APERTURE_FAIL_ON_GATE: 'false',
    });
    expect(run.status).toBe(0);
  });
});

describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
  interface Hook {
    id: string;
    name: string;
    entry: string;
    language: string;
    files: string;
    pass_filenames: boolean;
  }
  let hook: Hook;

  beforeAll(async () => {
    const hooks = parse(await readFile(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
    expect(hooks.map((candidate) => candidate.id)).toEqual(['aperture-validate']);
    hook = hooks[0]!;
  });

  it("runs the package's own bin with node, on release-pack.yaml files only", async () => {
    const pkg = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8'));
    expect(hook.language).toBe('node');
    expect(Object.keys(pkg.bin)).toContain(hook.entry.split(' ')[0]);
    expect(hook.pass_filenames).toBe(true);
    const files = new RegExp(hook.files);
    for (const name of ['release-pack.yaml', 'models/small/release-pack.yml'])
      expect(files.test(name)).toBe(true);
    for (const name of ['release-pack.yaml.bak', 'my-release-pack.yaml', 'README.md'])
      expect(files.test(name)).toBe(false);
  });

  it('passes valid manifests and names each problem of an invalid one, as pre-commit calls it', async () => {
    const broken = path.join(packs.root, 'broken');
    await mkdir(broken, { recursive: true });
    await writeFile(path.join(broken, 'release-pack.yaml'), 'spec: aperture.dev/release-pack/v1\nname: 3\n');
    const args = hook.entry.split(' ').slice(1);
    const valid = ['open-pack/release-pack.yaml', 'mixed-pack/release-pack.yaml'];
    expect((await runCli([...args, ...valid], { cwd: packs.root })).code).toBe(0);
    const result = await runCli([...args, ...valid, 'broken/release-pack.yaml'], { cwd: packs.root });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^broken\/release-pack\.yaml:\d+:\d+/m);
    expect(result.stdout).toContain('open-pack/release-pack.yaml: valid');
  });
});
