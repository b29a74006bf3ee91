import { describe, expect, it } from 'vitest';
import { INVALID_MANIFEST_PACK, MIXED_PACK, OPEN_PACK, reportOf } from '../../test/fixtures/report-packs.ts';
import { combineGate } from '../checker/index.ts';
import { renderText } from './render-text.ts';
import { topFixes } from './top-fixes.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC
const ANSI = /\u001b\[[0-9;]*m/;

describe('renderText', () => {
  it('has no ANSI codes without colour, and has them with colour', async () => {
    const report = await reportOf(MIXED_PACK);
    expect(renderText(report, { color: false })).not.toMatch(ANSI);
    expect(renderText(report, { color: true })).toMatch(ANSI);
  });

  it('shows the headline, the component grid, the checks and the top fixes', async () => {
    const report = await reportOf(MIXED_PACK);
    const text = renderText(report, { color: false });
    expect(text).toContain('Aperture openness report: Example Lab / mixed-lm');
    expect(text).toContain(`Openness score     ${report.profile.score}/100`);
    expect(text).toContain('MOF class          none');
    expect(text).toContain('not open source AI');
    expect(text).toContain('Final parameters (weights)');
    expect(text).toContain('◐ partial');
    for (const check of report.checks) expect(text).toContain(check.id);
    expect(text).toContain('Top fixes');
    for (const fix of topFixes(report.profile, report.checks)) expect(text).toContain(fix.action);
  });

  it('names the class reached', async () => {
    const text = renderText(await reportOf(OPEN_PACK), { color: false });
    expect(text).toContain('MOF class          Class III');
  });

  it('marks inferred ratings when the manifest is invalid', async () => {
    const text = renderText(await reportOf(INVALID_MANIFEST_PACK), { color: false });
    expect(text).toContain('release-pack.yaml is invalid: ratings below are inferred');
  });

  it('names each unmet rule of a failed gate', async () => {
    const gate = combineGate({ minScore: 60, requireClass: 'II' });
    const report = await reportOf(MIXED_PACK, 'memory', { gate });
    const text = renderText(report, { color: false });
    expect(text).toContain('Gate               FAIL');
    expect(text).toContain('Gate failed:');
    for (const rule of report.gate!.rules) expect(text).toContain(`✗ ${rule.message}`);
  });

  it('says PASS and names no failure when the gate passes', async () => {
    const report = await reportOf(OPEN_PACK, 'memory', { gate: combineGate({ requireClass: 'III' }) });
    const text = renderText(report, { color: false });
    expect(text).toContain('Gate               PASS');
    expect(text).not.toContain('Gate failed');
  });
});
