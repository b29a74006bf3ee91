/**
 * A server for the API benchmark, in its own process so that the load generator does not share its
 * event loop:
 *
 *   node --import tsx bench/support/serve-child.ts hello
 *   node --import tsx bench/support/serve-child.ts aperture <db-file>
 *
 * Listens on 127.0.0.1 on a free port, prints `{"port":N}` on one line, and stops on SIGTERM.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Fastify from 'fastify';
import { buildServer } from '../../src/server/index.ts';
import { migrateToLatest, openDatabase } from '../../src/store/index.ts';

/** What the child announces once it listens. */
export interface ServeChildReady {
  port: number;
}

/** The part of Fastify's app the child uses. */
interface ListeningApp {
  listen(options: { host: string; port: number }): Promise<string>;
  close(): Promise<unknown>;
  server: { address(): unknown };
}

/** The ceiling: Fastify answering a constant JSON object, nothing else. */
function helloWorld(): ListeningApp {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  return app;
}

async function main(kind: string | undefined, file: string | undefined): Promise<void> {
  let app: ListeningApp;
  let closeStore = async () => {};
  if (kind === 'hello') {
    app = helloWorld();
  } else if (kind === 'aperture' && file) {
    const store = await openDatabase({ file: path.resolve(file), mustExist: true, serving: true });
    await migrateToLatest(store);
    closeStore = () => store.close();
    app = await buildServer({ db: store.db, reads: store.reads, dialect: store.dialect, logger: false });
  } else {
    console.error('usage: serve-child.ts hello | aperture <db-file>');
    process.exit(2);
  }
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as { port: number };
  console.log(JSON.stringify({ port: address.port } satisfies ServeChildReady));
  process.once('SIGTERM', () => {
    void app
      .close()
      .then(closeStore)
      .finally(() => process.exit(0));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main(process.argv[2], process.argv[3]);
}
