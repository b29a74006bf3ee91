import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const REPO = path.resolve(import.meta.dirname, '../../..');
const WEB = path.join(REPO, 'web');
/** The contract the dashboard imports (src/spec/api, src/spec/vocabularies), part of its sources. */
const SPEC = path.join(REPO, 'src', 'spec');
/**
 * Where the tests build the dashboard when dist/web is stale (kept out of git with node_modules); one
 * folder per checkout, since git worktrees may share one node_modules and must not serve each other's build.
 */
const CACHE = path.join(
  REPO,
  'node_modules',
  '.cache',
  `aperture-dashboard-test-${createHash('sha256').update(REPO).digest('hex').slice(0, 12)}`,
);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const stat = statSync(full);
    newest = Math.max(newest, stat.isDirectory() ? newestMtime(full) : stat.mtimeMs);
  }
  return newest;
}

function builtAfter(outDir: string, sources: number): boolean {
  const index = path.join(outDir, 'index.html');
  return existsSync(index) && statSync(index).mtimeMs >= sources;
}

/**
 * A built dashboard for the browser tests: dist/web when it is newer than every file of web/ and
 * src/spec/, otherwise a build into a cache folder (reused by later runs until they change).
 */
export async function buildDashboard(): Promise<string> {
  const sources = Math.max(newestMtime(WEB), newestMtime(SPEC));
  const dist = path.join(REPO, 'dist', 'web');
  if (builtAfter(dist, sources)) return dist;
  if (builtAfter(CACHE, sources)) return CACHE;
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(WEB, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: CACHE, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return CACHE;
}
