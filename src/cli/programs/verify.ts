import { Command } from 'commander';
import {
  arenaStoreLookup,
  hasFailures,
  type VerifiedDeliverable,
  verifyDeliverables,
} from '../../programs/index.ts';
import { renderVerification } from '../../report/index.ts';
import { ExitCode } from '../exit-code.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { withStore } from '../shared/with-store.ts';

/** `aperture programs verify`: checks every deliverable of every award and records the results. */
export function programsVerifyCommand(io: CliIo): Command {
  return new Command('verify')
    .description('check every deliverable of every award and record the results (history is kept)')
    .option('--program <id>', 'only this program')
    .option('--as-of <date>', 'judge due dates as of this day, YYYY-MM-DD (default: today, UTC)')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'print the results as JSON (no progress output)')
    .addHelpText(
      'after',
      `
Examples:
  $ aperture programs verify
  $ aperture programs verify --program open-artifacts-fellowship --as-of 2026-06-01 --json

Statuses: pass (met), fail (delivered but short, or a milestone late or without evidence),
overdue (not met and the due date has passed), pending (not met, not yet due),
unverifiable (Aperture cannot judge it: the source is unreachable; never a pass).
A benchmark contribution passes when the team (the deliverable's team, else the recipient) has an
accepted submission in this database's arena, logged in the transparency log, by the due date.
An interrupted run is resumed by the next one with the same --program and --as-of.
The checker only reads releases; no code from a deliverable is ever run.
Exit codes: 0 nothing failing or overdue (pending and unverifiable included), 1 some deliverable
failing or overdue (like a gate), 2 bad input, 3 the database is unreachable.`,
    )
    .action(async (options: { program?: string; asOf?: string; db?: string; json?: boolean }) => {
      const outcome = await withStore(io, options.db, (store) =>
        verifyDeliverables(store.db, {
          program: options.program,
          asOf: options.asOf,
          // Benchmark contributions are judged from this database's arena (accepted, logged submissions).
          arena: arenaStoreLookup(store.db),
          onProgress:
            !options.json && io.stderr.isTTY
              ? ({
                  done,
                  total,
                  deliverable,
                }: {
                  done: number;
                  total: number;
                  deliverable: VerifiedDeliverable;
                }) =>
                  io.stderr.write(
                    `[${done}/${total}] ${deliverable.award} / ${deliverable.requirement}: ${deliverable.status}\n`,
                  )
              : undefined,
        }),
      );
      if (options.json) io.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
      else io.stdout.write(renderVerification(outcome));
      if (hasFailures(outcome)) throw new ExitCode(1);
    });
}
