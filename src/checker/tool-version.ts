import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** Aperture's version, from package.json (found from source and from the build alike). */
export function toolVersion(): string {
  if (cached) return cached;
  for (const candidate of ['../../package.json', '../../../package.json']) {
    try {
      const json = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (json.name === 'aperture' && json.version) {
        cached = json.version;
        return cached;
      }
    } catch {
      // try the next place
    }
  }
  cached = '0.0.0';
  return cached;
}
