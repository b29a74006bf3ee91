import Table from 'cli-table3';
import { Command, Option } from 'commander';
import { ApertureError } from '../errors.ts';
import {
  INDICATORS,
  listIndicatorParameters,
  requireIndicator,
  resolveIndicatorParams,
  runIndicator,
} from '../observatory/index.ts';
import type { IndicatorResult, IndicatorRow } from '../spec/index.ts';
import { openDatabase, tableColumns } from '../store/index.ts';
import { toSafeCsv } from '../util/index.ts';
import type { CliIo } from './io.ts';

/** Table borders without a rule between rows. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/** Collects repeated `--param key=value` options into a record. */
function collectParam(text: string, previous: Record<string, string>): Record<string, string> {
  const at = text.indexOf('=');
  if (at <= 0) throw new ApertureError('ERR_USAGE', `--param needs key=value (got ${JSON.stringify(text)})`);
  return { ...previous, [text.slice(0, at).trim()]: text.slice(at + 1).trim() };
}

function cellText(value: IndicatorRow[string]): string {
  return value === null || value === undefined ? '' : String(value);
}

function renderTable(header: readonly string[], rows: readonly IndicatorRow[]): string {
  const table = new Table({ head: [...header], style: { head: [], border: [] }, chars: COMPACT });
  for (const row of rows) table.push(header.map((column) => cellText(row[column] ?? null)));
  return table.toString();
}

function renderText(result: IndicatorResult): string {
  const lines = [result.title, ''];
  lines.push(
    result.rows.length === 0
      ? '(no rows: the catalog holds no data for this indicator; import some with `aperture import`)'
      : renderTable(
          result.columns.map((column) => column.name),
          result.rows,
        ),
  );
  for (const reference of result.references) {
    const columns = [...new Set(reference.rows.flatMap((row) => Object.keys(row)))];
    lines.push('', `Reference: ${reference.label}`, renderTable(columns, reference.rows));
    lines.push(`Source: ${reference.citation.title}, ${reference.citation.url}`, reference.citation.note);
  }
  return `${lines.join('\n')}\n`;
}

function renderList(): string {
  const table = new Table({
    head: ['Indicator', 'Summary'],
    style: { head: [], border: [] },
    chars: COMPACT,
  });
  for (const indicator of INDICATORS) table.push([indicator.id, indicator.summary]);
  return `${table.toString()}\nRun \`aperture indicators NAME\` for one (add --json or --csv); see docs/indicators.md.\n`;
}

/** `aperture indicators [NAME]`: lists the observatory indicators, or computes one from the catalog. */
export function indicatorsCommand(io: CliIo): Command {
  return new Command('indicators')
    .description('list the observatory indicators, or compute one from the catalog database')
    .argument('[name]', `one of: ${INDICATORS.map((indicator) => indicator.id).join(', ')}`)
    .option(
      '-p, --param <key=value>',
      'an indicator parameter (repeatable), e.g. --param from=2020',
      collectParam,
      {},
    )
    .addOption(new Option('--json', 'print the result as JSON').conflicts('csv'))
    .addOption(new Option('--csv', 'print the rows as CSV (cells starting with = + - @ neutralised)'))
    .option(
      '--db <path>',
      'SQLite file (default .aperture/aperture.db; DATABASE_URL=postgres://… selects PostgreSQL)',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ aperture indicators                                   # list the indicators
  $ aperture indicators models-per-region --param from=2020
  $ aperture indicators open-share-top-labs --param top=5 --csv > labs.csv
  $ aperture indicators adoption-by-origin --param by=region --json`,
    )
    .action(
      async (
        name: string | undefined,
        options: { param: Record<string, string>; json?: boolean; csv?: boolean; db?: string },
      ) => {
        if (name === undefined) {
          if (options.json) {
            const list = INDICATORS.map(({ id, title, summary, chart, columns, params }) => ({
              name: id,
              title,
              summary,
              chart,
              columns,
              parameters: listIndicatorParameters(params),
            }));
            io.stdout.write(`${JSON.stringify({ items: list }, null, 2)}\n`);
          } else io.stdout.write(renderList());
          return;
        }
        // Usage errors before touching the database.
        resolveIndicatorParams(requireIndicator(name), options.param);
        const store = await openDatabase({ file: options.db, env: io.env, cwd: io.cwd, mustExist: true });
        try {
          await tableColumns(store.db, 'models');
          const result = await runIndicator(store.db, name, options.param);
          if (options.json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          else if (options.csv) {
            io.stdout.write(
              toSafeCsv(
                result.rows,
                result.columns.map((column) => column.name),
              ),
            );
          } else io.stdout.write(renderText(result));
        } finally {
          await store.close();
        }
      },
    );
}
