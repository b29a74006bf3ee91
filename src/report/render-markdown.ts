import type { CheckReport } from '../checker/index.ts';
import type { ComponentRating } from '../profile/index.ts';
import { MOF_CLASS_NAMES, type MofClassName } from '../spec/index.ts';
import { formatScore } from '../util/index.ts';
import { claimText, isLinked, LINKED_MEANING, locationText, oneLine } from './describe-release.ts';
import { topFixes } from './top-fixes.ts';

const RATING_MARK: Record<ComponentRating['rating'], string> = {
  open: '🟢 open',
  partial: '🟡 partial',
  closed: '🔴 closed',
  'not-applicable': '⚪ n/a',
};

/** The Model Openness Framework's names for its classes. */
const MOF_CLASS_TITLES: Record<MofClassName, string> = {
  I: 'Open Science',
  II: 'Open Tooling',
  III: 'Open Model',
};

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Makes text from a release safe inside Markdown (GitHub flavoured), in a table cell or a list item: no
 * HTML, no code spans, links, emphasis or table breaks, no line breaks, and no @-mentions that would
 * notify people when the report is posted as a PR comment.
 *
 * @example
 * escapeMarkdown('a | <b>`x`</b>') // 'a \\| &lt;b&gt;\\`x\\`&lt;/b&gt;'
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\r\n\t\f\v]+/g, ' ')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .replace(/[&<>]/g, (char) => HTML_ENTITIES[char]!)
      .replace(/[\\`*_[\]|~#]/g, '\\$&')
      // A zero-width space after @ keeps the text readable but stops GitHub from mentioning anyone.
      .replace(/(^|[^A-Za-z0-9])@(?=[A-Za-z0-9])/g, '$1@&#8203;')
  );
}

function progressBar(percent: number): string {
  const filled = Math.max(0, Math.min(10, Math.round(percent / 10)));
  return `${'▓'.repeat(filled)}${'░'.repeat(10 - filled)}`;
}

function licenseText(component: ComponentRating): string {
  if (component.rating === 'closed' && component.status !== 'released') return '—';
  return (
    component.license.expression ??
    (component.license.class === 'none' ? 'none' : component.license.input || 'none')
  );
}

/** The rating, with `🔗 linked` for a component known only by a link. */
function ratingCell(component: ComponentRating): string {
  return `${RATING_MARK[component.rating]}${isLinked(component) ? ' · 🔗 linked' : ''}`;
}

function score10(score: number | null): string {
  return score === null ? 'n/a' : `${formatScore(score)}/10`;
}

/**
 * The Markdown report, for a PR comment or a README: the headline (score, MOF class with per-class
 * progress, OSAID verdict, completeness, open-washing, gate verdict) with a warning line when the release
 * is flagged for open-washing and the list of its locations when it spans several, the component grid
 * (parts known only by a link marked `🔗 linked`), the failing checks with their remediation, the top
 * fixes and, when a gate failed, each unmet rule. Every value taken from the release
 * is escaped, so a hostile name cannot break a table or inject HTML.
 *
 * @example
 * await writeFile('openness.md', renderMarkdown(await checkRelease('.')));
 */
export function renderMarkdown(report: CheckReport): string {
  const { profile } = report;
  const e = escapeMarkdown;
  const lines: string[] = [];
  const name = [profile.model.organization, profile.model.name].filter(Boolean).join(' / ');
  lines.push(`## Aperture openness report: ${e(name)}`, '');
  lines.push(`${e(report.target)} · ${report.files.count} files · as of ${e(profile.asOf)}`, '');
  if (profile.inferred) {
    const why = report.manifest.state === 'invalid' ? 'release-pack.yaml is invalid' : 'No release-pack.yaml';
    lines.push(
      `> **Note:** ${why}: ratings below are inferred from conventional evidence (marked *inferred*).`,
      '',
    );
  }

  const reached = profile.mof.class;
  lines.push('| | |', '| --- | --- |');
  lines.push(`| Openness score | **${formatScore(profile.score)}/100** |`);
  lines.push(`| MOF class | **${reached ? `Class ${reached} (${MOF_CLASS_TITLES[reached]})` : 'none'}** |`);
  lines.push(
    `| OSAID-style verdict | ${profile.osaid.verdict === 'open-source-ai' ? '✅ open source AI' : '❌ not open source AI'} |`,
  );
  lines.push(
    `| Release pack | ${profile.completeness.percent}% complete: ${profile.completeness.items
      .map((item) => `${e(item.title)} ${item.present ? '✅' : '❌'}`)
      .join(' · ')} |`,
  );
  const { openWashing } = profile;
  if (openWashing) {
    lines.push(
      `| Open-washing | ${openWashing.flagged ? '⚠ **flagged**' : 'no'}: ${e(oneLine(openWashing.reason))} |`,
    );
  }
  if (report.locations.length > 1) {
    lines.push(`| Locations | ${report.locations.length} (listed below) |`);
  }
  if (report.gate) {
    lines.push(`| Gate | ${report.gate.passed ? '✅ **pass**' : '❌ **fail**'} (${e(report.gate.policy)}) |`);
  }
  lines.push('');
  if (openWashing?.flagged) {
    lines.push(`> ⚠ **Open-washing:** ${e(oneLine(openWashing.reason))}.`, '>');
    for (const claim of openWashing.claims.slice(0, 3)) lines.push(`> - Claim: ${e(claimText(claim))}`);
    if (openWashing.missing.length > 0)
      lines.push(`> - Withheld parts the MOF requires: ${openWashing.missing.map(e).join(', ')}`);
    lines.push('');
  }
  if (report.locations.length > 1) {
    lines.push(`**Locations** (the release spans ${report.locations.length}):`, '');
    for (const location of report.locations) lines.push(`- ${e(locationText(location))}`);
    lines.push('');
  }

  lines.push('### MOF classes', '', '| Class | Progress | Still missing |', '| --- | --- | --- |');
  // From the least demanding class (III) to the most (I), as a release climbs them.
  for (const mofClass of [...MOF_CLASS_NAMES].reverse()) {
    const progress = profile.mof.progress[mofClass];
    const unmet = profile.mof.unmet[mofClass];
    lines.push(
      `| Class ${mofClass} · ${MOF_CLASS_TITLES[mofClass]} | ${progress >= 100 ? '✅' : progressBar(progress)} ${progress}% | ${
        unmet.length === 0
          ? 'nothing: met'
          : unmet
              .map((item) => `${e(item.id)} (${item.problem === 'missing' ? 'missing' : 'not open'})`)
              .join(', ')
      } |`,
    );
  }
  lines.push('');

  lines.push(
    '### Components',
    '',
    '| Component | Rating | License | Points | Why |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const component of profile.components) {
    lines.push(
      `| ${e(component.title)}${component.inferred ? ' *(inferred)*' : ''} | ${ratingCell(component)} | ${e(
        licenseText(component),
      )} | ${component.maxPoints === 0 ? '–' : `${component.points}/${component.maxPoints}`} | ${e(component.reason)} |`,
    );
  }
  lines.push('');
  if (profile.components.some(isLinked)) lines.push(`🔗 *linked*: ${LINKED_MEANING}.`, '');

  const failing = report.checks.filter((check) => check.score !== null && check.score < 10);
  lines.push('### Failing checks', '');
  if (failing.length === 0) lines.push(`All ${report.checks.length} checks pass.`);
  for (const check of failing) {
    lines.push(
      `- **${e(check.title)}** (${e(check.id)}, ${check.risk} risk, ${score10(check.score)}): ${e(check.reason)}`,
    );
    if (check.remediation) lines.push(`  - **Fix:** ${e(check.remediation)}`);
    for (const detail of (check.details ?? []).slice(0, 10)) lines.push(`  - ${e(detail)}`);
  }
  lines.push('');

  const overdue = profile.stages.filter((stage) => stage.state === 'overdue');
  if (overdue.length > 0) {
    lines.push(
      `**Overdue stages:** ${overdue.map((stage) => `${e(stage.name)} (${stage.daysLate} days late)`).join(', ')}`,
      '',
    );
  }

  const fixes = topFixes(profile, report.checks);
  if (fixes.length > 0) {
    lines.push('### Top fixes', '');
    fixes.forEach((fix, index) => {
      lines.push(
        `${index + 1}. ${e(fix.action)}${fix.points ? ` (+${fix.points} points)` : ''} · ${e(fix.from)}`,
      );
    });
    lines.push('');
  }

  if (report.gate) {
    lines.push(
      `### ${report.gate.passed ? '✅ Gate passed' : '❌ Gate failed'}: ${e(report.gate.policy)}`,
      '',
    );
    for (const rule of report.gate.rules) lines.push(`- ${rule.passed ? '✅' : '❌'} ${e(rule.message)}`);
    lines.push('');
  }

  if (report.warnings.length > 0) {
    lines.push(`<details><summary>Warnings (${report.warnings.length})</summary>`, '');
    for (const warning of report.warnings.slice(0, 20)) lines.push(`- ${e(warning)}`);
    lines.push('', '</details>', '');
  }
  lines.push(`<sub>Aperture ${e(report.tool.version)} · ${e(report.reportVersion)}</sub>`);
  return `${lines.join('\n')}\n`;
}
