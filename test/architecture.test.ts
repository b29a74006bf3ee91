import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');
const WEB = path.resolve(import.meta.dirname, '../web/src');

/**
 * The doors of src/ the dashboard may use: the API contract for its types (`import type` only, since its
 * zod schemas would otherwise come into the bundle) and the vocabularies, plain constants, for values too.
 */
const WEB_DOORS = {
  [path.join(SRC, 'spec/api/index.ts')]: 'types',
  [path.join(SRC, 'spec/vocabularies/index.ts')]: 'values',
} as const;

/** Which modules each module may import (STYLE.md's dependency direction). */
const ALLOWED: Record<string, readonly string[]> = {
  errors: [],
  types: [],
  util: ['errors'],
  // spec/ is the contract the dashboard imports too: zod and pure helpers only (see BROWSER_SAFE_PACKAGES).
  spec: ['errors'],
  infer: ['spec', 'util', 'errors'],
  // The Hugging Face Hub client (endpoint, names, fetch) that scan and observatory share.
  hub: ['spec', 'util', 'errors'],
  scan: ['hub', 'spec', 'infer', 'util', 'errors'],
  checks: ['spec', 'util', 'errors'],
  profile: ['spec', 'checks', 'util', 'errors'],
  checker: ['scan', 'checks', 'profile', 'spec', 'util', 'errors'],
  scaffold: ['checker', 'scan', 'hub', 'infer', 'spec', 'util', 'errors'],
  store: ['spec', 'util', 'errors'],
  report: ['checker', 'profile', 'checks', 'spec', 'util', 'errors'],
  arena: ['store', 'checker', 'checks', 'profile', 'spec', 'util', 'errors'],
  observatory: ['store', 'scan', 'hub', 'checks', 'profile', 'checker', 'spec', 'util', 'errors'],
  calibration: [
    'observatory',
    'checker',
    'profile',
    'checks',
    'scan',
    'hub',
    'infer',
    'spec',
    'util',
    'errors',
  ],
  programs: [
    'arena',
    'observatory',
    'store',
    'checker',
    'report',
    'profile',
    'checks',
    'scan',
    'hub',
    'spec',
    'util',
    'errors',
  ],
  server: [
    'programs',
    'arena',
    'observatory',
    'store',
    'checker',
    'report',
    'profile',
    'checks',
    'scan',
    'hub',
    'spec',
    'util',
    'errors',
  ],
  cli: [
    'programs',
    'arena',
    'server',
    'observatory',
    'store',
    'checker',
    'report',
    'profile',
    'checks',
    'scan',
    'hub',
    'infer',
    'scaffold',
    'spec',
    'util',
    'errors',
  ],
};

/**
 * The packages spec/ (and errors.ts, which it uses) may import: pure JavaScript that runs in a browser as
 * well as in Node, since the dashboard imports spec/. No `node:` module, no Node global.
 */
const BROWSER_SAFE_PACKAGES = [
  'zod',
  'yaml',
  'spdx-correct',
  'spdx-expression-parse',
  'spdx-license-list',
  '@nodesecure/licenses-conformance',
  'i18n-iso-countries',
  'fastest-levenshtein',
];

/** The package a bare import specifier names: `@scope/name` or `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function sourceFiles(dir: string, pattern = /\.ts$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full, pattern);
    return pattern.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

function moduleOf(file: string): string {
  const relative = path.relative(SRC, file);
  const [first] = relative.split(path.sep);
  return first!.replace(/\.ts$/, '');
}

function specifiersOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1] ?? match[2]!);
}

function importsOf(file: string): string[] {
  return specifiersOf(file).filter((specifier) => specifier.startsWith('.'));
}

/** The relative imports and re-exports of a file, each with whether it is type-only (`import type`). */
function relativeImportsOf(file: string): Array<{ specifier: string; typeOnly: boolean }> {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)\s+(type\s+)?[^'"]*?from\s+['"](\.[^'"]*)['"]|import\(\s*['"](\.[^'"]*)['"]\s*\)/g,
    ),
  ].map((match) => ({ specifier: match[2] ?? match[3]!, typeOnly: match[1] !== undefined }));
}

describe('architecture', () => {
  const files = sourceFiles(SRC);

  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('every module is known to the dependency rules', () => {
    const modules = new Set(files.map(moduleOf));
    for (const module of modules) expect(Object.keys(ALLOWED), `module ${module}`).toContain(module);
  });

  it('modules import each other only in the allowed direction and only through index.ts', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = moduleOf(file);
      const isTest = file.endsWith('.test.ts');
      for (const specifier of importsOf(file)) {
        const target = path.resolve(path.dirname(file), specifier);
        if (!target.startsWith(SRC)) continue;
        const to = moduleOf(target);
        if (to === from) continue;
        const where = `${path.relative(SRC, file)} → ${specifier}`;
        if (!isTest && !ALLOWED[from]?.includes(to))
          violations.push(`${where}: ${from} may not import ${to}`);
        const isFile = to === 'errors';
        if (!isFile && path.basename(target) !== 'index.ts')
          violations.push(`${where}: import ${to} through its index.ts`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('spec/ and errors.ts run in a browser: browser-safe packages only, no Node modules or globals', () => {
    const contract = files.filter(
      (file) => (moduleOf(file) === 'spec' || moduleOf(file) === 'errors') && !file.endsWith('.test.ts'),
    );
    expect(contract.length).toBeGreaterThan(10);
    const violations = contract.flatMap((file) => {
      const where = path.relative(SRC, file);
      const packages = specifiersOf(file).filter((specifier) => !specifier.startsWith('.'));
      const bad = packages
        .filter((specifier) => !BROWSER_SAFE_PACKAGES.includes(packageOf(specifier)))
        .map((specifier) => `${where} imports ${specifier}`);
      const text = readFileSync(file, 'utf8');
      const globals = [...text.matchAll(/\b(process|Buffer|__dirname|require)\s*[.(]/g)].map(
        (match) => `${where} uses ${match[1]}`,
      );
      return [...bad, ...globals];
    });
    expect(violations).toEqual([]);
  });

  it('the dashboard imports from src/ only through the API contract (types) and vocabularies (values) doors', () => {
    const files = sourceFiles(WEB, /\.tsx?$/);
    expect(files.length).toBeGreaterThan(20);
    const fromSrc = files.flatMap((file) =>
      relativeImportsOf(file)
        .map(({ specifier, typeOnly }) => ({
          where: `web/src/${path.relative(WEB, file)} → ${specifier}`,
          target: path.resolve(path.dirname(file), specifier),
          typeOnly,
        }))
        .filter(({ target }) => target.startsWith(SRC + path.sep)),
    );
    expect(fromSrc.length).toBeGreaterThan(0);
    const violations = fromSrc.flatMap(({ where, target, typeOnly }) => {
      const door = WEB_DOORS[target];
      if (door === undefined)
        return [`${where}: import src/spec/api/index.ts (types) or src/spec/vocabularies/index.ts`];
      if (door === 'types' && !typeOnly) return [`${where}: use \`import type\` (values would bundle zod)`];
      return [];
    });
    expect(violations).toEqual([]);
  });

  it('index.ts files re-export by name (no export *)', () => {
    const offenders = files.filter(
      (file) => file.endsWith('index.ts') && /export \*/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
