import Table from 'cli-table3';
import { Command, Option } from 'commander';
import {
  arenaStoreLookup,
  EXPORT_COLUMNS,
  exportResults,
  formatProgramIssues,
  getProgram,
  hasFailures,
  listPrograms,
  readProgramFiles,
  saveProgram,
  type VerifiedDeliverable,
  type VerifyOutcome,
  verifyDeliverables,
} from '../programs/index.ts';
import { formatScore, toSafeCsv } from '../util/index.ts';
import { ExitCode } from './exit-code.ts';
import type { CliIo } from './io.ts';
import { DB_OPTION_HELP } from './shared/db-option.ts';
import { subCommand } from './shared/sub-command.ts';
import { withStore } from './shared/with-store.ts';

const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

function table(head: string[], rows: Array<Array<string | number | null>>): string {
  const out = new Table({ head, style: { head: [], border: [] }, chars: COMPACT });
  for (const row of rows) out.push(row.map((cell) => (cell === null ? '' : String(cell))));
  return `${out.toString()}\n`;
}

function loadCommand(io: CliIo): Command {
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
          outcomes.push({ file, ...(await saveProgram(store.db, value, { sourceFile: file })) });
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

function statusText(status: Record<string, number>): string {
  return Object.entries(status)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${count} ${name}`)
    .join(', ');
}

function listCommand(io: CliIo): Command {
  return new Command('list')
    .description('list the stored programs with their awards and latest verification status')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'print the list as JSON')
    .action(async (options: { db?: string; json?: boolean }) => {
      await withStore(io, options.db, async (store) => {
        const programs = await listPrograms(store.db);
        if (options.json) {
          io.stdout.write(`${JSON.stringify({ items: programs }, null, 2)}\n`);
          return;
        }
        if (programs.length === 0) {
          io.stdout.write('no programs stored; load some with `aperture programs load programs/`\n');
          return;
        }
        io.stdout.write(
          table(
            ['Program', 'Kind', 'Funder', 'Budget', 'Awards', 'Deliverables'],
            programs.map((program) => [
              `${program.id}${program.demo ? ' (demo)' : ''}`,
              program.kind,
              program.funder,
              `${program.totalBudget} ${program.currency}`,
              program.awardCount,
              statusText(program.status) || 'none',
            ]),
          ),
        );
      });
    });
}

function showCommand(io: CliIo): Command {
  return new Command('show')
    .description('show one program: requirements, awards and their latest verification status')
    .argument('<id>', 'the program id')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'print the program as JSON')
    .action(async (id: string, options: { db?: string; json?: boolean }) => {
      await withStore(io, options.db, async (store) => {
        const program = await getProgram(store.db, id);
        if (options.json) {
          io.stdout.write(`${JSON.stringify(program, null, 2)}\n`);
          return;
        }
        const lines = [
          `${program.name} (${program.id}): ${program.kind}${program.demo ? ', DEMO with fictional facts' : ''}`,
          `Funder: ${program.funder}; budget ${program.totalBudget} ${program.currency}${program.computeBudgetGpuHours ? ` and ${program.computeBudgetGpuHours} GPU-hours` : ''}`,
          '',
          'Requirements:',
          ...program.requirements.map(
            (requirement) =>
              `  ${requirement.id} (${requirement.kind})${requirement.title ? `: ${requirement.title}` : ''}`,
          ),
          '',
        ];
        io.stdout.write(`${lines.join('\n')}\n`);
        io.stdout.write(
          table(
            ['Award', 'Recipient', 'Country', 'Money', 'GPU-hours', 'Ends', 'Deliverables'],
            program.awards.map((award) => [
              award.id,
              award.recipient,
              award.country,
              award.money,
              award.computeGpuHours,
              award.endDate,
              statusText(award.status),
            ]),
          ),
        );
      });
    });
}

function renderVerification(outcome: VerifyOutcome): string {
  const lines: string[] = [
    `verification run ${outcome.runId} as of ${outcome.asOf}${outcome.resumed ? ` (resumed; ${outcome.skipped} deliverable(s) already recorded)` : ''}`,
    '',
    table(
      ['Program', 'Award', 'Deliverable', 'Due', 'Status', 'Score', 'Class'],
      outcome.results.map((result) => [
        result.program,
        result.award,
        result.requirement,
        result.due,
        result.status,
        result.score === null ? null : formatScore(result.score),
        result.mofClass,
      ]),
    ),
  ];
  const problems = outcome.results.filter(
    (result) => result.status === 'fail' || result.status === 'overdue',
  );
  if (problems.length > 0) {
    lines.push('Failing and overdue deliverables:');
    for (const result of problems) {
      lines.push(
        `  ${result.award} / ${result.requirement}: ${result.status.toUpperCase()} (due ${result.due})`,
      );
      for (const item of result.missing) lines.push(`    - ${item}`);
      for (const fix of result.fixes) lines.push(`    fix: ${fix}`);
    }
    lines.push('');
  }
  const unverifiable = outcome.results.filter((result) => result.status === 'unverifiable');
  if (unverifiable.length > 0) {
    lines.push(
      `Unverifiable (not counted as passing): ${unverifiable.length}; e.g. ${unverifiable[0]!.missing[0]}`,
      '',
    );
  }
  lines.push(`Summary: ${statusText(outcome.counts) || 'no deliverables'}`);
  return `${lines.join('\n')}\n`;
}

function verifyCommand(io: CliIo): Command {
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

function exportCommand(io: CliIo): Command {
  return new Command('export')
    .description('export every recorded verification result (all runs) as CSV or JSON Lines')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'jsonl']).default('csv'))
    .option('--program <id>', 'only this program')
    .option('--db <path>', DB_OPTION_HELP)
    .action(async (options: { format: 'csv' | 'jsonl'; program?: string; db?: string }) => {
      await withStore(io, options.db, async (store) => {
        if (options.program !== undefined) await getProgram(store.db, options.program);
        const rows = await exportResults(store.db, { program: options.program });
        if (options.format === 'jsonl') {
          for (const row of rows) io.stdout.write(`${JSON.stringify(row)}\n`);
        } else io.stdout.write(toSafeCsv(rows as unknown as Record<string, unknown>[], [...EXPORT_COLUMNS]));
      });
    });
}

/** `aperture programs load|list|show|verify|export`: funding programs that reward openness. */
export function programsCommand(io: CliIo): Command {
  return new Command('programs')
    .description('funding programs: load definitions, verify deliverables, export results')
    .addHelpText(
      'after',
      `
Examples:
  $ aperture programs load programs/                 # validate and store program definitions
  $ aperture programs list
  $ aperture programs show open-artifacts-fellowship
  $ aperture programs verify --as-of 2026-06-01      # exit 1 when a deliverable fails or is overdue
  $ aperture programs export --format csv > results.csv`,
    )
    .addCommand(subCommand(io, loadCommand(io)))
    .addCommand(subCommand(io, listCommand(io)))
    .addCommand(subCommand(io, showCommand(io)))
    .addCommand(subCommand(io, verifyCommand(io)))
    .addCommand(subCommand(io, exportCommand(io)));
}
