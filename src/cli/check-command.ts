import { Command, Option } from 'commander';
import { type CheckReport, type ReleaseFacts, releaseFacts } from '../checker/index.ts';
import { ApertureError } from '../errors.ts';
import {
  renderCycloneDx,
  renderJson,
  renderMarkdown,
  renderSarif,
  renderSpdx3,
  renderText,
} from '../report/index.ts';
import { ExitCode } from './exit-code.ts';
import { type CliIo, wantsColor } from './io.ts';
import { checkReleases } from './shared/check-releases.ts';
import { followLinksOption } from './shared/follow-links-option.ts';
import { type GateFlags, gateFromFlags } from './shared/gate-options.ts';
import { resolveOutput, writeOutput } from './shared/output-file.ts';
import { parseAsOf } from './shared/parse-as-of.ts';
import { unmetGateRuleLine, unmetGateRules } from './shared/unmet-gate-rules.ts';

interface CheckOptions extends GateFlags {
  json?: boolean;
  sarif?: boolean;
  markdown?: boolean;
  /** `true` for the BOM as the report, a file name to write it beside the report. */
  cyclonedx?: boolean | string;
  /** `true` for the SPDX 3 document as the report, a file name to write it beside the report. */
  spdx3?: boolean | string;
  output?: string;
  verbose?: boolean;
  asOf?: string;
  fail?: boolean;
  follow?: boolean;
  asOneRelease?: boolean;
}

/** The report formats of `aperture check`. */
type Format = 'text' | 'json' | 'sarif' | 'markdown' | 'cyclonedx' | 'spdx3';

const FORMAT_FLAGS = ['json', 'sarif', 'markdown', 'cyclonedx', 'spdx3'] as const;

/** The AI-BOM flags: each takes a file to write beside the report, or none to be the report. */
const BOM_FLAGS = ['cyclonedx', 'spdx3'] as const;

const BOM_NAMES = { cyclonedx: 'CycloneDX AI-BOM', spdx3: 'SPDX 3 AI-BOM' } as const;

function chooseFormat(options: CheckOptions): Format {
  // `--cyclonedx FILE` / `--spdx3 FILE` write a BOM beside the report; only a bare flag makes it the report.
  const chosen = FORMAT_FLAGS.filter((flag) => options[flag] === true);
  if (chosen.length > 1) {
    throw new ApertureError(
      'ERR_USAGE',
      `${chosen.map((flag) => `--${flag}`).join(' and ')} cannot be combined: choose one report format`,
    );
  }
  return chosen[0] ?? 'text';
}

function render(
  format: Format,
  reports: readonly CheckReport[],
  facts: readonly ReleaseFacts[],
  verbose: boolean | undefined,
): string {
  switch (format) {
    case 'cyclonedx':
      return renderCycloneDx(reports[0]!, { facts: facts[0] });
    case 'spdx3':
      return renderSpdx3(reports[0]!, { facts: facts[0] });
    case 'json':
      return renderJson(reports);
    case 'sarif':
      return renderSarif(reports);
    case 'markdown':
      return reports.map((report) => renderMarkdown(report)).join('\n---\n\n');
    case 'text':
      return reports.map((report) => renderText(report, { color: false, verbose })).join('\n');
  }
}

