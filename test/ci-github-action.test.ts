import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type WrittenReportPacks, writeReportPacks } from './fixtures/report-packs.ts';
import { type ExpressionContext, stepCondition, substituteExpressions } from './support/github-expression.ts';

/*
 * Runs the repository's GitHub Action (action.yml, composite) the way a runner does: each step in order
 * with its `if:`, its `env` with expressions substituted, a fresh $GITHUB_OUTPUT per step, one
 * $GITHUB_STEP_SUMMARY, and the action's checkout as $GITHUB_ACTION_PATH. `uses:` steps (setup-node, the
 * SARIF upload) are recorded, not run. The checkout is a copy of action.yml and ci/github/ whose
 * dist/src/cli/bin.js starts this repository's CLI from source, so the install step takes its
 * "already built" path.
 */

const REPO = path.resolve(import.meta.dirname, '..');

interface Step {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  run?: string;
  shell?: string;
}

interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

interface ActionRun {
  context: ExpressionContext;
  outputs: Record<string, string>;
  ran: string[];
  used: { uses: string; with: Record<string, string> }[];
  failedStep: string | null;
  stdout: string;
  stderr: string;
  summary: string;
}

let action: Action;
let actionPath: string;
let packs: WrittenReportPacks;

beforeAll(async () => {
  action = parse(await readFile(path.join(REPO, 'action.yml'), 'utf8')) as Action;
  actionPath = await mkdtemp(path.join(tmpdir(), 'aperture-action-'));
  await mkdir(path.join(actionPath, 'ci', 'github'), { recursive: true });
  await copyFile(path.join(REPO, 'action.yml'), path.join(actionPath, 'action.yml'));
  for (const script of ['install.sh', 'check.sh', 'fail-on-gate.sh']) {
    await copyFile(path.join(REPO, 'ci', 'github', script), path.join(actionPath, 'ci', 'github', script));
  }
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const bin = path.join(REPO, 'src', 'cli', 'bin.ts');
  await mkdir(path.join(actionPath, 'dist', 'src', 'cli'), { recursive: true });
  await writeFile(
    path.join(actionPath, 'dist', 'src', 'cli', 'bin.js'),
    `import { spawnSync } from 'node:child_process';
const result = spawnSync(process.execPath, ['--import', ${JSON.stringify(tsx)}, ${JSON.stringify(bin)}, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
`,
  );
  packs = await writeReportPacks('aperture-action-workspace-');
});

afterAll(async () => {
  await rm(actionPath, { recursive: true, force: true });
  await packs.remove();
});

