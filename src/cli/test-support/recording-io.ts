import type { CliIo } from '../io.ts';
import { main } from '../main.ts';

/** Options of a recording io. */
export interface RecordingIoOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Whether stdout claims to be a terminal. */
  tty?: boolean;
}

/** A CliIo that records what a command writes, for tests. */
export type RecordingIo = CliIo & { out(): string; err(): string };

/**
 * An io for driving `main(argv, io)` in tests: records stdout and stderr, never a terminal unless asked.
 *
 * @example
 * const io = recordingIo({ cwd: dir });
 * expect(await main(['validate'], io)).toBe(0);
 * expect(io.out()).toContain('valid');
 */
export function recordingIo(options: RecordingIoOptions = {}): RecordingIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: { write: (text: string) => void out.push(text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => void err.push(text), isTTY: false },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

/** Runs the CLI in-process and returns its exit code and output. */
export async function runCli(
  argv: readonly string[],
  options: RecordingIoOptions = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = recordingIo(options);
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}
