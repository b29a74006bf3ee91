import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type WrittenReportPacks, writeReportPacks } from '../../test/fixtures/report-packs.ts';
import type { CliIo } from './io.ts';
import { main } from './main.ts';
import { recordingIo } from './test-support/recording-io.ts';

// Records which targets got a progress bar; the bar itself only draws for big packs on a terminal.
const progressFor = vi.hoisted(() => [] as string[]);
vi.mock('./shared/progress.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./shared/progress.ts')>();
  return {
    createHashProgress: (io: CliIo, label: string) => {
      progressFor.push(label);
      return actual.createHashProgress(io, label);
    },
  };
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC
const ANSI = /\u001b\[[0-9;]*m/;

/** An io that records what a command writes; a TTY with colour forced when `tty` is set. */
function fakeIo(cwd: string, tty = false) {
  const io = recordingIo({ cwd, tty, env: tty ? { FORCE_COLOR: '1' } : {} });
  return { io, stdout: io.out, stderr: io.err };
}

let packs: WrittenReportPacks;
let root: string;
let openPack: string;
let mixedPack: string;

beforeAll(async () => {
  packs = await writeReportPacks('aperture-check-command-');
  ({ root, openPack, mixedPack } = packs);
});

afterAll(() => packs.remove());

async function run(argv: string[], tty = false) {
  const fake = fakeIo(root, tty);
  const code = await main(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe('aperture check: report formats', () => {
  beforeEach(() => {
    progressFor.length = 0;
  });

  it('shows progress for the text and Markdown reports, never for --json or --sarif', async () => {
    await run(['check', openPack]);
    await run(['check', mixedPack, '--markdown']);
    expect(progressFor).toEqual([openPack, mixedPack]);
    progressFor.length = 0;
    await run(['check', openPack, '--json']);
    await run(['check', openPack, '--sarif']);
    expect(progressFor).toEqual([]);
  });

  it('prints the text report, with colour only on a colour terminal', async () => {
    const plain = await run(['check', openPack]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('Aperture openness report: Example Lab / open-lm-1b');
    expect(plain.stdout).not.toMatch(ANSI);
    const coloured = await run(['check', openPack], true);
    expect(coloured.stdout).toMatch(ANSI);
  });

  it('--json prints the versioned JSON report and nothing else, without colour', async () => {
    const result = await run(['check', openPack, '--json'], true);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(ANSI);
    const json = JSON.parse(result.stdout);
    expect(json.reportVersion).toBe('aperture.dev/report/v1');
    expect(json.target).toBe(openPack);
    expect(json.profile.mof.class).toBe('III');
    expect(Array.isArray(json.fixes)).toBe(true);
    expect(result.stderr).toBe('');
  });

  it('--sarif prints a SARIF 2.1.0 log, without colour', async () => {
    const result = await run(['check', mixedPack, '--sarif'], true);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(ANSI);
    const log = JSON.parse(result.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain('components-present');
  });

  it('--markdown prints the Markdown report', async () => {
    const result = await run(['check', mixedPack, '--markdown']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('## Aperture openness report: Example Lab / mixed-lm\n')).toBe(true);
    expect(result.stdout).toContain('| Component | Rating | License | Points | Why |');
  });

  it('--markdown with several targets separates the reports', async () => {
    const result = await run(['check', openPack, mixedPack, '--markdown']);
    expect(result.code).toBe(0);
    expect(result.stdout.match(/^## Aperture openness report/gm)).toHaveLength(2);
    expect(result.stdout).toContain('\n---\n');
  });

  it.each([
    [['--json', '--sarif']],
    [['--json', '--markdown']],
    [['--sarif', '--markdown']],
    [['--json', '--sarif', '--markdown']],
  ])('refuses %j together with exit 2 and one line', async (flags) => {
    const result = await run(['check', openPack, ...flags]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^aperture: --\w+ and --\w+.* cannot be combined: choose one report format\n$/,
    );
  });
});

describe('aperture check --output', () => {
  it('writes the SARIF report to the file and nothing to stdout', async () => {
    const file = path.join(root, 'report.sarif');
    const result = await run(['check', mixedPack, '--sarif', '--output', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(JSON.parse(await readFile(file, 'utf8')).version).toBe('2.1.0');
    expect(result.stderr).toContain('report written to');
  });

  it('writes a file name relative to the working directory', async () => {
    const result = await run(['check', openPack, '--json', '-o', 'relative.json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(await readFile(path.join(root, 'relative.json'), 'utf8')).reportVersion).toBe(
      'aperture.dev/report/v1',
    );
  });

  it('writes the text report without colour, even on a colour terminal', async () => {
    const file = path.join(root, 'report.txt');
    const result = await run(['check', openPack, '--output', file], true);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const text = await readFile(file, 'utf8');
    expect(text).toContain('Aperture openness report');
    expect(text).not.toMatch(ANSI);
  });

  it('writes the Markdown report', async () => {
    const file = path.join(root, 'report.md');
    expect((await run(['check', openPack, '--markdown', '--output', file])).code).toBe(0);
    expect(await readFile(file, 'utf8')).toContain('| MOF class | **Class III (Open Model)** |');
  });

  it('refuses a file in a folder that does not exist before checking anything', async () => {
    const result = await run(['check', openPack, '--json', '--output', path.join(root, 'nowhere', 'x.json')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^aperture: cannot write .*x\.json: no folder .*nowhere\n$/);
  });

  it('still names the unmet rules of a failed gate, on stderr', async () => {
    const result = await run([
      'check',
      mixedPack,
      '--sarif',
      '--output',
      path.join(root, 'gate.sarif'),
      '--min-score',
      '60',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/gate failed for .*mixed-pack: openness score \d+ < 60/);
  });
});

describe('aperture check: gates', () => {
  it('exits 2 for --min-score 101', async () => {
    const result = await run(['check', openPack, '--min-score', '101']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('aperture: --min-score takes a number from 0 to 100, not "101"\n');
  });

  it('exits 2 for --require-class IV', async () => {
    const result = await run(['check', openPack, '--require-class', 'IV']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('aperture: unknown MOF class "IV": use I, II or III\n');
  });

  it('reads HTTPS:// as a URL, not as a folder (the git source vets it before any clone)', async () => {
    const result = await run(['check', 'HTTPS://example.org/org/repo;id']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'aperture: git URL "HTTPS://example.org/org/repo;id" refused: it holds control characters, spaces or shell characters\n',
    );
  });

  it('exits 1 and names each unmet rule when the gate fails', async () => {
    const result = await run(['check', mixedPack, '--min-score', '60', '--require-class', 'II']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Gate failed:');
    expect(result.stdout).toMatch(/✗ openness score \d+ < 60/);
    expect(result.stdout).toMatch(/✗ MOF class none does not meet class II: final-parameters \(not-open\)/);
  });

  it('names the unmet rules in the Markdown report too', async () => {
    const result = await run(['check', mixedPack, '--markdown', '--min-score', '60']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('### ❌ Gate failed: command-line gate');
    expect(result.stdout).toMatch(/- ❌ openness score \d+ &lt; 60/);
    expect(result.stderr).toBe('');
  });

  it('names the unmet rules on stderr with --json, whose stdout stays JSON', async () => {
    const result = await run(['check', mixedPack, '--json', '--require-class', 'III']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).gate.passed).toBe(false);
    expect(result.stderr).toMatch(/^gate failed for .*mixed-pack: MOF class none does not meet class III/);
  });

  it('exits 0 when the gate passes, 1 one point above the score', async () => {
    const score = JSON.parse((await run(['check', openPack, '--json'])).stdout).profile.score as number;
    const passing = await run(['check', openPack, '--min-score', String(score), '--require-class', 'III']);
    expect(passing.code).toBe(0);
    expect(passing.stdout).toContain('Gate               PASS');
    expect(passing.stdout).not.toContain('Gate failed');
    const failing = await run([
      'check',
      openPack,
      '--min-score',
      String(score + 1),
      '--require-class',
      'III',
    ]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain(`✗ openness score ${score} < ${score + 1}`);
  });

  it('exits 1 when one of several releases falls short', async () => {
    const result = await run(['check', openPack, mixedPack, '--require-class', 'III']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Gate               PASS');
    expect(result.stdout).toContain('Gate               FAIL');
  });
});

describe('aperture check --policy', () => {
  async function policyFile(name: string, text: string): Promise<string> {
    const file = path.join(root, name);
    await writeFile(file, text);
    return file;
  }

  it('passes a release that meets the policy', async () => {
    const file = await policyFile(
      'open-weights.yaml',
      `policy: aperture.dev/policy/v1
name: Open weights grant
minClass: III
requireComponents:
  - final-parameters
  - { component: model-card, rating: open }
allowedLicenseClasses: [open]
`,
    );
    const result = await run(['check', openPack, '--policy', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Gate               PASS Open weights grant');
  });

  it('fails a release that falls short, naming each unmet rule', async () => {
    const file = await policyFile(
      'open-science.yaml',
      `policy: aperture.dev/policy/v1
name: Open science grant
minScore: 30
requireComponents:
  - { component: final-parameters, rating: open }
  - training-datasets
`,
    );
    const result = await run(['check', mixedPack, '--policy', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Gate               FAIL Open science grant');
    expect(result.stdout).toMatch(/✗ openness score \d+ < 30/);
    expect(result.stdout).toContain('✗ final-parameters must be open, but is partial');
    expect(result.stdout).toContain('✗ training-datasets must be released, but is closed');
  });

  it('combines the policy with --min-score, keeping the stricter bar', async () => {
    const file = await policyFile('low-bar.yaml', 'policy: aperture.dev/policy/v1\nminScore: 10\n');
    expect((await run(['check', openPack, '--policy', file])).code).toBe(0);
    expect((await run(['check', openPack, '--policy', file, '--min-score', '99'])).code).toBe(1);
  });

  it('exits 2 with one line naming the file, line and field of an invalid policy', async () => {
    const file = await policyFile('invalid.yaml', 'policy: aperture.dev/policy/v1\nminClass: IV\n');
    const result = await run(['check', openPack, '--policy', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toMatch(
      new RegExp(`^aperture: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+: minClass: `),
    );
  });

  it('exits 2 for a policy file that does not exist', async () => {
    const result = await run(['check', openPack, '--policy', path.join(root, 'missing.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^aperture: policy file not found: .*missing\.yaml\n$/);
  });
});

describe('aperture check: bad input', () => {
  it('exits 2 for a target that does not exist', async () => {
    const result = await run(['check', path.join(root, 'no-such-pack')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^aperture: no such file or folder: .*no-such-pack\n$/);
  });

  it('exits 2 for a malformed --as-of', async () => {
    const result = await run(['check', openPack, '--as-of', 'yesterday']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('aperture: --as-of takes a date written YYYY-MM-DD, not "yesterday"\n');
  });

  it('lists the new flags in --help', async () => {
    const result = await run(['check', '--help']);
    expect(result.code).toBe(0);
    for (const flag of ['--json', '--sarif', '--markdown', '--output <file>'])
      expect(result.stdout).toContain(flag);
  });
});
