import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Table from 'cli-table3';
import { Command, Option } from 'commander';
import {
  addItems,
  authenticateToken,
  claimPrize,
  closeRound,
  closeTimeText,
  createBenchmark,
  createTeam,
  exportLog,
  issueToken,
  type Leaderboard,
  leaderboard,
  listBenchmarks,
  listTasks,
  openRound,
  type PrivateResult,
  type PrizeClaimOutcome,
  parseLogJsonLines,
  readItemsFile,
  resolveTasks,
  revokeToken,
  submitPredictions,
  validateBenchmarkDefinition,
  verifyLog,
  verifyStoreLog,
} from '../arena/index.ts';
import { checkRelease } from '../checker/index.ts';
import { ApertureError, EXIT_CODES } from '../errors.ts';
import { classifyTarget } from '../scan/index.ts';
import { formatDocumentIssue } from '../spec/index.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../store/index.ts';
import { formatScore, toSafeCsv } from '../util/index.ts';
import { ExitCode } from './exit-code.ts';
import type { CliIo } from './io.ts';

const DB_HELP = 'SQLite file (default .aperture/aperture.db; DATABASE_URL=postgres://… selects PostgreSQL)';
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/** Nested commands do not inherit main's settings: route output and errors the way main does. */
function sub(io: CliIo, command: Command, withDb = true): Command {
  return (withDb ? command.option('--db <path>', DB_HELP) : command).exitOverride().configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    outputError: (text, write) => write(`aperture: ${text.replace(/^error: /, '')}`),
  });
}

