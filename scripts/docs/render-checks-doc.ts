import { ALL_CHECKS, type Check } from '../../src/checks/index.ts';
import { COMPONENTS } from '../../src/spec/index.ts';
import { generatedNotice, table } from './markdown.ts';

const RISK_MEANING = {
  critical: 'a failure can mislead users about what they run',
  high: 'a failure removes something others need to use or check the release',
  medium: 'a failure makes the release harder to study or reproduce',
  low: 'a failure costs credit and findability',
} as const;

function judgedTitles(check: Check): string {
  if (check.judges.length === 0) return '—';
  return check.judges
    .map((id) => COMPONENTS.find((component) => component.id === id)?.title ?? id)
    .join(', ');
}

/**
 * Renders docs/checks.md from the check catalogue: a summary table, then a section per check with why it
 * matters, how to pass it and how it scores.
 *
 * @example
 * writeFileSync('docs/checks.md', renderChecksDoc());
 */
export function renderChecksDoc(checks: readonly Check[] = ALL_CHECKS): string {
  const parts: string[] = [
    '# Checks',
    '',
    generatedNotice('the check catalogue (`ALL_CHECKS` in src/checks/registry.ts)'),
    '',
    `Aperture runs ${checks.length} checks on every release, in the order below. Each is a plain object, pure over the evidence collected from the release, and never aborts the run: bad input gives a failing result that says what is wrong. A check scores 0–10, or is *not applicable* when there is nothing to judge; 10 and not applicable are passes. A check that *judges* a component scales that component's points of the openness score by its score (the first check that judges a component decides), so every point traces to a check.`,
    '',
    table(
      ['Check', 'Title', 'Risk', 'Judges'],
      checks.map((check) => [
        `[\`${check.id}\`](#${check.id})`,
        check.title,
        check.risk,
        judgedTitles(check),
      ]),
    ),
    '',
    'Risk levels, as in OpenSSF Scorecard:',
    '',
    ...Object.entries(RISK_MEANING).map(([risk, meaning]) => `- **${risk}**: ${meaning}.`),
  ];
  for (const check of checks) {
    parts.push(
      '',
      `## ${check.id}`,
      '',
      `**${check.title}** · risk: ${check.risk} · judges: ${judgedTitles(check)}`,
      '',
      '### Why it matters',
      '',
      check.docs.why.trim(),
      '',
      '### How to pass',
      '',
      check.docs.how.trim(),
      '',
      '### Scoring',
      '',
      check.docs.scoring?.trim() || 'Scores 0–10; see the reason and details of each result.',
    );
  }
  return `${parts.join('\n')}\n`;
}
