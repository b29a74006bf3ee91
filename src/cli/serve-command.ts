import { Command, Option } from 'commander';
import { loadDemoArena } from '../arena/index.ts';
import { ApertureError } from '../errors.ts';
import {
  type LoadSnapshotOutcome,
  loadSnapshot,
  markInterruptedImportRuns,
  parseInterval,
} from '../observatory/index.ts';
import { loadDemoPrograms } from '../programs/index.ts';
import { acceptAdminToken, buildServer } from '../server/index.ts';
import { migrateToLatest, openDatabase } from '../store/index.ts';
import { overridesPath } from './catalog/overrides-option.ts';
import type { CliIo } from './io.ts';
import { DB_OPTION_HELP } from './shared/db-option.ts';
import { interruptedRunNote } from './shared/interrupted-run-note.ts';
import { untilSignal } from './shared/until-signal.ts';
import { startServeWatch } from './watch/serve-watch.ts';

interface ServeOptions {
  host: string;
  port: string;
  db?: string;
  demo?: boolean;
  logLevel: string;
  watchInterval?: string;
}

/** How `aperture serve` waits for the end; tests replace it to stop the server themselves. */
export interface ServeHooks {
  /** Resolves when the server should stop; SIGINT or SIGTERM by default. */
  waitForShutdown(url: string): Promise<void>;
}

/** One line on what the snapshot load did: the sources loaded with their counts, or that all were in place. */
function snapshotNote(outcome: LoadSnapshotOutcome): string {
  const loaded = outcome.sources.filter((source) => source.outcome === 'loaded');
  if (loaded.length === 0) {
    return `the public data snapshot is loaded already (${outcome.sources.map((source) => source.id).join(', ')}; aperture sync refreshes it)`;
  }
  const parts = loaded.map(
    (source) =>
      `${source.id} ${source.records} records${source.rejected > 0 ? ` (${source.rejected} rejected)` : ''}`,
  );
  return `loaded the public data snapshot: ${parts.join(', ')} (licenses: data/snapshot/LICENSES.md)`;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) {
    throw new ApertureError('ERR_USAGE', `--port takes a number from 0 to 65535, not "${text}"`);
  }
  return port;
}

/** `aperture serve`: the API and the dashboard over the catalog, until SIGINT or SIGTERM. */
export function serveCommand(io: CliIo, hooks: ServeHooks = { waitForShutdown: untilSignal }): Command {
  return new Command('serve')
    .description('serve the API (/api, /docs, /openapi.json) and the dashboard over the catalog')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 picks a free one)', '8080')
    .option('--db <path>', DB_OPTION_HELP)
    .option(
      '--demo',
      'load the bundled public data snapshot, the demo arena and the demo program first (safe to repeat)',
    )
    .option(
      '--watch-interval <interval>',
      'run the release watch every interval (e.g. 1h) and send its webhooks',
    )
    .addOption(
      new Option('--log-level <level>', 'JSON request logs on standard output')
        .choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
        .default('info'),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ aperture serve --demo                       # http://127.0.0.1:8080 with the public data snapshot,
                                                # the demo arena and the demo program
  $ APERTURE_ADMIN_TOKEN=$(openssl rand -hex 32) aperture serve
                                                # enables the admin routes (programs, awards, arena organiser)
  $ aperture serve --db catalog.db --port 3000
  $ DATABASE_URL=postgres://localhost/aperture aperture serve --host 0.0.0.0

The database is migrated on start, and import runs left running by imports that were killed are
marked interrupted. Stop with Ctrl-C (SIGINT) or SIGTERM.
APERTURE_ADMIN_TOKEN must have at least 32 characters (unset, the admin routes answer 403).
Exit codes: 0 stopped cleanly, 2 bad usage, the port is in use (pick another with --port) or an
APERTURE_ADMIN_TOKEN under 32 characters, 3 the database is unreachable.`,
    )
    .action(async (options: ServeOptions) => {
      const port = parsePort(options.port);
      const watchEvery =
        options.watchInterval === undefined ? undefined : parseInterval(options.watchInterval);
      // Refused before the database is opened or the demo loaded: nothing starts with a guessable token.
      const adminToken = acceptAdminToken(io.env.APERTURE_ADMIN_TOKEN);
      const store = await openDatabase({ file: options.db, env: io.env, cwd: io.cwd, serving: true });
      try {
        await migrateToLatest(store);
        for (const run of await markInterruptedImportRuns(store.db)) {
          io.stdout.write(`${interruptedRunNote(run)}\n`);
        }
        if (options.demo) {
          io.stdout.write(
            `${snapshotNote(await loadSnapshot(store.db, { overridesFile: overridesPath(io, undefined) }))}\n`,
          );
          const arena = await loadDemoArena(store.db);
          if (arena.loaded.length > 0) {
            io.stdout.write(
              `loaded the demo arena: ${arena.loaded.join(', ')} (${arena.submissions} fictional submissions)\n`,
            );
          }
          const { programs, verified, warnings } = await loadDemoPrograms(store.db, { verify: true });
          for (const warning of warnings) io.stderr.write(`aperture: warning: ${warning}\n`);
          io.stdout.write(
            `loaded the demo program(s): ${programs.join(', ')}${verified.length > 0 ? ` (verified ${verified.join(', ')})` : ''}\n`,
          );
        }
        const app = await buildServer({
          db: store.db,
          reads: store.reads,
          dialect: store.dialect,
          adminToken,
          logger: options.logLevel === 'silent' ? false : { level: options.logLevel },
        });
        try {
          await app.listen({ host: options.host, port }).catch((error: NodeJS.ErrnoException) => {
            if (error.code === 'EADDRINUSE' || error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL') {
              const why = error.code === 'EADDRINUSE' ? 'is in use' : 'cannot be used';
              throw new ApertureError(
                'ERR_USAGE',
                `port ${port} on ${options.host} ${why} (${error.code}); pick another with --port`,
                { cause: error },
              );
            }
            throw error;
          });
          const address = app.server.address();
          const actualPort = typeof address === 'object' && address ? address.port : port;
          const host = options.host.includes(':') ? `[${options.host}]` : options.host;
          const url = `http://${host}:${actualPort}`;
          io.stdout.write(
            `Aperture is serving ${url} (API docs ${url}/docs; ${store.dialect} ${store.location})\n`,
          );
          const watch = watchEvery === undefined ? undefined : startServeWatch(io, store.db, watchEvery);
          await hooks.waitForShutdown(url);
          io.stdout.write('stopping\n');
          await watch?.stop();
        } finally {
          await app.close();
        }
      } finally {
        await store.close();
      }
    });
}
