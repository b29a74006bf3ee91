import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root: the nearest folder above this file whose package.json is Aperture's, so the
 * answer is the same from src/server (tsx) and dist/src/server (the build).
 */
export function packageRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'aperture') return dir;
      } catch {
        // not ours; keep looking
      }
    }
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

/** Where Vite builds the dashboard: dist/web under the package root. */
export function defaultWebRoot(): string {
  return path.join(packageRoot(), 'dist', 'web');
}

/** The page `/` shows when the dashboard has not been built. */
export const DASHBOARD_NOT_BUILT_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Aperture</title></head>
<body>
<h1>Aperture</h1>
<p>The dashboard is not built. Run <code>npm run build</code>, then start <code>aperture serve</code> again.</p>
<p>The API is up: see <a href="/docs">/docs</a> and <a href="/openapi.json">/openapi.json</a>.</p>
</body>
</html>
`;