/** Reads a $GITHUB_OUTPUT file: `name=value` lines and `name<<DELIMITER` blocks. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const delimited = /^([\w-]+)<<(.+)$/.exec(lines[i]!);
    if (delimited) {
      const end = lines.indexOf(delimited[2]!, i + 1);
      outputs[delimited[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i]!.includes('=')) {
      const [name, ...value] = lines[i]!.split('=');
      outputs[name!] = value.join('=');
    }
  }
  return outputs;
}

async function runAction(inputs: Record<string, string>): Promise<ActionRun> {
  const runDir = await mkdtemp(path.join(tmpdir(), 'aperture-action-run-'));
  const summaryFile = path.join(runDir, 'summary.md');
  await writeFile(summaryFile, '');
  const withDefaults = Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [name, inputs[name] ?? input.default ?? '']),
  );
  const context: ExpressionContext = { inputs: withDefaults, steps: {} };
  const result: ActionRun = {
    context,
    outputs: {},
    ran: [],
    used: [],
    failedStep: null,
    stdout: '',
    stderr: '',
    summary: '',
  };
  for (const [index, step] of action.runs.steps.entries()) {
    const failed = result.failedStep !== null;
    const condition = step.if ?? (failed ? 'never' : undefined);
    if (condition === 'never' || (failed && !condition!.includes('always()'))) continue;
    if (!stepCondition(condition, context)) continue;
    if (step.uses) {
      const values = Object.entries(step.with ?? {}).map(([key, value]) => [
        key,
        substituteExpressions(String(value), context),
      ]);
      result.used.push({ uses: step.uses, with: Object.fromEntries(values) });
      continue;
    }
    const outputFile = path.join(runDir, `output-${index}`);
    await writeFile(outputFile, '');
    const stepEnv = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([key, value]) => [
        key,
        substituteExpressions(String(value), context),
      ]),
    );
    const run = spawnSync('bash', ['-e', '-c', step.run!], {
      cwd: packs.root,
      encoding: 'utf8',
      env: {
        ...process.env,
        ...stepEnv,
        GITHUB_ACTIONS: 'true',
        GITHUB_ACTION_PATH: actionPath,
        GITHUB_WORKSPACE: packs.root,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: runDir,
        APERTURE_NO_FOLLOW: '1',
      },
    });
    result.ran.push(step.name);
    result.stdout += run.stdout;
    result.stderr += run.stderr;
    if (step.id) context.steps[step.id] = { outputs: parseOutputFile(await readFile(outputFile, 'utf8')) };
    if (run.status !== 0) result.failedStep = step.name;
  }
  result.outputs = Object.fromEntries(
    Object.entries(action.outputs).map(([name, output]) => [
      name,
      substituteExpressions(output.value, context),
    ]),
  );
  result.summary = await readFile(summaryFile, 'utf8');
  await rm(runDir, { recursive: true, force: true });
  return result;
}

describe('the GitHub Action (action.yml)', () => {
  it('is a composite action whose steps pin the actions they use to a major version', () => {
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps) {
      if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w/-]+@v\d+$/);
      else expect(step.shell).toBe('bash');
      // Inputs reach scripts through env, never spliced into the script text.
      if (step.run) expect(step.run).not.toContain('${{');
    }
  });

  it('passes a release that meets the gate: outputs, job summary, SARIF uploaded, job green', async () => {
    const run = await runAction({ target: 'open-pack', 'min-score': '10' });
    expect(run.failedStep).toBeNull();
    expect(run.ran).toEqual(['Install Aperture', 'Check openness']);
    expect(run.outputs.passed).toBe('true');
    expect(Number(run.outputs.score)).toBeGreaterThanOrEqual(10);
    expect(run.outputs['sarif-file']).toBe('aperture.sarif');
    expect(run.used.map((used) => used.uses)).toEqual([
      'actions/setup-node@v4',
      'github/codeql-action/upload-sarif@v3',
    ]);
    expect(run.used[1]!.with.sarif_file).toBe('aperture.sarif');
    const sarif = JSON.parse(await readFile(path.join(packs.root, 'aperture.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(run.summary).toContain('open-pack');
  });

  it('fails the job on an unmet gate after uploading SARIF, with an annotation per unmet rule', async () => {
    const run = await runAction({ target: 'mixed-pack', 'min-score': '100', 'sarif-file': 'gate.sarif' });
    expect(run.outputs.passed).toBe('false');
    expect(run.stdout).toMatch(/^::error title=Openness gate%3A mixed-pack::/m);
    expect(run.used.at(-1)).toEqual({
      uses: 'github/codeql-action/upload-sarif@v3',
      with: { sarif_file: 'gate.sarif', category: 'aperture' },
    });
    expect(run.ran.at(-1)).toBe('Fail on the gate');
    expect(run.failedStep).toBe('Fail on the gate');
  });

  it('reports without failing when fail-on-gate is false, and without uploading when upload-sarif is false', async () => {
    const run = await runAction({
      target: 'mixed-pack',
      'min-score': '100',
      'fail-on-gate': 'false',
      'upload-sarif': 'false',
    });
    expect(run.outputs.passed).toBe('false');
    expect(run.failedStep).toBeNull();
    expect(run.used.map((used) => used.uses)).toEqual(['actions/setup-node@v4']);
  });

  it('fails the check step with one line for a target that does not exist', async () => {
    const run = await runAction({ target: 'no-such-release' });
    expect(run.failedStep).toBe('Check openness');
    expect(run.stderr.trim()).toBe('aperture: no such file or folder: no-such-release');
    expect(run.outputs.passed).toBe('');
  });
});
