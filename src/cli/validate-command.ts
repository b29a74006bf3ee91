import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { ApertureError } from '../errors.ts';
import { formatDocumentIssue, MANIFEST_FILE, validateManifestText } from '../spec/index.ts';
import { decodeUtf8Strict } from '../util/index.ts';
import { ExitCode } from './exit-code.ts';
import type { CliIo } from './io.ts';

/** Reads and validates one manifest (a file, or the release-pack.yaml of a folder). */
async function validateOne(io: CliIo, target: string) {
  const resolved = path.resolve(io.cwd, target);
  const info = await stat(resolved).catch(() => null);
  if (!info) throw new ApertureError('ERR_NOT_FOUND', `no such file or folder: ${target}`);
  const file = info.isDirectory() ? path.join(resolved, MANIFEST_FILE) : resolved;
  const display = info.isDirectory() ? path.join(target, MANIFEST_FILE) : target;
  const bytes = await readFile(file).catch(() => {
    throw new ApertureError(
      'ERR_NOT_FOUND',
      `no ${MANIFEST_FILE} in ${target}; create one with \`aperture init\``,
    );
  });
  if (bytes.byteLength > 1024 * 1024) {
    throw new ApertureError(
      'ERR_YAML_LIMIT',
      `${display}: larger than 1 MiB; a manifest should be a few KiB`,
    );
  }
  const state = validateManifestText(decodeUtf8Strict(bytes, display), display);
  return { display, state };
}

/** `aperture validate PATH…`: checks each release-pack.yaml alone and lists each problem with file:line:column. */
export function validateCommand(io: CliIo): Command {
  return new Command('validate')
    .description('validate release-pack.yaml against the release-pack schema')
    .argument('[paths...]', 'release-pack.yaml files or the folders that hold them', ['.'])
    .option('--json', 'print the problems as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ aperture validate                      # ./release-pack.yaml
  $ aperture validate examples/broken-pack
  $ aperture validate path/to/release-pack.yaml --json
  $ aperture validate a/release-pack.yaml b/release-pack.yaml   # as pre-commit calls it

Exit codes: 0 all valid, 2 one invalid or unreadable.`,
    )
    .action(async (targets: string[], options: { json?: boolean }) => {
      const results = [];
      for (const target of targets) results.push(await validateOne(io, target));
      if (options.json) {
        const documents = results.map(({ display, state }) => ({
          file: display,
          valid: state.state === 'valid',
          issues: state.state === 'invalid' ? state.issues : [],
        }));
        io.stdout.write(`${JSON.stringify(documents.length === 1 ? documents[0] : documents, null, 2)}\n`);
      } else {
        for (const { display, state } of results) {
          if (state.state === 'valid') {
            io.stdout.write(
              `${display}: valid (${Object.keys(state.value.components).length} components declared)\n`,
            );
          } else if (state.state === 'invalid') {
            for (const issue of state.issues) io.stdout.write(`${formatDocumentIssue(display, issue)}\n`);
            io.stdout.write(`${state.issues.length} problem(s) in ${display}\n`);
          }
        }
      }
      if (results.some(({ state }) => state.state !== 'valid')) throw new ExitCode(2);
    });
}
