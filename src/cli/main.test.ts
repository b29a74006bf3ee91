import { describe, expect, it } from 'vitest';
import { runCli } from './test-support/recording-io.ts';

describe('main', () => {
  it('words usage errors like every other error, exit 2', async () => {
    const missing = await runCli(['check']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')[0]).toBe("aperture: missing required argument 'targets'");
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^aperture: unknown command 'frobnicate'/);
  });

  it('prints help and version with exit 0', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['check', 'validate', 'init', 'schema', 'badge'])
      expect(help.stdout).toContain(command);
    expect((await runCli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('gives every subcommand examples in its help', async () => {
    for (const command of ['check', 'validate', 'init', 'schema', 'badge']) {
      const help = await runCli([command, '--help']);
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toContain('$ aperture');
    }
  });
});
