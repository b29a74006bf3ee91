import Table from 'cli-table3';
import pc from 'picocolors';
import type { CheckReport } from '../checker/index.ts';
import type { ComponentRating } from '../profile/index.ts';
import type { EvidenceRef } from '../spec/index.ts';
import { formatScore } from '../util/index.ts';
import { COMPACT_TABLE_CHARS } from './compact-table.ts';
import {
  claimText,
  isLinked,
  LINKED_MEANING,
  locationText,
  oneLine,
  openWashingText,
  siteText,
} from './describe-release.ts';
import { topFixes } from './top-fixes.ts';

/** Options of the text report. */
export interface TextOptions {
  /** Use colour (on a TTY, unless NO_COLOR is set). */
  color: boolean;
  /** Show every check's details and every component's evidence. */
  verbose?: boolean;
}

function colours(enabled: boolean) {
  return pc.createColors(enabled);
}

function ratingMark(rating: ComponentRating['rating'], c: ReturnType<typeof colours>): string {
  switch (rating) {
    case 'open':
      return c.green('● open');
    case 'partial':
      return c.yellow('◐ partial');
    case 'closed':
      return c.red('○ closed');
    default:
      return c.dim('– n/a');
  }
}

/** The rating, and under it `linked` for a component known only by a link. */
function ratingCell(component: ComponentRating, c: ReturnType<typeof colours>): string {
  const mark = ratingMark(component.rating, c);
  return isLinked(component) ? `${mark}\n${c.cyan('linked')}` : mark;
}

/** One piece of evidence on a line: the file (its path names its location) with its line, the link, the note. */
function evidenceText(ref: EvidenceRef): string {
  return [siteText(ref), ref.url ? oneLine(ref.url) : '', ref.note ? oneLine(ref.note) : '']
    .filter(Boolean)
    .join('  ');
}

// Headline labels are padded to this width; continuation lines are indented by it.
const LABEL_WIDTH = 19;

function headline(label: string, lines: readonly string[]): string[] {
  return lines.map((line, index) =>
    index === 0 ? `  ${label.padEnd(LABEL_WIDTH)}${line}` : `  ${' '.repeat(LABEL_WIDTH)}${line}`,
  );
}

function scoreColour(score: number | null, c: ReturnType<typeof colours>): string {
  if (score === null) return c.dim('n/a');
  const text = `${formatScore(score)}/10`;
  return score >= 8 ? c.green(text) : score >= 5 ? c.yellow(text) : c.red(text);
}

/**
 * The human report: headline (score, class, verdict, open-washing flag, the locations the release
 * spans), the component grid (a part known only by a link is marked `linked`), the checks table and the
 * top fixes. Tables fit 110 columns.
 *
 * @example
 * process.stdout.write(renderText(await checkRelease('.'), { color: process.stdout.isTTY }));
 */
