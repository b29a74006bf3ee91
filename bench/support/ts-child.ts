import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Node arguments that run a TypeScript file through tsx, as `npm run bench` does. */
function nodeArgs(script: string, args: readonly string[], nodeFlags: readonly string[] = []): string[] {
  return [...nodeFlags, '--import', 'tsx', script, ...args];
}

/**
 * Runs a TypeScript script in a child Node process until it exits and returns the JSON of its last
 * stdout line. Its stderr goes to ours. A non-zero exit rejects with the code.
 *
 * @example
 * const result = await runTsChild<ImportChildResult>('bench/support/import-child.ts', ['bare', '1000', '100', 'x.db']);
 */
export function runTsChild<T>(
  script: string,
  args: readonly string[],
  nodeFlags: readonly string[] = [],
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs(script, args, nodeFlags), {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      out += text;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0) {
        reject(new Error(`${script} ${args.join(' ')} exited with ${code ?? signal}`));
        return;
      }
      const last = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${script} printed no JSON result: ${last.slice(0, 200)}`));
      }
    });
  });
}

/** A long-running child process that announced itself with one JSON line. */
export interface RunningChild<T> {
  child: ChildProcess;
  /** The JSON of the first stdout line. */
  ready: T;
  /** Ends the child (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts a TypeScript script in a child Node process and waits for the first stdout line, a JSON
 * announcement (e.g. the port a server listens on). Rejects if the child exits first.
 */
export function startTsChild<T>(script: string, args: readonly string[]): Promise<RunningChild<T>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs(script, args), { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const lines = createInterface({ input: child.stdout });
    let announced = false;
    lines.once('line', (line) => {
      announced = true;
      try {
        const ready = JSON.parse(line) as T;
        resolve({
          child,
          ready,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      } catch {
        child.kill('SIGTERM');
        reject(new Error(`${script} announced something other than JSON: ${line.slice(0, 200)}`));
      }
    });
    child.on('error', reject);
    child.once('exit', (code, signal) => {
      if (!announced)
        reject(new Error(`${script} ${args.join(' ')} exited with ${code ?? signal} before starting`));
    });
  });
}
