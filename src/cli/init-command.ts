import path from 'node:path';
import { Command } from 'commander';
import { scaffoldPack } from '../scaffold/index.ts';
import { classifyTarget } from '../scan/index.ts';
import type { CliIo } from './io.ts';

interface InitOptions {
  from?: string;
  force?: boolean;
  json?: boolean;
}

/**
 * `aperture init [DIR]`: scaffolds a release pack (release-pack.yaml and four document templates),
 * optionally pre-filled from an existing release with `--from`.
 */
export function initCommand(io: CliIo): Command {
  return new Command('init')
    .description(
      'scaffold a release pack: release-pack.yaml listing every component, and templates for the model card, data statement, safety notes and reproducibility checklist',
    )
    .argument('[dir]', 'folder to write into, created if missing (default: the --from folder, else .)')
    .option(
      '--from <source>',
      'pre-fill from a release: folder, .tar.gz/.zip, git URL or hf:org/name[@revision]',
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
  $ aperture init my-release --force --json          # overwrite, list the files as JSON

Nothing is overwritten without --force: if any file exists, nothing is written.
Exit codes: 0 written, 2 bad usage, existing files or unreadable source, 3 source unreachable.`,
    )
    .action(async (dir: string | undefined, options: InitOptions) => {
      const from =
        options.from && classifyTarget(options.from) === 'path'
          ? path.resolve(io.cwd, options.from)
          : options.from;
      const target = dir === undefined ? (from ? undefined : io.cwd) : path.resolve(io.cwd, dir);
      const result = await scaffoldPack(target, { from, force: options.force });
      const relative = path.relative(io.cwd, result.dir);
      const shown = relative.startsWith('..') ? result.dir : relative || '.';
      if (options.json) {
        io.stdout.write(
          `${JSON.stringify({ dir: result.dir, files: result.files, skipped: result.skipped, found: result.found }, null, 2)}\n`,
        );
        return;
      }
      io.stdout.write(`wrote ${result.files.join(', ')} in ${shown}\n`);
      if (result.found !== null)
        io.stdout.write(
          `found ${result.found} component(s) in ${options.from}; each is commented with its evidence in release-pack.yaml\n`,
        );
      for (const skip of result.skipped) io.stdout.write(`skipped ${skip.file}: ${skip.reason}\n`);
      io.stdout.write(
        `next: replace each "to do" and fill in the templates, then run \`aperture validate ${shown}\` and \`aperture check ${shown}\`\n`,
      );
    });
}
