import { Command, Option } from 'commander';
import type { CheckReport } from '../checker/index.ts';
import { renderJson, renderMarkdown, renderSarif, renderText } from '../report/index.ts';
import { ExitCode } from './exit-code.ts';
import { type CliIo, wantsColor } from './io.ts';
import { checkReleases } from './shared/check-releases.ts';
import { followLinksOption } from './shared/follow-links-option.ts';
import { type GateFlags, gateFromFlags } from './shared/gate-options.ts';
import { appendToRunnerFile, githubAnnotation, githubOutputText } from './shared/github-workflow-files.ts';
import { resolveOutput, writeOutput } from './shared/output-file.ts';
import { parseAsOf } from './shared/parse-as-of.ts';
import { unmetGateRuleLine, unmetGateRules } from './shared/unmet-gate-rules.ts';

interface CiOptions extends GateFlags {
  sarif: string;
  markdown: string;
  json: string;
  asOf?: string;
  asOneRelease?: boolean;
  follow?: boolean;
  fail?: boolean;
}

/** What the outputs say of several releases: the lowest score, every gate passed, any flag raised. */
function summarise(reports: readonly CheckReport[]) {
  const lowest = reports.reduce((low, report) => (report.profile.score < low.profile.score ? report : low));
  const gated = reports.filter((report) => report.gate !== null);
  return {
    score: String(lowest.profile.score),
    'mof-class': lowest.profile.mof.class ?? 'none',
    passed: gated.length === 0 ? '' : String(gated.every((report) => report.gate!.passed)),
    'open-washing': String(reports.some((report) => report.profile.openWashing?.flagged === true)),
  };
}

/**
 * `aperture ci [TARGET…]`: one check for a CI job. Writes the SARIF, Markdown and JSON reports to files,
 * prints the text report, and on a GitHub Actions runner also sets step outputs, appends the Markdown to
 * the job summary and annotates each unmet gate rule; exits 1 when the gate fails.
 */
export function ciCommand(io: CliIo): Command {
  return new Command('ci')
    .description(
      'check releases in CI: SARIF, Markdown and JSON files, job summary and outputs, gate exit code',
    )
    .argument('[targets...]', 'folder, .tar.gz/.zip, git URL or hf:org/name[@revision]', ['.'])
    .option('--sarif <file>', 'write SARIF 2.1.0 here (for code scanning)', 'aperture.sarif')
    .option(
      '--markdown <file>',
      'write the Markdown report here (for the job summary or a comment)',
      'aperture.md',
    )
    .option('--json <file>', 'write the versioned JSON report here', 'aperture.json')
    .option('--min-score <n>', 'gate: fail unless the openness score is at least n (0–100)')
    .option('--require-class <class>', 'gate: fail unless the MOF class is at least I, II or III')
    .option('--policy <file>', 'gate: fail unless the release meets this policy YAML')
    .option('--as-of <date>', 'judge staged-release dates as of this day (YYYY-MM-DD)')
    .option('--as-one-release', 'check all targets as the locations of ONE release: one profile')
    .option(
      '--no-follow',
      'do not follow links to the Hub or git hosts: no network request beyond the targets',
    )
    .addOption(new Option('--no-fail', 'exit 0 even when a gate fails (report only)'))
    .addHelpText(
      'after',
      `
On GitHub Actions ($GITHUB_ACTIONS=true) it also writes the step outputs score, mof-class, passed,
open-washing, sarif, markdown and json to $GITHUB_OUTPUT, appends the Markdown report to
$GITHUB_STEP_SUMMARY, and prints an error annotation per unmet gate rule. The repository's action.yml,
ci/gitlab/aperture.gitlab-ci.yml and .pre-commit-hooks.yaml call it.

Examples:
  $ aperture ci --policy policies/open-artifacts.yaml
  $ aperture ci ./release --min-score 60 --sarif results/aperture.sarif

Exit codes: 0 pass, 1 below the bar (each unmet rule is named), 2 bad usage or unreadable input,
3 source unreachable.`,
    )
    .action(async (targets: string[], options: CiOptions) => {
      const asOf = parseAsOf(options.asOf);
      const gate = await gateFromFlags(options);
      const files = {
        sarif: [options.sarif, await resolveOutput(io, options.sarif)],
        markdown: [options.markdown, await resolveOutput(io, options.markdown)],
        json: [options.json, await resolveOutput(io, options.json)],
      } as const;
      const reports = await checkReleases(io, targets, {
        gate,
        asOf,
        asOneRelease: options.asOneRelease,
        follow: followLinksOption(options.follow, io.env),
        progress: true,
        onReport: (report) => io.stdout.write(`${renderText(report, { color: wantsColor(io) })}\n`),
      });

      const markdown = reports.map((report) => renderMarkdown(report)).join('\n---\n\n');
      await writeOutput(files.sarif[1]!, files.sarif[0], renderSarif(reports));
      await writeOutput(files.markdown[1]!, files.markdown[0], markdown);
      await writeOutput(files.json[1]!, files.json[0], renderJson(reports));
      io.stderr.write(`reports written: ${files.sarif[0]}, ${files.markdown[0]}, ${files.json[0]}\n`);

      const failed = reports.filter((report) => report.gate && !report.gate.passed);
      const unmet = unmetGateRules(failed);
      for (const rule of unmet) io.stderr.write(unmetGateRuleLine(rule));

      if (io.env.GITHUB_ACTIONS === 'true') {
        for (const { target, rule } of unmet) {
          io.stdout.write(githubAnnotation('error', `Openness gate: ${target}`, rule.message));
        }
        for (const report of reports.filter((candidate) => candidate.profile.openWashing?.flagged === true)) {
          io.stdout.write(
            githubAnnotation('warning', `Open-washing: ${report.target}`, report.profile.openWashing!.reason),
          );
        }
      }
      if (io.env.GITHUB_OUTPUT) {
        const outputs = {
          ...summarise(reports),
          sarif: files.sarif[0],
          markdown: files.markdown[0],
          json: files.json[0],
        };
        await appendToRunnerFile('GITHUB_OUTPUT', io.env.GITHUB_OUTPUT, githubOutputText(outputs));
      }
      if (io.env.GITHUB_STEP_SUMMARY) {
        await appendToRunnerFile('GITHUB_STEP_SUMMARY', io.env.GITHUB_STEP_SUMMARY, `${markdown}\n`);
      }
      if (failed.length > 0 && options.fail !== false) throw new ExitCode(1);
    });
}
