import { Command } from 'commander';
import {
  findProgramWarnings,
  formatProgramIssues,
  readProgramFiles,
  saveProgram,
} from '../../programs/index.ts';
import { ExitCode } from '../exit-code.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { withStore } from '../shared/with-store.ts';

/** `aperture programs load TARGET`: validates program definitions and stores them, all or none. */
export function programsLoadCommand(io: CliIo): Command {
  return new Command('load')
    .description('validate program definitions (a folder of *.yaml or one file) and store them (idempotent)')
    .argument('<target>', 'a folder of program files or one program file')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'print the outcome as JSON')
    .action(async (target: string, options: { db?: string; json?: boolean }) => {
      const { programs, invalid } = await readProgramFiles(target, { cwd: io.cwd });
      if (invalid.length > 0) {
        // Nothing is stored unless every file is valid, so a typo never half-loads a folder.
        for (const validation of invalid) {
          for (const line of formatProgramIssues(validation)) io.stderr.write(`${line}\n`);
        }
        io.stderr.write(`aperture: ${invalid.length} invalid program file(s); nothing was loaded\n`);
        throw new ExitCode(2);
      }
      await withStore(io, options.db, async (store) => {
        const outcomes = [];
        for (const { file, value } of programs) {
          const warnings = await findProgramWarnings(store.db, value);
          // Loaded all the same (the arena may get the benchmark later), but said: one line each.
          for (const warning of warnings) io.stderr.write(`aperture: warning: ${file}: ${warning}\n`);
          outcomes.push({ file, ...(await saveProgram(store.db, value, { sourceFile: file })), warnings });
        }
        if (options.json) io.stdout.write(`${JSON.stringify({ loaded: outcomes }, null, 2)}\n`);
        else {
          for (const outcome of outcomes) {
            io.stdout.write(
              `loaded ${outcome.program} from ${outcome.file}: ${outcome.awards} award(s), ${outcome.deliverables} deliverable(s)${outcome.removedAwards > 0 ? `, ${outcome.removedAwards} award(s) removed` : ''}\n`,
            );
          }
        }
      });
    });
}
