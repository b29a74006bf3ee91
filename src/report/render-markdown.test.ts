import { describe, expect, it } from 'vitest';
import {
  HOSTILE,
  HOSTILE_PACK,
  INVALID_MANIFEST_PACK,
  MIXED_PACK,
  OPEN_PACK,
  OPEN_WASHED_LOCATIONS,
  openWashedReport,
  reportOf,
  TRULY_OPEN_PACK,
} from '../../test/fixtures/report-packs.ts';
import { combineGate } from '../checker/index.ts';
import { escapeMarkdown, renderMarkdown } from './render-markdown.ts';
import { topFixes } from './top-fixes.ts';

/** Cell separators of a table row: pipes that no backslash escapes. */
function separators(row: string): number {
  return row.match(/(?<!\\)\|/g)?.length ?? 0;
}

/** Every table: each row has as many cells as its header, so nothing broke out of a cell. */
function expectTablesIntact(markdown: string): void {
  const tables = markdown.split('\n\n').filter((block) => block.startsWith('|'));
  expect(tables.length).toBeGreaterThan(0);
  for (const table of tables) {
    const rows = table.split('\n');
    const columns = separators(rows[0]!);
    expect(rows[1]).toMatch(/^\|( --- \|)+$/);
    for (const row of rows) expect(separators(row), row).toBe(columns);
  }
}

