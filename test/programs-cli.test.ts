import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/test-support/recording-io.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('aperture programs (end to end)', () => {
  let dir: string;
  let db: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'aperture-programs-'));
    db = path.join(dir, 'programs.db');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses an invalid program file with file:line:column: field: message and exit 2, loading nothing', async () => {
    const bad = path.join(dir, 'bad.yaml');
    await writeFile(
      bad,
      'spec: aperture.dev/program/v1\nid: Bad Id\nname: x\nkind: grant\nfunder: F\ncurrency: EUR\ntotalBudget: 1\nrequirements: []\n',
    );
    const result = await runCli(['programs', 'load', bad, '--db', db], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.yaml:2:5: id: must be a slug: lowercase letters, digits and dashes');
    expect(result.stderr).toContain('bad.yaml:8:15: requirements: needs at least 1 item(s)');
    expect(result.stderr).toContain('nothing was loaded');
  });

  it('loads the demo folder idempotently, lists and shows it', async () => {
    const first = await runCli(['programs', 'load', 'programs', '--db', db], { cwd: ROOT });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(
      'loaded open-artifacts-fellowship from programs/open-artifacts-fellowship.yaml: 3 award(s), 9 deliverable(s)',
    );
    // This database has no arena: the benchmark the program names is missing, said in one line.
    expect(first.stderr).toBe(
      'aperture: warning: programs/open-artifacts-fellowship.yaml: requirement "benchmark" names the arena benchmark "demo-toy-sentiment", which the arena does not have: its deliverables cannot verify until it exists\n',
    );
    const again = await runCli(
      ['programs', 'load', 'programs/open-artifacts-fellowship.yaml', '--db', db, '--json'],
      {
        cwd: ROOT,
      },
    );
    expect(JSON.parse(again.stdout).loaded[0]).toMatchObject({
      awards: 3,
      deliverables: 9,
      removedAwards: 0,
      warnings: [expect.stringContaining('"demo-toy-sentiment"')],
    });
    const list = await runCli(['programs', 'list', '--db', db, '--json']);
    expect(JSON.parse(list.stdout).items).toHaveLength(1);
    const show = await runCli(['programs', 'show', 'open-artifacts-fellowship', '--db', db]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('DEMO with fictional facts');
    expect(show.stdout).toContain('oaf-2026-quarry');
    const missing = await runCli(['programs', 'show', 'nope', '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('aperture: no program "nope"\n');
  });

  it('verify exits 1 with failing and overdue deliverables and says what is missing', async () => {
    const result = await runCli(['programs', 'verify', '--as-of', '2026-06-01', '--db', db]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('oaf-2026-quarry / open-release: OVERDUE (due 2026-04-30)');
    expect(result.stdout).toContain('- MOF class III does not meet class II');
    expect(result.stdout).toMatch(/fix: /);
    // The benchmark deliverables are judged from this database's (empty) arena: no submission, so not met.
    expect(result.stdout).toContain('Summary: 2 pass, 1 fail, 3 overdue, 3 pending');
    expect(result.stderr).toBe('');
  });

  it('verify --json is quiet and machine-readable; bad --as-of exits 2', async () => {
    const result = await runCli([
      'programs',
      'verify',
      '--program',
      'open-artifacts-fellowship',
      '--as-of',
      '2026-06-01',
      '--json',
      '--db',
      db,
    ]);
    expect(result.code).toBe(1);
    const outcome = JSON.parse(result.stdout);
    expect(outcome.counts).toEqual({ pass: 2, fail: 1, overdue: 3, pending: 3, unverifiable: 0 });
    expect(result.stderr).toBe('');
    const bad = await runCli(['programs', 'verify', '--as-of', '01/06/2026', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of takes a date written YYYY-MM-DD');
  });

  it('shows progress on a TTY', async () => {
    const { recordingIo } = await import('../src/cli/test-support/recording-io.ts');
    const { main } = await import('../src/cli/main.ts');
    const io = recordingIo();
    io.stderr.isTTY = true;
    const code = await main(['programs', 'verify', '--as-of', '2026-06-01', '--db', db], io);
    expect(code).toBe(1);
    expect(io.err()).toMatch(/\[1\/9\] oaf-2026-chem \/ benchmark: pending/);
  });

  it('exports the whole history as CSV and JSON Lines', async () => {
    const csv = await runCli(['programs', 'export', '--format', 'csv', '--db', db]);
    expect(csv.code, csv.stderr).toBe(0);
    const [header, ...rows] = parse(csv.stdout) as string[][];
    expect(header).toEqual([
      'runId',
      'asOf',
      'checkedAt',
      'program',
      'award',
      'recipient',
      'requirement',
      'kind',
      'source',
      'due',
      'status',
      'score',
      'mofClass',
      'missing',
    ]);
    expect(rows).toHaveLength(27);
    const jsonl = await runCli(['programs', 'export', '--format', 'jsonl', '--db', db]);
    const lines = jsonl.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(27);
    expect(new Set(lines.map((line) => line.runId)).size).toBe(3);
  });
});
