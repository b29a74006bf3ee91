import { execFile } from 'node:child_process';
import { ApertureError } from '../errors.ts';

/** How to run git. */
export interface GitRunOptions {
  /** The git program; `git` on the PATH by default. */
  binary?: string;
  /** Milliseconds before the process is killed. */
  timeoutMs: number;
  /** Extra `key=value` settings passed as `-c`, after the hardening ones (e.g. pinning a host's address). */
  config?: readonly string[];
}

// Configuration that no repository, template or user file can override for our runs: no hooks, no
// fsmonitor command, and only the transports Aperture accepts (never ext:: or fd::).
const HARDENING = [
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'core.fsmonitor=false',
  '-c',
  'protocol.allow=never',
  '-c',
  'protocol.ext.allow=never',
  '-c',
  'protocol.fd.allow=never',
  ...['https', 'http', 'ssh', 'git', 'file'].flatMap((scheme) => ['-c', `protocol.${scheme}.allow=always`]),
  '-c',
  'submodule.recurse=false',
  '-c',
  'advice.detachedHead=false',
];

// Variables a user may need for their network; every other GIT_* (GIT_DIR, GIT_CONFIG_*, …) is dropped.
const KEPT_GIT_VARIABLES = new Set(['GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_SSL_CAINFO', 'GIT_SSL_CAPATH']);

/** The environment git runs in: no prompts, no system config, no LFS downloads, English messages. */
export function gitEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) {
    if (!key.startsWith('GIT_') || KEPT_GIT_VARIABLES.has(key)) env[key] = value;
  }
  return {
    ...env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    GCM_INTERACTIVE: 'never',
    GIT_PROTOCOL_FROM_USER: '0',
    GIT_ALLOW_PROTOCOL: 'https:http:ssh:git:file',
    // Weights stay LFS pointers: a check must not download tens of gigabytes behind the user's back.
    GIT_LFS_SKIP_SMUDGE: '1',
    LC_ALL: 'C',
    ...(env.GIT_SSH || env.GIT_SSH_COMMAND ? {} : { GIT_SSH_COMMAND: 'ssh -o BatchMode=yes' }),
  };
}

/** The line of git's output that says what went wrong, on one line and without control characters. */
export function firstErrorLine(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const line = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? 'no message';
  const clean = line.replace(/\p{Cc}/gu, ' ');
  return clean.length > 300 ? `${clean.slice(0, 300)}…` : clean;
}

/**
 * Runs git without a shell, with hardening options before the caller's arguments, a scrubbed
 * environment and a timeout. `what` names the operation in error messages.
 *
 * @example
 * await runGit(['clone', '--depth', '1', '--', url, dir], 'git clone of ' + url, { timeoutMs: 300_000 });
 */
export function runGit(args: string[], what: string, options: GitRunOptions): Promise<string> {
  const binary = options.binary ?? 'git';
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      [...HARDENING, ...(options.config ?? []).flatMap((setting) => ['-c', setting]), ...args],
      {
        env: gitEnvironment(),
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 16 * 1024 * 1024,
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const failure = error as NodeJS.ErrnoException & { killed?: boolean };
        if (failure.code === 'ENOENT') {
          return reject(
            new ApertureError(
              'ERR_TOOL_MISSING',
              `${binary} was not found; install git to check git URLs, or give a local folder`,
              { cause: error },
            ),
          );
        }
        if (failure.killed) {
          return reject(
            new ApertureError(
              'ERR_SOURCE_UNAVAILABLE',
              `${what} timed out after ${Math.round(options.timeoutMs / 1000)} s`,
              { cause: error },
            ),
          );
        }
        reject(
          new ApertureError('ERR_SOURCE_UNAVAILABLE', `${what} failed: ${firstErrorLine(stderr)}`, {
            cause: error,
          }),
        );
      },
    );
  });
}
