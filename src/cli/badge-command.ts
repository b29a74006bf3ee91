import { Command } from 'commander';
import { checkRelease } from '../checker/index.ts';
import { ApertureError } from '../errors.ts';
import { renderBadge } from '../report/index.ts';
import type { CliIo } from './io.ts';
import { resolveOutput, writeOutput } from './shared/output-file.ts';
import { parseAsOf } from './shared/parse-as-of.ts';
import { createHashProgress } from './shared/progress.ts';

interface BadgeCommandOptions {
  output?: string;
  label: string;
  asOf?: string;
}

/** `aperture badge TARGET`: checks a release and writes an SVG badge with its score and MOF class. */
export function badgeCommand(io: CliIo): Command {
  return new Command('badge')
    .description('write an SVG badge with the openness score and MOF class of a release')
    .argument('<target>', 'folder, .tar.gz/.zip, git URL or hf:org/name[@revision]')
    .option('-o, --output <file>', 'write the SVG to this file instead of standard output')
    .option('--label <text>', 'the text on the left of the badge', 'openness')
    .option('--as-of <date>', 'judge staged-release dates as of this day (YYYY-MM-DD)')
    .addHelpText(
      'after',
      `
Examples:
  $ aperture badge . -o openness.svg
  $ aperture badge hf:allenai/OLMo-2-1124-7B > olmo.svg
  $ aperture badge ./release --label "model openness" -o docs/badge.svg

  In a README: ![openness](openness.svg)

Exit codes: 0 written, 2 bad usage or unreadable input, 3 source unreachable.`,
    )
    .action(async (target: string, options: BadgeCommandOptions) => {
      if (options.label.trim() === '') throw new ApertureError('ERR_USAGE', '--label needs some text');
      const asOf = parseAsOf(options.asOf);
      const output = await resolveOutput(io, options.output);
      const progress = createHashProgress(io, target);
      let svg: string;
      try {
        const report = await checkRelease(target, { asOf, onProgress: progress?.update });
        svg = `${renderBadge(report, { label: options.label })}\n`;
      } finally {
        progress?.stop();
      }
      if (output) {
        await writeOutput(output, options.output!, svg);
        io.stderr.write(`badge written to ${options.output}\n`);
      } else {
        io.stdout.write(svg);
      }
    });
}
