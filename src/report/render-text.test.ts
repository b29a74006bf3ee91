import { describe, expect, it } from 'vitest';
import {
  INVALID_MANIFEST_PACK,
  MIXED_PACK,
  OPEN_PACK,
  OPEN_WASHED_LOCATIONS,
  openWashedReport,
  reportOf,
  TRULY_OPEN_PACK,
} from '../../test/fixtures/report-packs.ts';
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

  it('prints scores rounded, never with float noise', async () => {
    const report = await reportOf(MIXED_PACK);
    const noisy = {
      ...report,
      profile: { ...report.profile, score: 66.66666666666667 },
      checks: report.checks.map((check, index) =>
        index === 0 ? { ...check, score: 6.666666666666667 } : check,
      ),
    };
    const text = renderText(noisy, { color: false });
    expect(text).toContain('Openness score     66.6667/100');
    expect(text).toContain('6.6667/10');
    expect(text).not.toMatch(/\d\.\d{5,}/);
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

  it('marks a component known only by a link, and explains the mark under the table', async () => {
    const report = await openWashedReport();
    const weights = report.profile.components.find((component) => component.id === 'final-parameters')!;
    expect(weights.verification).toBe('linked-unverified');
    const text = renderText(report, { color: false });
    const rows = text.split('\n');
    const row = rows.findIndex((line) => line.startsWith('│ Final parameters (weights)'));
    expect(rows[row]).toContain('◐ partial');
    // The second line of the row says `linked` under the rating.
    expect(rows[row + 1]).toMatch(/^│ +│ linked +│/);
    expect(rows.filter((line) => /│ linked +│/.test(line))).toHaveLength(1);
    expect(text).toContain('linked = known only by a link, not verified; earns half its points');
  });

  it('names no linked component and no footnote when every part was read', async () => {
    const text = renderText(await reportOf(MIXED_PACK), { color: false });
    expect(text).not.toMatch(/│ linked +│/);
    expect(text).not.toContain('linked = ');
  });

  it('flags open-washing in the headline with the reason and the first claim', async () => {
    const report = await openWashedReport();
    expect(report.profile.openWashing?.flagged).toBe(true);
    const text = renderText(report, { color: false });
    expect(text).toContain(
      '  Open-washing       FLAGGED: calls itself open source, but the weights are under llama3.1 (restricted)\n' +
        '                     README.md:7 "acme-chat-8b is our open-source model for chat."\n',
    );
  });

  it('says "no" with the reason when the release calls itself open source and is', async () => {
    const report = await reportOf(TRULY_OPEN_PACK);
    expect(report.profile.openWashing?.flagged).toBe(false);
    const text = renderText(report, { color: false });
    expect(text).toContain(`  Open-washing       no: ${report.profile.openWashing!.reason}\n`);
    expect(text).not.toContain('FLAGGED');
  });

  it('has no open-washing line when the release does not call itself open source', async () => {
    const report = await reportOf(MIXED_PACK);
    expect(report.profile.openWashing).toBeNull();
    expect(renderText(report, { color: false })).not.toContain('Open-washing');
  });

  it('lists the locations a release spans, each with its role and file count', async () => {
    const report = await openWashedReport();
    const text = renderText(report, { color: false });
    expect(text).toContain(
      `  Locations          ${OPEN_WASHED_LOCATIONS.model} (primary, 2 files)\n` +
        `                     ${OPEN_WASHED_LOCATIONS.code} (given, 3 files)\n`,
    );
    expect(renderText(await reportOf(MIXED_PACK), { color: false })).not.toContain('Locations');
  });

  it('prints evidence from another location under its path there, which names the location', async () => {
    const report = await openWashedReport();
    const text = renderText(report, { color: false, verbose: true });
    expect(text).toContain('  - github.com/acme/acme-train/train.py  training script by name');
    expect(text).toContain('Final parameters (weights) (linked, unverified)\n');
    expect(text).toContain('  - README.md:9  https://huggingface.co/acme/acme-chat-8b-weights  linked:');
    expect(renderText(report, { color: false })).not.toContain('acme-train/train.py');
  });

  it('keeps its tables within 110 columns', async () => {
    for (const report of [await openWashedReport(), await reportOf(MIXED_PACK)]) {
      const text = renderText(report, { color: false });
      const tableRows = text.split('\n').filter((line) => /^[┌│└]/.test(line));
      expect(tableRows.length).toBeGreaterThan(20);
      for (const line of tableRows) expect([...line].length, line).toBeLessThanOrEqual(110);
    }
  });

  it('keeps control sequences in a claim out of the terminal', async () => {
    const report = await openWashedReport();
    const claim = report.profile.openWashing!.claims[0]!;
    const hostile = {
      ...report,
      profile: {
        ...report.profile,
        openWashing: {
          ...report.profile.openWashing!,
          claims: [{ ...claim, phrase: 'our \u001b[2J\u001b]0;pwned\u0007open-source model' }],
        },
      },
    };
    const text = renderText(hostile, { color: false });
    expect(text).not.toMatch(ANSI);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('README.md:7 "our [2J]0;pwnedopen-source model"');
  });
});
