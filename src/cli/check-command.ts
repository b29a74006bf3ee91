import { Command, Option } from 'commander';
import { type CheckReport, checkRelease, combineGate, loadPolicy, parseMofClass } from '../checker/index.ts';
import { ApertureError } from '../errors.ts';
import { renderJson, renderText } from '../report/index.ts';
import { ExitCode } from './exit-code.ts';
import { type CliIo, wantsColor } from './io.ts';
import { createHashProgress } from './progress.ts';

interface CheckOptions {
  json?: boolean;
  verbose?: boolean;
  minScore?: string;
  requireClass?: string;
  policy?: string;
  asOf?: string;
  fail?: boolean;
}

function parseScore(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 100) {
    throw new ApertureError('ERR_USAGE', `--min-score takes a number from 0 to 100, not "${text}"`);
  }
  return value;
}

/** `aperture check TARGET…`: scores releases and, with a gate, exits 1 when one falls short. */
export function checkCommand(io: CliIo): Command {
  return new Command('check')
    .description('score the openness of releases: folders, archives, git repos or hf:org/name')
    .argument('<targets...>', 'folder, .tar.gz/.zip, git URL or hf:org/name[@revision]')
    .option('--json', 'print the versioned JSON report (no progress output)')
    .option('-v, --verbose', 'show every check detail')
    .option('--min-score <n>', 'gate: fail unless the openness score is at least n (0–100)')
    .option('--require-class <class>', 'gate: fail unless the MOF class is at least I, II or III')
    .option('--policy <file>', 'gate: fail unless the release meets this policy YAML')
    .option('--as-of <date>', 'judge staged-release dates as of this day (YYYY-MM-DD)')
    .addOption(new Option('--no-fail', 'exit 0 even when a gate fails (report only)').hideHelp())
    .addHelpText(
      'after',
      `
Examples:
  $ aperture check examples/open-science-pack
  $ aperture check hf:allenai/OLMo-2-1124-7B --json > report.json
  $ aperture check ./release --require-class II --min-score 60
  $ aperture check release.tar.gz --policy policies/open-artifacts.yaml

Exit codes: 0 pass, 1 below the bar (each unmet rule is named), 2 bad usage or unreadable input,
3 source unreachable.`,
    )
    .action(async (targets: string[], options: CheckOptions) => {
      if (options.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) {
        throw new ApertureError(
          'ERR_USAGE',
          `--as-of takes a date written YYYY-MM-DD, not "${options.asOf}"`,
        );
      }
      const gate = combineGate({
        policy: options.policy ? await loadPolicy(options.policy) : undefined,
        minScore: options.minScore === undefined ? undefined : parseScore(options.minScore),
        requireClass: options.requireClass === undefined ? undefined : parseMofClass(options.requireClass),
      });
      const reports: CheckReport[] = [];
      for (const target of targets) {
        const progress = options.json ? undefined : createHashProgress(io, target);
        try {
          reports.push(
            await checkRelease(target, { gate, asOf: options.asOf, onProgress: progress?.update }),
          );
        } finally {
          progress?.stop();
        }
        if (!options.json)
          io.stdout.write(
            `${renderText(reports[reports.length - 1]!, { color: wantsColor(io), verbose: options.verbose })}\n`,
          );
      }
      if (options.json) io.stdout.write(renderJson(reports));
      const failed = reports.some((report) => report.gate && !report.gate.passed);
      if (failed && options.fail !== false) throw new ExitCode(1);
    });
}
