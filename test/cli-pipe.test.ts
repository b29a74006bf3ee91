import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('the aperture binary', () => {
  it('ends quietly when the reader closes the pipe early', () => {
    // `head -c 0` closes stdin at once, so the report's write fails with EPIPE.
    const script = [
      'node --import tsx src/cli/bin.ts check examples/open-science-pack --json | head -c 0',
      // The first command's exit code, from bash's PIPESTATUS array.
      'echo "rc=$' + '{PIPESTATUS[0]}"',
    ].join('; ');
    const result = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).not.toContain('EPIPE');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout.trim()).toBe('rc=0');
  });
});
