import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

/** The process that runs an import, as `import_runs.owner_host` and `owner_pid` record it. */
export interface ImportRunOwner {
  /**
   * The process table `pid` belongs to: the host name, followed by the PID namespace when the process
   * runs in a container's own (`/proc/self/ns/pid`), so that two containers sharing a host name never
   * take each other's process ids for their own.
   */
  host: string;
  pid: number;
}

/** `/proc/self/ns/pid` of the initial PID namespace (the kernel's PROC_PID_INIT_INO): a plain host. */
const INITIAL_PID_NAMESPACE = 'pid:[4026531836]';

let cachedHost: string | undefined;

function processTable(): string {
  if (cachedHost !== undefined) return cachedHost;
  let namespace: string | null = null;
  try {
    namespace = readlinkSync('/proc/self/ns/pid');
  } catch {
    // Not Linux, or no /proc: the host name alone names the process table.
  }
  cachedHost = namespace && namespace !== INITIAL_PID_NAMESPACE ? `${hostname()} ${namespace}` : hostname();
  return cachedHost;
}

/**
 * This process as the owner of an import run.
 *
 * @example
 * const { host, pid } = currentImportRunOwner(); // { host: 'build-01', pid: 4242 }
 */
export function currentImportRunOwner(): ImportRunOwner {
  return { host: processTable(), pid: process.pid };
}

/** True when /proc says the process has exited and waits to be reaped by its parent (a zombie). */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // `pid (command) state …`: the command may hold spaces and parentheses, the state follows the last `)`.
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return false;
  }
}

/**
 * True when no live process of this machine has the id `pid`: signal 0 finds none (ESRCH), or finds
 * a zombie. False when one exists (EPERM: someone else's) or when the id is not a process id at all,
 * so that only a certain absence counts.
 *
 * @example
 * if (processIsGone(run.owner_pid)) markInterrupted(run);
 */
export function processIsGone(pid: number): boolean {
  // 0 and negative ids name process groups for kill(2); they say nothing about one process.
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  return isZombie(pid);
}