describe('renderMarkdown scores', () => {
  it('prints scores rounded, never with float noise', async () => {
    const report = await reportOf(MIXED_PACK);
    const failing = report.checks.findIndex((check) => check.score !== null && check.score < 10);
    expect(failing).toBeGreaterThanOrEqual(0);
    const noisy = {
      ...report,
      profile: { ...report.profile, score: 66.66666666666667 },
      checks: report.checks.map((check, index) =>
        index === failing ? { ...check, score: 3.3000000000000003 } : check,
      ),
    };
    const markdown = renderMarkdown(noisy);
    expect(markdown).toContain('| Openness score | **66.6667/100** |');
    expect(markdown).toContain(', 3.3/10)');
    expect(markdown).not.toMatch(/\d\.\d{5,}/);
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['<img src=x>', '&lt;img src=x&gt;'],
    ['`code`', '\\`code\\`'],
    ['a & b', 'a &amp; b'],
    ['[link](javascript:x) *b* _i_ ~s~ #h', '\\[link\\](javascript:x) \\*b\\* \\_i\\_ \\~s\\~ \\#h'],
    ['line\nbreak\r\n', 'line break '],
    ['back\\slash', 'back\\\\slash'],
    ['ping @octocat', 'ping @&#8203;octocat'],
    ['mail me@example.org', 'mail me@example.org'],
  ])('escapes %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('renderMarkdown', () => {
  it('opens with the headline: score, MOF class with progress, OSAID verdict, completeness', async () => {
    const report = await reportOf(OPEN_PACK);
    const markdown = renderMarkdown(report);
    expect(markdown.startsWith('## Aperture openness report: Example Lab / open-lm-1b\n')).toBe(true);
    expect(markdown).toContain(`| Openness score | **${report.profile.score}/100** |`);
    expect(markdown).toContain('| MOF class | **Class III (Open Model)** |');
    expect(markdown).toContain(
      report.profile.osaid.verdict === 'open-source-ai' ? '✅ open source AI' : '❌ not open source AI',
    );
    expect(markdown).toContain(`| Release pack | ${report.profile.completeness.percent}% complete:`);
    expect(markdown).toContain('| Class III · Open Model | ✅ 100% | nothing: met |');
    expect(markdown).toContain(`| Class II · Open Tooling | `);
    expect(markdown).toContain(`${report.profile.mof.progress.I}% |`);
    expect(markdown).not.toContain('| Gate |');
    expectTablesIntact(markdown);
  });

  it('shows the component grid with emoji ratings', async () => {
    const report = await reportOf(MIXED_PACK);
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('| Component | Rating | License | Points | Why |');
    expect(markdown).toMatch(/\| Model architecture \| 🟢 open \| Apache-2\.0 \| 5\/5 \|/);
    expect(markdown).toMatch(/\| Final parameters \(weights\) \| 🟡 partial \| llama3\.1 \|/);
    expect(markdown).toMatch(/\| Training datasets \| 🔴 closed \| — \|/);
    const rows = markdown.split('\n').filter((line) => /^\| [^|]+ \| (🟢|🟡|🔴|⚪) /.test(line));
    expect(rows).toHaveLength(report.profile.components.length);
    expectTablesIntact(markdown);
  });

  it('marks inferred ratings', async () => {
    const report = await reportOf(INVALID_MANIFEST_PACK);
    expect(report.profile.inferred).toBe(true);
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('release-pack.yaml is invalid: ratings below are inferred');
    const inferred = report.profile.components.filter((component) => component.inferred);
    expect(markdown.match(/\*\(inferred\)\*/g)?.length ?? 0).toBe(inferred.length);
  });

  it('lists failing checks with their remediation, and the top fixes', async () => {
    const report = await reportOf(MIXED_PACK);
    const markdown = renderMarkdown(report);
    const failing = report.checks.filter((check) => check.score !== null && check.score < 10);
    expect(failing.length).toBeGreaterThan(0);
    for (const check of failing) {
      expect(markdown).toContain(`**${check.title}** (${check.id}, ${check.risk} risk, ${check.score}/10)`);
      expect(markdown).toContain(`  - **Fix:** ${escapeMarkdown(check.remediation!)}`);
    }
    const passing = report.checks.filter((check) => check.score === 10);
    for (const check of passing) expect(markdown).not.toContain(`**${check.title}**`);
    const fixes = topFixes(report.profile, report.checks);
    expect(markdown).toContain('### Top fixes');
    fixes.forEach((fix, index) => {
      expect(markdown).toContain(`${index + 1}. ${escapeMarkdown(fix.action)}`);
    });
  });

  it('names each unmet rule when the gate fails', async () => {
    const report = await reportOf(MIXED_PACK, 'memory', {
      gate: combineGate({ minScore: 60, requireClass: 'III' }),
    });
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('| Gate | ❌ **fail** (command-line gate) |');
    expect(markdown).toContain('### ❌ Gate failed: command-line gate');
    for (const rule of report.gate!.rules) expect(markdown).toContain(`- ❌ ${escapeMarkdown(rule.message)}`);
  });

  it('says the gate passed', async () => {
    const report = await reportOf(OPEN_PACK, 'memory', { gate: combineGate({ requireClass: 'III' }) });
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('| Gate | ✅ **pass** (command-line gate) |');
    expect(markdown).toContain('### ✅ Gate passed: command-line gate');
  });

  it('keeps hostile names and locations from breaking tables or injecting HTML', async () => {
    const report = await reportOf(HOSTILE_PACK, 'evil|<b>`target`</b>');
    expect(report.profile.model.name).toBe(HOSTILE.name);
    const markdown = renderMarkdown(report);
    expectTablesIntact(markdown);
    for (const raw of ['<img', '<script', '</b>', '<b>', '`code`', '`target`', '`x`', '@octocat']) {
      expect(markdown).not.toContain(raw);
    }
    expect(markdown).toContain(escapeMarkdown(HOSTILE.name));
    expect(markdown).toContain(escapeMarkdown(HOSTILE.organization));
    // The missing location appears in the component's reason (a table cell) and in the check's details.
    expect(markdown).toContain(escapeMarkdown(HOSTILE.location));
    // The only HTML is Aperture's own.
    const tags = markdown.match(/<\/?[a-z]+/g) ?? [];
    expect(new Set(tags)).toEqual(new Set(['<sub', '</sub']));
  });

  it('marks a component known only by a link in the component table, with a footnote', async () => {
    const report = await openWashedReport();
    const markdown = renderMarkdown(report);
    expect(markdown).toMatch(
      /\| Final parameters \(weights\) \*\(inferred\)\* \| 🟡 partial · 🔗 linked \| llama3\.1 \| 3\.75\/15 \| linked, unverified; /,
    );
    const linked = report.profile.components.filter(
      (component) => component.verification === 'linked-unverified',
    );
    expect(markdown.match(/🔗 linked \|/g)).toHaveLength(linked.length);
    expect(markdown).toContain('🔗 *linked*: known only by a link, not verified; earns half its points.');
    expectTablesIntact(markdown);
    const plain = renderMarkdown(await reportOf(MIXED_PACK));
    expect(plain).not.toContain('🔗');
  });

  it('flags open-washing in the summary table and in a warning line with the claim', async () => {
    const report = await openWashedReport();
    const markdown = renderMarkdown(report);
    const reason = 'calls itself open source, but the weights are under llama3.1 (restricted)';
    expect(markdown).toContain(`| Open-washing | ⚠ **flagged**: ${reason} |`);
    expect(markdown).toContain(`> ⚠ **Open-washing:** ${reason}.\n>\n`);
    expect(markdown).toContain('> - Claim: README.md:7 "acme-chat-8b is our open-source model for chat."\n');
    expect(markdown).toMatch(/> - Withheld parts the MOF requires: [^\n]*training-datasets/);
    expectTablesIntact(markdown);
  });

  it('says the release is not open-washing when it calls itself open source and is', async () => {
    const report = await reportOf(TRULY_OPEN_PACK);
    const markdown = renderMarkdown(report);
    expect(markdown).toContain(
      `| Open-washing | no: ${escapeMarkdown(report.profile.openWashing!.reason)} |`,
    );
    expect(markdown).not.toContain('⚠');
    expect(renderMarkdown(await reportOf(MIXED_PACK))).not.toContain('Open-washing');
  });

  it('lists the locations of a release that spans several', async () => {
    const markdown = renderMarkdown(await openWashedReport());
    expect(markdown).toContain('| Locations | 2 (listed below) |');
    expect(markdown).toContain(
      '**Locations** (the release spans 2):\n\n' +
        `- ${OPEN_WASHED_LOCATIONS.model} (primary, 2 files)\n` +
        `- ${OPEN_WASHED_LOCATIONS.code} (given, 3 files)\n`,
    );
    expect(renderMarkdown(await reportOf(OPEN_PACK))).not.toContain('Locations');
  });

  it('escapes a hostile claim in the open-washing line', async () => {
    const report = await openWashedReport();
    const claim = report.profile.openWashing!.claims[0]!;
    const markdown = renderMarkdown({
      ...report,
      profile: {
        ...report.profile,
        openWashing: {
          ...report.profile.openWashing!,
          claims: [{ ...claim, phrase: 'our <img src=x onerror=alert(1)> open-source | model @octocat' }],
        },
      },
    });
    expect(markdown).not.toContain('<img');
    expect(markdown).not.toContain('@octocat');
    expect(markdown).toContain('our &lt;img src=x onerror=alert(1)&gt; open-source \\| model');
    expectTablesIntact(markdown);
  });
});
