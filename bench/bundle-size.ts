import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BenchResult, judge } from './support/bench-result.ts';
import { fixed, timeMs } from './support/stats.ts';
import { workSubdir } from './support/work-dir.ts';

/** Options of the bundle benchmark. */
export interface BundleBenchOptions {
  log?: (line: string) => void;
}

const NAME = 'bundle';
const SUBDIR = 'web-dist';
/** The budget of DESIGN.md section 5: dashboard JS < 400 KB gzipped. */
const BUDGET_KB = 400;
/** Kilobytes as Vite prints them (1 kB = 1,000 bytes). */
const KB = 1000;
const ROOT = path.resolve(import.meta.dirname, '..');
const VITE = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const CONFIG = path.join(ROOT, 'web', 'vite.config.ts');

/** One chunk of Vite's build manifest (`.vite/manifest.json`). */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

interface JsFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * Size of the dashboard's JavaScript: the production build of `web/` (`vite build --config
 * web/vite.config.ts`, written to bench/.work/web-dist so dist/web is left alone), every `.js` file
 * gzipped at zlib's default level as Vite reports it, against the 400 KB budget. Also the first-load
 * JS: the entry chunk of index.html and its static imports, from Vite's manifest.
 *
 * @example
 * const result = await runBundleBench();
 */
export async function runBundleBench(options: BundleBenchOptions = {}): Promise<BenchResult> {
  const log = options.log ?? console.log;
  const outDir = await workSubdir(SUBDIR);
  log(`  vite build --config web/vite.config.ts --outDir ${path.relative(process.cwd(), outDir)}…`);
  const { ms: buildMs } = await timeMs(() => viteBuild(outDir));

  const files: JsFile[] = [];
  for (const file of await listJs(outDir)) {
    const content = await readFile(path.join(outDir, file));
    files.push({ file, bytes: content.length, gzipBytes: gzipSync(content).length });
  }
  if (files.length === 0) throw new Error(`vite build wrote no .js file to ${outDir}`);
  const firstLoad = await firstLoadFiles(outDir);
  const byFile = new Map(files.map((file) => [file.file, file]));
  const sum = (list: readonly JsFile[], key: 'bytes' | 'gzipBytes') =>
    list.reduce((total, file) => total + file[key], 0);
  const firstLoadList = firstLoad.map((file) => {
    const found = byFile.get(file);
    if (!found) throw new Error(`the manifest names ${file}, which the build did not write`);
    return found;
  });

  const totalGz = sum(files, 'gzipBytes') / KB;
  const firstGz = sum(firstLoadList, 'gzipBytes') / KB;
  const ratio = totalGz / BUDGET_KB;
  const largest = [...files].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 3);
  return {
    name: NAME,
    title: 'gzipped JavaScript of the dashboard build',
    baseline: {
      name: `budget ${BUDGET_KB} KB gzipped`,
      runsMs: [],
      medianMs: Number.NaN,
      display: `${BUDGET_KB} KB gz (budget)`,
    },
    ours: {
      name: 'dashboard JS, all chunks',
      runsMs: [buildMs],
      medianMs: buildMs,
      display: `${fixed(totalGz, 1)} KB gz (${files.length} files)`,
    },
    ratioLabel: `all dashboard JS gzipped ÷ ${BUDGET_KB} KB budget`,
    ratio,
    comparison: '<',
    target: 1,
    pass: judge(ratio, '<', 1),
    info: {
      'JS files': files.length,
      'all JS raw KB': fixed(sum(files, 'bytes') / KB, 1),
      'all JS gzipped KB': fixed(totalGz, 1),
      'first-load JS gzipped KB': fixed(firstGz, 1),
      'first-load JS raw KB': fixed(sum(firstLoadList, 'bytes') / KB, 1),
      'first-load ÷ budget': fixed(firstGz / BUDGET_KB),
      'first-load files': firstLoad.join(', '),
      'largest chunks gzipped': largest
        .map((file) => `${file.file} ${fixed(file.gzipBytes / KB, 1)} KB`)
        .join(', '),
      'build ms': fixed(buildMs, 0),
    },
    notes: [],
  };
}

/** Runs the production build of web/ into `outDir`, with a manifest. */
function viteBuild(outDir: string): Promise<void> {
  const args = [
    VITE,
    'build',
    '--config',
    CONFIG,
    '--outDir',
    outDir,
    '--emptyOutDir',
    '--manifest',
    '--logLevel',
    'warn',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`)),
    );
  });
}

/** Every `.js` file under `dir`, relative, with `/` separators. */
async function listJs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * The JS a first visit loads: index.html's entry chunk and, transitively, its static imports (the
 * modulepreload links); dynamic imports (lazy pages) are left out. Checked against index.html.
 */
async function firstLoadFiles(outDir: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entry = manifest['index.html'] ?? Object.values(manifest).find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('the Vite manifest has no entry chunk');
  const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
  if (!html.includes(entry.file)) throw new Error(`index.html does not load the entry chunk ${entry.file}`);
  const files: string[] = [];
  const visit = (chunk: ManifestChunk) => {
    if (files.includes(chunk.file)) return;
    files.push(chunk.file);
    for (const key of chunk.imports ?? []) {
      const imported = manifest[key];
      if (imported) visit(imported);
    }
  };
  visit(entry);
  return files.filter((file) => file.endsWith('.js'));
}

/** Folders this benchmark generates under bench/.work. */
export const BUNDLE_SUBDIRS = [SUBDIR];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runBundleBench();
  console.log(
    `${result.title}: ${fixed(result.ratio)}× (target ${result.comparison} ${result.target}) ${result.pass ? 'PASS' : 'MISS'}`,
  );
}