/** `aperture check TARGET…`: scores releases and, with a gate, exits 1 when one falls short. */
export function checkCommand(io: CliIo): Command {
  return new Command('check')
    .description('score the openness of releases: folders, archives, git repos or hf:org/name')
    .argument('<targets...>', 'folder, .tar.gz/.zip, git URL or hf:org/name[@revision]')
    .option('--json', 'print the versioned JSON report (no progress output)')
    .option('--sarif', 'print SARIF 2.1.0 for code-scanning UIs (no progress output)')
    .option('--markdown', 'print a Markdown report for a PR comment or a README')
    .option(
      '--cyclonedx [file]',
      'print a CycloneDX 1.6 ML-BOM (AI-BOM) of the release, or write it to this file beside the report',
    )
    .option(
      '--spdx3 [file]',
      'print an SPDX 3.0.1 AI and Dataset document of the release, or write it to this file beside the report',
    )
    .option('-o, --output <file>', 'write the report to this file instead of standard output')
    .option('-v, --verbose', 'show every check detail')
    .option('--min-score <n>', 'gate: fail unless the openness score is at least n (0–100)')
    .option('--require-class <class>', 'gate: fail unless the MOF class is at least I, II or III')
    .option('--policy <file>', 'gate: fail unless the release meets this policy YAML')
    .option('--as-of <date>', 'judge staged-release dates as of this day (YYYY-MM-DD)')
    .option(
      '--as-one-release',
      'check all targets as the locations of ONE release (e.g. the Hub model, its code repo, its datasets): one profile',
    )
    .option(
      '--no-follow',
      'do not follow links to the Hub or git hosts: no network request beyond the targets',
    )
    .addOption(new Option('--no-fail', 'exit 0 even when a gate fails (report only)').hideHelp())
    .addHelpText(
      'after',
      `
Examples:
  $ aperture check examples/open-science-pack
  $ aperture check hf:allenai/OLMo-2-1124-7B --json > report.json
  $ aperture check ./release --require-class II --min-score 60
  $ aperture check release.tar.gz --policy policies/open-artifacts.yaml
  $ aperture check . --sarif --output aperture.sarif      # for GitHub code scanning
  $ aperture check . --markdown --output openness.md       # for a PR comment
  $ aperture check . --cyclonedx bom.cdx.json              # AI-BOM beside the text report
  $ aperture check . --spdx3 > release.spdx3.json          # SPDX 3 AI-BOM as the report
  $ aperture check hf:org/model https://github.com/org/code --as-one-release
  $ aperture check ./release --no-follow                   # offline: links rated linked, unverified

Exit codes: 0 pass, 1 below the bar (each unmet rule is named), 2 bad usage or unreadable input,
3 source unreachable.`,
    )
    .action(async (targets: string[], options: CheckOptions) => {
      const format = chooseFormat(options);
      const bomFlags = BOM_FLAGS.filter((flag) => options[flag] !== undefined && options[flag] !== false);
      const wantsBom = bomFlags.length > 0;
      if (wantsBom && !options.asOneRelease && targets.length > 1) {
        throw new ApertureError(
          'ERR_USAGE',
          `--${bomFlags[0]} describes one release: check one target, or its locations with --as-one-release`,
        );
      }
      const bomOutputs: Array<{ flag: (typeof BOM_FLAGS)[number]; file: string; output: string }> = [];
      for (const flag of bomFlags) {
        const file = options[flag];
        if (typeof file === 'string')
          bomOutputs.push({ flag, file, output: await resolveBomOutput(io, flag, file) });
      }
      const asOf = parseAsOf(options.asOf);
      const gate = await gateFromFlags(options);
      const output = await resolveOutput(io, options.output);
      // Machine formats stay pure: no progress bar, no colour, nothing but the document on stdout.
      const machine = format !== 'text' && format !== 'markdown';
      const streamText = format === 'text' && !output;

      const facts: ReleaseFacts[] = [];
      const reports = await checkReleases(io, targets, {
        gate,
        asOf,
        asOneRelease: options.asOneRelease,
        follow: followLinksOption(options.follow, io.env),
        progress: !machine,
        onReport: streamText
          ? (report) =>
              io.stdout.write(`${renderText(report, { color: wantsColor(io), verbose: options.verbose })}\n`)
          : undefined,
        // The BOM's model card reads the card and results texts; read them only when a BOM is asked for.
        onEvidence: wantsBom ? (evidence) => facts.push(releaseFacts(evidence)) : undefined,
      });

      if (!streamText) {
        const document = render(format, reports, facts, options.verbose);
        if (output) {
          await writeOutput(output, options.output!, document);
          io.stderr.write(`${format} report written to ${options.output}\n`);
        } else {
          io.stdout.write(document);
        }
      }

      for (const { flag, file, output: bomOutput } of bomOutputs) {
        await writeOutput(bomOutput, file, render(flag, reports, facts, options.verbose));
        io.stderr.write(`${BOM_NAMES[flag]} written to ${file}\n`);
      }

      const failed = reports.filter((report) => report.gate && !report.gate.passed);
      // Text and Markdown on stdout name each unmet rule themselves; otherwise say it on stderr.
      const named = format === 'text' || format === 'markdown';
      if (!named || output)
        for (const unmet of unmetGateRules(failed)) io.stderr.write(unmetGateRuleLine(unmet));
      if (failed.length > 0 && options.fail !== false) throw new ExitCode(1);
    });
}

async function resolveBomOutput(io: CliIo, flag: string, file: string): Promise<string> {
  if (file.trim() === '') throw new ApertureError('ERR_USAGE', `--${flag} needs a file name, or none`);
  return (await resolveOutput(io, file))!;
}
