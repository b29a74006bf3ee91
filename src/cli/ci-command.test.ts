import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WrittenReportPacks, writeReportPacks } from '../../test/fixtures/report-packs.ts';
import { runCli } from './test-support/recording-io.ts';

let packs: WrittenReportPacks;

beforeAll(async () => {
  packs = await writeReportPacks('aperture-ci-command-');
});

afterAll(() => packs.remove());

/** Parses a $GITHUB_OUTPUT file of name=value lines. */
async function outputsIn(file: string): Promise<Record<string, string>> {
  const text = await readFile(file, 'utf8');
  return Object.fromEntries(
    text
      .trimEnd()
      .split('\n')
      .map((line) => line.split(/=(.*)/s).slice(0, 2)),
  );
}

describe('aperture ci', () => {
  it('writes SARIF, Markdown and JSON, prints the text report and passes a gate the release meets', async () => {
    const result = await runCli(['ci', packs.openPack, '--min-score', '10', '--no-follow'], {
      cwd: packs.root,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('open-pack');
    const sarif = JSON.parse(await readFile(path.join(packs.root, 'aperture.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(await readFile(path.join(packs.root, 'aperture.md'), 'utf8')).toMatch(/^#/m);
    const json = JSON.parse(await readFile(path.join(packs.root, 'aperture.json'), 'utf8'));
    expect(json.reportVersion ?? json[0]?.reportVersion).toBeDefined();
    expect(result.stdout).not.toContain('::error');
  });

  it('on a GitHub runner sets the step outputs, appends the job summary and annotates each unmet rule', async () => {
    const outputFile = path.join(packs.root, 'github-output');
    const summaryFile = path.join(packs.root, 'step-summary.md');
    await writeFile(outputFile, '');
    await writeFile(summaryFile, '# earlier step\n');
    const result = await runCli(
      ['ci', packs.mixedPack, '--min-score', '100', '--no-follow', '--sarif', 'gate.sarif'],
      {
        cwd: packs.root,
        env: { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile },
      },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error title=Openness gate%3A .*mixed-pack::.*100/m);
    expect(result.stderr).toMatch(/gate failed for .*mixed-pack/);
    const outputs = await outputsIn(outputFile);
    expect(outputs).toMatchObject({ passed: 'false', sarif: 'gate.sarif', markdown: 'aperture.md' });
    expect(Number(outputs.score)).toBeGreaterThanOrEqual(0);
    expect(outputs['mof-class']).toMatch(/^(I|II|III|none)$/);
    const summary = await readFile(summaryFile, 'utf8');
    expect(summary.startsWith('# earlier step\n')).toBe(true);
    expect(summary).toContain('mixed-pack');
  });

  it('reports only with --no-fail, and leaves `passed` empty without a gate', async () => {
    const outputFile = path.join(packs.root, 'github-output-nogate');
    await writeFile(outputFile, '');
    const result = await runCli(['ci', packs.mixedPack, '--no-follow', '--no-fail'], {
      cwd: packs.root,
      env: { GITHUB_OUTPUT: outputFile },
    });
    expect(result.code).toBe(0);
    expect((await outputsIn(outputFile)).passed).toBe('');
  });

  it('refuses an output in a missing folder before checking, with one line and exit 2', async () => {
    const result = await runCli(['ci', packs.openPack, '--sarif', 'nowhere/x.sarif'], { cwd: packs.root });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('nowhere');
  });
});