/** Opens and migrates the store, runs `work`, closes the store. */
async function withStore<T>(
  io: CliIo,
  db: string | undefined,
  work: (store: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const store = await openDatabase({ file: db, env: io.env, cwd: io.cwd });
  try {
    await migrateToLatest(store);
    return await work(store);
  } finally {
    await store.close();
  }
}

function formatOf(file: string, given: string | undefined): 'csv' | 'jsonl' {
  if (given === 'csv' || given === 'jsonl') return given;
  if (given !== undefined)
    throw new ApertureError('ERR_USAGE', `--format takes csv or jsonl, not "${given}"`);
  return /\.jsonl?$/i.test(file) ? 'jsonl' : 'csv';
}

/** A closed round's private results of one task as a table. */
function renderResults(metric: string, entries: readonly PrivateResult[]): string {
  if (entries.length === 0) return '(no submissions)';
  const table = new Table({
    head: ['Rank', 'Team', metric, '95% interval', 'Submissions'],
    style: { head: [], border: [] },
    chars: COMPACT,
  });
  for (const entry of entries)
    table.push([
      entry.rank,
      entry.team,
      entry.score.toFixed(4),
      `${entry.lower.toFixed(4)} – ${entry.upper.toFixed(4)}`,
      entry.submissions,
    ]);
  return table.toString();
}

function renderBoard(board: Leaderboard): string {
  const privateBoard = board.kind === 'private';
  const table = new Table({
    head: [
      'Rank',
      'Team',
      board.benchmark.metric,
      ...(privateBoard ? ['95% interval'] : []),
      'Submissions',
      'Prizes',
    ],
    style: { head: [], border: [] },
    chars: COMPACT,
  });
  for (const entry of board.entries)
    table.push([
      entry.rank,
      entry.team,
      entry.score.toFixed(4),
      ...(privateBoard ? [`${entry.lower?.toFixed(4)} – ${entry.upper?.toFixed(4)}`] : []),
      entry.submissions,
      entry.prizes
        .filter((prize) => prize.eligible)
        .map((prize) => prize.track)
        .join(', '),
    ]);
  const what = privateBoard
    ? `private leaderboard (closed ${board.round.closedAt}; bootstrap ${board.bootstrap?.resamples} resamples, seed ${board.bootstrap?.seed})`
    : `public leaderboard (${board.round.phase}; scores are the Ladder's releases${board.withheld ? `; private results withheld: ${board.withheld.reason}` : ''})`;
  const body = board.entries.length === 0 ? '(no submissions yet)' : table.toString();
  // Several tasks: name the one shown, and the others --task can choose.
  const task =
    board.tasks.length > 1
      ? `, task ${board.task.id} (${board.task.title}; tasks: ${board.tasks.join(', ')})`
      : '';
  return `${board.benchmark.title}, ${board.round.name}${task}: ${what}\n${body}\n`;
}

function renderClaim(outcome: PrizeClaimOutcome, benchmark: string): string {
  const lines = [
    `${outcome.team} ${outcome.eligible ? 'is ELIGIBLE' : 'is NOT eligible'} for prize track ${outcome.track} of ${benchmark}: score ${formatScore(outcome.score)}, MOF class ${outcome.mofClass ?? 'none'} (${outcome.source})`,
    ...outcome.rules.map((rule) => `  ${rule.passed ? '✓' : '✗'} ${rule.message}`),
  ];
  if (outcome.released.length > 0)
    lines.push(
      `  released: ${outcome.released.map((component) => `${component.title} (${component.rating})`).join(', ')}`,
    );
  return `${lines.join('\n')}\n`;
}

/**
 * `aperture arena …`: create benchmarks from YAML, add items, open and close rounds, manage teams and
 * tokens, submit predictions, print leaderboards, export and verify the transparency log.
 */
export function arenaCommand(io: CliIo): Command {
  const arena = new Command('arena')
    .description('open benchmarks with rounds, the Ladder, bootstrap leaderboards and a transparency log')
    .addHelpText(
      'after',
      `
Examples:
  $ aperture arena create bench.yaml
  $ aperture arena add-items my-bench public.csv --split public
  $ aperture arena add-items my-bench fresh.jsonl --split private --round round-1
  $ aperture arena team create owls && aperture arena team token owls
  $ aperture arena submit my-bench round-1 predictions.csv --token apt_…
  $ aperture arena submit my-bench round-1 stars.csv --task stars --token apt_…
  $ aperture arena leaderboard my-bench --csv
  $ aperture arena close-round my-bench round-1
  $ aperture arena claim-prize my-bench open-weights --source hf:org/model --token apt_…
  $ aperture arena export-log log.jsonl && aperture arena verify-log log.jsonl
  $ aperture arena verify-log --store --head <published head>`,
    );

  arena.addCommand(
    sub(io, new Command('create'))
      .description('create a benchmark (with its rounds and prize tracks) from a YAML definition')
      .argument('<file>', 'benchmark definition YAML')
      .action(async (file: string, options: { db?: string }) => {
        const text = await readFile(path.resolve(io.cwd, file), 'utf8').catch((error: Error) => {
          throw new ApertureError('ERR_NOT_FOUND', `cannot read ${file}: ${error.message}`);
        });
        const checked = validateBenchmarkDefinition(text, file);
        if (!checked.ok) {
          // Every problem on its own line, `file:line:column: field: message`, as validate and programs load print.
          for (const issue of checked.issues) io.stderr.write(`${formatDocumentIssue(file, issue)}\n`);
          io.stderr.write(
            `aperture: ${checked.issues.length} problem(s) in ${file}; no benchmark was created\n`,
          );
          throw new ExitCode(EXIT_CODES.badInput);
        }
        const definition = checked.value;
        const created = await withStore(io, options.db, (store) => createBenchmark(store.db, definition));
        const tasks = resolveTasks(definition);
        const scoring =
          tasks.length > 1
            ? `${tasks.length} tasks: ${tasks.map((task) => `${task.id} ${task.metric}`).join(', ')}`
            : tasks[0]!.metric;
        io.stdout.write(
          `created benchmark ${definition.slug} (${scoring}; ${created.rounds} round(s), ${created.prizeTracks} prize track(s))\n`,
        );
      }),
  );

  arena.addCommand(
    sub(io, new Command('list'))
      .description('list the benchmarks')
      .option('--json', 'print JSON')
      .action(async (options: { db?: string; json?: boolean }) => {
        const items = await withStore(io, options.db, (store) => listBenchmarks(store.db));
        if (options.json) io.stdout.write(`${JSON.stringify({ items }, null, 2)}\n`);
        else
          for (const item of items) {
            // A fourth column only for benchmarks with several tasks: single-task lines stay as they were.
            const tasks =
              item.tasks.length > 1
                ? `\ttasks: ${item.tasks.map((task) => `${task.id} (${task.metric})`).join(', ')}`
                : '';
            io.stdout.write(`${item.slug}\t${item.metric}\t${item.title}${tasks}\n`);
          }
      }),
  );

  arena.addCommand(
    sub(io, new Command('add-items'))
      .description('add labelled items (CSV id,label or JSON Lines {"id","label"}) to a benchmark')
      .argument('<benchmark>', 'benchmark slug')
      .argument('<file>', 'items file')
      .addOption(
        new Option('--split <split>', 'public (labels released) or private (labels stay on the server)')
          .choices(['public', 'private'])
          .makeOptionMandatory(),
      )
      .option(
        '--round <name>',
        'fresh items of this round (only after its freeze); private items need it on a benchmark of several rounds',
      )
      .option('--task <id>', "the task the items belong to (default: the benchmark's first task)")
      .option('--format <format>', 'csv or jsonl (default: from the extension)')
      .addHelpText(
        'after',
        `
Public items are shared by every round. A private item is scored in one round only: give --round, which a
benchmark of several rounds requires for private items (without it they belong to the benchmark's one round).
Exit codes: 0 added, 2 refused (rejected items, a round not frozen or already submitted to, private items
without --round on a benchmark of several rounds) or bad input.`,
      )
      .action(
        async (
          benchmark: string,
          file: string,
          options: {
            db?: string;
            split: 'public' | 'private';
            round?: string;
            task?: string;
            format?: string;
          },
        ) => {
          const items = readItemsFile(
            await readFile(path.resolve(io.cwd, file)),
            formatOf(file, options.format),
          );
          const { outcome, tasks } = await withStore(io, options.db, async (store) => ({
            outcome: await addItems(store.db, {
              benchmark,
              split: options.split,
              round: options.round,
              task: options.task,
              items,
            }),
            tasks: await listTasks(store.db, benchmark),
          }));
          if (outcome.rejected.length > 0) {
            for (const { id, reason } of outcome.rejected.slice(0, 20))
              io.stderr.write(`rejected ${id}: ${reason}\n`);
            throw new ApertureError(
              'ERR_INVALID_INPUT',
              `${outcome.rejected.length} item(s) rejected; nothing was added`,
            );
          }
          // Only a benchmark of several tasks says which one the items went to.
          io.stdout.write(
            `added ${outcome.inserted} ${options.split} item(s) to ${benchmark}${tasks.length > 1 ? ` (task ${outcome.task})` : ''}\n`,
          );
        },
      ),
  );

  arena.addCommand(
    sub(io, new Command('open-round'))
      .description('add a round to a benchmark')
      .argument('<benchmark>', 'benchmark slug')
      .argument('<name>', 'round name, e.g. round-2')
      .requiredOption('--opens <time>', 'UTC time, e.g. 2025-06-01T00:00:00Z')
      .requiredOption('--freezes <time>', 'submission freeze (fresh items and predictions from here)')
      .requiredOption('--closes <time>', 'close time')
      .addHelpText(
        'after',
        `
A private item is scored in one round only: a benchmark whose private items were added without --round
keeps its one round, and a new round is refused (run later rounds on a new benchmark).
Exit codes: 0 opened, 2 refused (that case, a taken name) or bad times.`,
      )
      .action(
        async (
          benchmark: string,
          name: string,
          options: { db?: string; opens: string; freezes: string; closes: string },
        ) => {
          await withStore(io, options.db, (store) =>
            openRound(store.db, benchmark, {
              name,
              opensAt: options.opens,
              freezesAt: options.freezes,
              closesAt: options.closes,
            }),
          );
          io.stdout.write(`opened round ${name} of ${benchmark}\n`);
        },
      ),
  );

  const team = sub(io, new Command('team'), false).description('create teams and manage their tokens');
  team.addCommand(
    sub(io, new Command('create'))
      .description('create a team')
      .argument('<slug>', 'team slug')
      .option('--name <name>', 'display name')
      .action(async (slug: string, options: { db?: string; name?: string }) => {
        await withStore(io, options.db, (store) => createTeam(store.db, { slug, name: options.name }));
        io.stdout.write(`created team ${slug}\n`);
      }),
  );
  team.addCommand(
    sub(io, new Command('token'))
      .description('issue a token for a team (shown once; only its hash is stored)')
      .argument('<slug>', 'team slug')
      .addOption(
        new Option('--scope <scope>', 'submit, or admin (also claims prizes)')
          .choices(['submit', 'admin'])
          .default('submit'),
      )
      .action(async (slug: string, options: { db?: string; scope: 'submit' | 'admin' }) => {
        const { id, token } = await withStore(io, options.db, (store) =>
          issueToken(store.db, slug, options.scope),
        );
        io.stdout.write(`${token}\n`);
        io.stderr.write(`token ${id} for ${slug} (${options.scope}); it is not shown again\n`);
      }),
  );
  team.addCommand(
    sub(io, new Command('revoke'))
      .description('revoke a token by its id (the part of the token between apt_ and the next _)')
      .argument('<id>', 'token id, as `team token` printed it')
      .action(async (id: string, options: { db?: string }) => {
        await withStore(io, options.db, (store) => revokeToken(store.db, id));
        io.stdout.write(`revoked token ${id}\n`);
      }),
  );
  arena.addCommand(team);

  arena.addCommand(
    sub(io, new Command('submit'))
      .description('submit a predictions file to a round (CSV id,prediction or JSON Lines)')
      .argument('<benchmark>', 'benchmark slug')
      .argument('<round>', 'round name')
      .argument('<file>', 'predictions file')
      .option('--token <token>', 'team token (default: $APERTURE_ARENA_TOKEN)')
      .option('--task <id>', "the task predicted (default: the benchmark's first task)")
      .option('--format <format>', 'csv or jsonl (default: from the extension)')
      .option('--json', 'print the outcome as JSON')
      .action(
        async (
          benchmark: string,
          round: string,
          file: string,
          options: { db?: string; token?: string; task?: string; format?: string; json?: boolean },
        ) => {
          const bytes = await readFile(path.resolve(io.cwd, file));
          const token = options.token ?? io.env.APERTURE_ARENA_TOKEN;
          const { outcome, tasks } = await withStore(io, options.db, async (store) => ({
            outcome: await submitPredictions(store.db, {
              benchmark,
              round,
              task: options.task,
              token,
              bytes,
              format: formatOf(file, options.format),
            }),
            tasks: await listTasks(store.db, benchmark),
          }));
          if (options.json) io.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
          else
            io.stdout.write(
              `accepted submission ${outcome.submissionId}${tasks.length > 1 ? ` to task ${outcome.task}` : ''} (sha256 ${outcome.digest}); public score ${formatScore(outcome.publicScore)}${outcome.improved ? ' (new best)' : ' (no release: not better by the Ladder step)'}; ${outcome.submissionsToday}/${outcome.dailyCap} today; log entry ${outcome.log.index}\n`,
            );
        },
      ),
  );

  arena.addCommand(
    sub(io, new Command('leaderboard'))
      .description('print a round leaderboard (public while it runs, private once closed)')
      .argument('<benchmark>', 'benchmark slug')
      .option('--round <name>', 'round (default: the latest)')
      .option('--task <id>', "task (default: the benchmark's first task)")
      .addOption(new Option('--json', 'print JSON').conflicts('csv'))
      .addOption(new Option('--csv', 'print CSV'))
      .action(
        async (
          benchmark: string,
          options: { db?: string; round?: string; task?: string; json?: boolean; csv?: boolean },
        ) => {
          const board = await withStore(io, options.db, (store) =>
            leaderboard(store.db, benchmark, options.round, { task: options.task }),
          );
          if (options.json) io.stdout.write(`${JSON.stringify(board, null, 2)}\n`);
          else if (options.csv)
            io.stdout.write(
              toSafeCsv(
                board.entries.map((entry) => ({
                  ...entry,
                  prizes: entry.prizes
                    .filter((prize) => prize.eligible)
                    .map((prize) => prize.track)
                    .join(' '),
                })),
                ['rank', 'team', 'score', 'lower', 'upper', 'submissions', 'lastSubmissionAt', 'prizes'],
              ),
            );
          else io.stdout.write(renderBoard(board));
        },
      ),
  );

  arena.addCommand(
    sub(io, new Command('close-round'))
      .description('close a round: reveal private scores with bootstrap intervals and ranks')
      .argument('<benchmark>', 'benchmark slug')
      .argument('<round>', 'round name')
      .option('--force', 'close before the round’s close time')
      .option('--json', 'print the results (every task) as JSON')
      .action(
        async (
          benchmark: string,
          round: string,
          options: { db?: string; force?: boolean; json?: boolean },
        ) => {
          const results = await withStore(io, options.db, (store) =>
            closeRound(store.db, benchmark, round, { force: options.force }),
          );
          // When the round really closed: a forced close says it came before the scheduled time.
          const closed = `closed ${benchmark} ${round} ${closeTimeText(results.closedAt, results.closesAt)}`;
          if (options.json) io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
          else if (results.tasks.length <= 1)
            io.stdout.write(
              results.withheld
                ? `${closed}: private results withheld: ${results.withheld.reason}\n`
                : `${closed}: ${results.entries.length} team(s) ranked on ${results.items} private item(s)\n`,
            );
          else {
            const sections = results.tasks.map((task) =>
              task.withheld
                ? `task ${task.task} (${task.metric}): private results withheld: ${task.withheld.reason}\n`
                : `task ${task.task} (${task.metric}): ${task.entries.length} team(s) ranked on ${task.items} private item(s)\n${renderResults(task.metric, task.entries)}\n`,
            );
            io.stdout.write(`${closed}: ${results.tasks.length} tasks\n\n${sections.join('\n')}`);
          }
        },
      ),
  );

  arena.addCommand(
    sub(io, new Command('claim-prize'))
      .description(
        "claim a prize track: the checker verifies the team's release pack against the track's minimum",
      )
      .argument('<benchmark>', 'benchmark slug')
      .argument('<track>', 'prize track name')
      .requiredOption(
        '--source <source>',
        'the release: hf:org/name[@revision], an https:// git URL, or (locally only) a folder or archive',
      )
      .option('--token <token>', 'team token with the admin scope (default: $APERTURE_ARENA_TOKEN)')
      .option('--team <slug>', "refuse unless the token is this team's (a guard against the wrong token)")
      .option('--json', 'print the verdict as JSON')
      .addHelpText(
        'after',
        `
The API (POST /api/arena/benchmarks/:slug/prize-claims) takes only hf: and https:// git sources, since a
server must not read its own disk for a client. This command runs where you run it, so it also takes a
local folder or archive, like \`aperture check\`: the checker only reads the release, it never runs it.
The verdict is stored (claiming again replaces it) and shown on the leaderboard.
Exit codes: 0 eligible, 1 not eligible, 2 bad input or refused token.`,
      )
      .action(
        async (
          benchmark: string,
          track: string,
          options: { db?: string; source: string; token?: string; team?: string; json?: boolean },
        ) => {
          const token = options.token ?? io.env.APERTURE_ARENA_TOKEN;
          const kind = classifyTarget(options.source.trim());
          // Local paths are relative to where the command runs; remote sources go as they are.
          const source =
            kind === 'path' || kind === 'archive'
              ? path.resolve(io.cwd, options.source.trim())
              : options.source.trim();
          const outcome = await withStore(io, options.db, async (store) => {
            // Authenticate before the (possibly slow) check, so a wrong token or team costs nothing.
            const team = await authenticateToken(store.db, token, 'admin');
            if (options.team !== undefined && options.team !== team.team)
              throw new ApertureError(
                'ERR_UNAUTHORIZED',
                `the token belongs to team ${team.team}, not ${options.team}`,
              );
            return claimPrize(
              store.db,
              { benchmark, track, token, source },
              { checkRelease: (target) => checkRelease(target) },
            );
          });
          if (options.json) io.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
          else io.stdout.write(renderClaim(outcome, benchmark));
          if (!outcome.eligible) throw new ExitCode(EXIT_CODES.belowBar);
        },
      ),
  );

  arena.addCommand(
    sub(io, new Command('export-log'))
      .description('write the transparency log as JSON Lines (to FILE or standard output)')
      .argument('[file]', 'output file')
      .action(async (file: string | undefined, options: { db?: string }) => {
        const { jsonLines, count } = await withStore(io, options.db, (store) => exportLog(store.db));
        if (file === undefined) io.stdout.write(jsonLines);
        else {
          await writeFile(path.resolve(io.cwd, file), jsonLines);
          io.stdout.write(`wrote ${count} log entries to ${file}\n`);
        }
      }),
  );

  arena.addCommand(
    sub(io, new Command('verify-log'))
      .description(
        "recompute the hash chain of an exported log, or (--store) of the store's own log and check every logged submission and close against it; exit 1 naming the first broken entry",
      )
      .argument('[file]', 'exported log (JSON Lines)')
      .option(
        '--store',
        "verify the store's own log, and the store's submissions, scores and closed rounds against it",
      )
      .option('--count <n>', 'the entry count you expect (catches a log cut short)')
      .option('--head <hash>', 'the head hash you expect (a published head)')
      .option('--json', 'print the verdict as JSON')
      .action(
        async (
          file: string | undefined,
          options: { db?: string; store?: boolean; count?: string; head?: string; json?: boolean },
        ) => {
          if (file !== undefined && options.store)
            throw new ApertureError('ERR_USAGE', 'give an exported log FILE or --store, not both');
          if (file === undefined && !options.store)
            throw new ApertureError(
              'ERR_USAGE',
              "give an exported log FILE to verify, or --store to verify the store's own log against its submissions",
            );
          if (options.count !== undefined && !/^\d+$/.test(options.count))
            throw new ApertureError(
              'ERR_USAGE',
              `--count must be a whole number, not ${JSON.stringify(options.count)}`,
            );
          if (options.head !== undefined && !/^[0-9a-f]{64}$/.test(options.head))
            throw new ApertureError(
              'ERR_USAGE',
              '--head must be a sha256 hex digest (64 lowercase hex digits)',
            );
          const expected = {
            ...(options.count !== undefined ? { count: Number(options.count) } : {}),
            ...(options.head !== undefined ? { head: options.head } : {}),
          };
          if (file === undefined) {
            const verdict = await withStore(io, options.db, (store) => verifyStoreLog(store.db, expected));
            if (options.json) io.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
            else if (verdict.ok)
              io.stdout.write(
                `the store's log verifies (${verdict.count} entries, head ${verdict.head}), and so does the store against it (${verdict.submissions} submission(s), ${verdict.closes} close(s))\n`,
              );
            else io.stdout.write(`the store's log does not verify: ${verdict.reason}\n`);
            if (!verdict.ok) throw new ExitCode(EXIT_CODES.belowBar);
            return;
          }
          const text = await readFile(path.resolve(io.cwd, file), 'utf8').catch((error: Error) => {
            throw new ApertureError('ERR_NOT_FOUND', `cannot read ${file}: ${error.message}`);
          });
          const parsed = parseLogJsonLines(text);
          const verdict = parsed.ok
            ? verifyLog(parsed.entries, expected)
            : { ok: false as const, index: null, line: parsed.line, reason: parsed.reason };
          if (options.json) io.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
          else if (verdict.ok)
            io.stdout.write(`${file}: the chain verifies (${verdict.count} entries, head ${verdict.head})\n`);
          else if ('line' in verdict)
            io.stdout.write(`${file}: line ${verdict.line} is broken: ${verdict.reason}\n`);
          else
            io.stdout.write(`${file}: entry ${verdict.index} is the first broken entry: ${verdict.reason}\n`);
          if (!verdict.ok) throw new ExitCode(EXIT_CODES.belowBar);
        },
      ),
  );
  return arena;
}
