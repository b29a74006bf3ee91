import path from 'node:path';
import { Command } from 'commander';
import { type ScaffoldResult, scaffoldPack } from '../scaffold/index.ts';
import { classifyTarget } from '../scan/index.ts';
import type { CliIo } from './io.ts';
import { followLinksOption } from './shared/follow-links-option.ts';
import { createHashProgress } from './shared/progress.ts';

interface InitOptions {
  from?: string[];
  force?: boolean;
  json?: boolean;
  follow?: boolean;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * `aperture init [DIR]`: scaffolds a release pack (release-pack.yaml and four document templates),
 * optionally pre-filled with `--from` from what `aperture check` infers of an existing release (its
 * locations given with repeated `--from`, its links followed unless `--no-follow`).
 */
export function initCommand(io: CliIo): Command {
  return new Command('init')
    .description(
      'scaffold a release pack: release-pack.yaml listing every component, and templates for the model card, data statement, safety notes and reproducibility checklist',
    )
    .argument('[dir]', 'folder to write into, created if missing (default: the --from folder, else .)')
    .option(
      '--from <source>',
      'pre-fill from a release: folder, .tar.gz/.zip, git URL, hf:org/name[@revision], or an AI-BOM file (CycloneDX or SPDX 3 JSON) in the release folder; repeat it for more locations of the same release (its code, its data), the first being the release, as with check --as-one-release',
      collect,
    )
    .option(
      '--no-follow',
      'do not follow links to the Hub or git hosts: no network request beyond the --from sources (linked parts are drafted at their links)',
    )
    .option('--force', 'overwrite files that already exist')
    .option('--json', 'print the files written as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ aperture init my-release                         # blank pack in ./my-release
  $ aperture init --from ./downloaded-model          # pre-fill, writing into that folder
  $ aperture init my-release --from hf:org/model     # pre-fill from the Hub into ./my-release
  $ aperture init my-release --from hf:org/model --from https://github.com/org/code
  $ aperture init --from . --no-follow               # offline: linked parts stay at their links
  $ aperture init --from release/bom.cdx.json        # draft from a CycloneDX or SPDX 3 AI-BOM
  $ aperture init my-release --force --json          # overwrite, list the files as JSON

The draft is what \`aperture check\` infers: links to the release's weights, code and datasets are
followed (unless --no-follow), parts found there are drafted at their URLs, and parts known only by a
link at the link, commented "linked, not verified". Test fixtures are never drafted as components.
Nothing is overwritten without --force: if any file exists, nothing is written.
Exit codes: 0 written, 2 bad usage, existing files or unreadable source, 3 source unreachable.`,
    )
    .action(async (dir: string | undefined, options: InitOptions) => {
      const sources = options.from ?? [];
      const [from, ...rest] = sources.map((source) =>
        classifyTarget(source) === 'path' ? path.resolve(io.cwd, source) : source,
      );
      const target = dir === undefined ? (from ? undefined : io.cwd) : path.resolve(io.cwd, dir);
      const follow = followLinksOption(options.follow, io.env);
      const progress = from && !options.json ? createHashProgress(io, from) : undefined;
      let result: ScaffoldResult;
      try {
        result = await scaffoldPack(target, {
          from,
          with: rest,
          follow,
          force: options.force,
          onProgress: progress?.update,
        });
      } finally {
        progress?.stop();
      }
      const relative = path.relative(io.cwd, result.dir);
      const shown = relative.startsWith('..') ? result.dir : relative || '.';
      if (options.json) {
        io.stdout.write(
          `${JSON.stringify({ dir: result.dir, files: result.files, skipped: result.skipped, found: result.found, warnings: result.warnings }, null, 2)}\n`,
        );
        return;
      }
      io.stdout.write(`wrote ${result.files.join(', ')} in ${shown}\n`);
      if (result.found !== null)
        io.stdout.write(
          `found ${result.found} component(s) in ${sources.join(' + ')}; each is commented with its evidence in release-pack.yaml\n`,
        );
      for (const skip of result.skipped) io.stdout.write(`skipped ${skip.file}: ${skip.reason}\n`);
      for (const warning of result.warnings) io.stderr.write(`warning: ${warning}\n`);
      io.stdout.write(
        `next: replace each "to do" and fill in the templates, then run \`aperture validate ${shown}\` and \`aperture check ${shown}\`\n`,
      );
    });
}