export function renderText(report: CheckReport, options: TextOptions): string {
  const c = colours(options.color);
  const { profile } = report;
  const lines: string[] = [];
  const name = [profile.model.organization, profile.model.name].filter(Boolean).join(' / ');
  lines.push(c.bold(`Aperture openness report: ${name}`));
  lines.push(c.dim(`${report.target}  ·  ${report.files.count} files  ·  as of ${profile.asOf}`));
  if (profile.inferred) {
    lines.push(
      c.yellow(
        report.manifest.state === 'invalid'
          ? 'release-pack.yaml is invalid: ratings below are inferred from conventional evidence (marked *)'
          : 'No release-pack.yaml: ratings below are inferred from conventional evidence (marked *)',
      ),
    );
  }
  lines.push('');
  const scoreText = `${formatScore(profile.score)}/100`;
  const coloured =
    profile.score >= 70 ? c.green(scoreText) : profile.score >= 40 ? c.yellow(scoreText) : c.red(scoreText);
  lines.push(`  Openness score     ${c.bold(coloured)}`);
  const mofProgress = `(III ${profile.mof.progress.III}% · II ${profile.mof.progress.II}% · I ${profile.mof.progress.I}%)`;
  lines.push(
    `  MOF class          ${c.bold(profile.mof.class ? `Class ${profile.mof.class}` : 'none')}  ${c.dim(mofProgress)}`,
  );
  lines.push(
    `  OSAID-style        ${profile.osaid.verdict === 'open-source-ai' ? c.green('open source AI') : c.red('not open source AI')}`,
  );
  lines.push(
    `  Release pack       ${profile.completeness.percent}% complete ${c.dim(
      `(${profile.completeness.items.map((item) => `${item.id} ${item.present ? '✓' : '✗'}`).join(', ')})`,
    )}`,
  );
  const { openWashing } = profile;
  if (openWashing) {
    const verdict = openWashingText(openWashing);
    const claim = openWashing.claims[0];
    lines.push(
      ...headline('Open-washing', [
        openWashing.flagged ? c.red(c.bold(verdict)) : c.green(verdict),
        ...(claim ? [c.dim(claimText(claim))] : []),
      ]),
    );
  }
  if (report.locations.length > 1) {
    lines.push(...headline('Locations', report.locations.map(locationText)));
  }
  if (report.gate) {
    lines.push(
      `  Gate               ${report.gate.passed ? c.green('PASS') : c.red('FAIL')} ${c.dim(report.gate.policy)}`,
    );
  }
  lines.push('');

  const components = new Table({
    head: ['Component', 'Rating', 'License', 'Points', 'Why'],
    style: { head: options.color ? ['cyan'] : [], border: options.color ? ['grey'] : [] },
    chars: COMPACT_TABLE_CHARS,
    wordWrap: true,
    colWidths: [29, 12, 18, 9, 36],
  });
  for (const component of profile.components) {
    components.push([
      `${component.title}${component.inferred ? '*' : ''}`,
      ratingCell(component, c),
      component.rating === 'closed' && component.status !== 'released'
        ? '—'
        : (component.license.expression ??
          (component.license.class === 'none' ? 'none' : component.license.input)),
      component.maxPoints === 0 ? '–' : `${component.points}/${component.maxPoints}`,
      component.reason,
    ]);
  }
  lines.push(components.toString());
  if (profile.components.some(isLinked)) lines.push(c.dim(`linked = ${LINKED_MEANING}`));
  lines.push('');

  const checks = new Table({
    head: ['Check', 'Risk', 'Score', 'Reason'],
    style: { head: options.color ? ['cyan'] : [], border: options.color ? ['grey'] : [] },
    chars: COMPACT_TABLE_CHARS,
    wordWrap: true,
    colWidths: [32, 10, 8, 55],
  });
  for (const check of report.checks) {
    checks.push([check.id, check.risk, scoreColour(check.score, c), check.reason]);
  }
  lines.push(checks.toString());

  if (options.verbose) {
    for (const component of profile.components) {
      if (component.evidence.length === 0) continue;
      lines.push('', c.bold(`${component.title}${isLinked(component) ? ' (linked, unverified)' : ''}`));
      for (const ref of component.evidence) lines.push(`  - ${evidenceText(ref)}`);
    }
    for (const check of report.checks) {
      if (!check.details?.length) continue;
      lines.push('', c.bold(check.id));
      for (const detail of check.details) lines.push(`  - ${detail}`);
    }
  }
  const stagesDue = profile.stages.filter((stage) => stage.state === 'overdue');
  if (stagesDue.length > 0) {
    lines.push(
      '',
      c.red(
        `Overdue stages: ${stagesDue.map((stage) => `${stage.name} (${stage.daysLate} days)`).join(', ')}`,
      ),
    );
  }
  const fixes = topFixes(profile, report.checks);
  if (fixes.length > 0) {
    lines.push('', c.bold('Top fixes'));
    fixes.forEach((fix, index) => {
      const worth = fix.points ? c.green(` (+${fix.points} points)`) : '';
      lines.push(`  ${index + 1}. ${fix.action}${worth} ${c.dim(`[${fix.from}]`)}`);
    });
  }
  if (report.gate && !report.gate.passed) {
    lines.push('', c.red(c.bold('Gate failed:')));
    for (const rule of report.gate.rules.filter((candidate) => !candidate.passed))
      lines.push(c.red(`  ✗ ${rule.message}`));
  }
  if (report.warnings.length > 0) {
    lines.push('', c.yellow('Warnings'));
    for (const warning of report.warnings.slice(0, 20)) lines.push(c.yellow(`  ! ${warning}`));
  }
  return `${lines.join('\n')}\n`;
}
