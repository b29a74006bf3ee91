/** Where a command writes, so tests can capture output and decide whether it is a TTY. */
export interface CliIo {
  stdout: { write(text: string): void; isTTY?: boolean };
  stderr: { write(text: string): void; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

/** The process's own streams. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/** Colour on a TTY unless NO_COLOR is set, or forced with FORCE_COLOR. */
export function wantsColor(io: CliIo, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(io[stream].isTTY);
}
