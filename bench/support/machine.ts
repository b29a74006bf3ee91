import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

/** The machine a benchmark ran on, printed first so figures can be compared. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  openssl: string;
  /** 1-minute load average when the run started: other work on the machine skews timings. */
  loadAverage: number;
}

/** Describes this machine: CPU model, cores, Node and openssl versions. */
export function describeMachine(): MachineInfo {
  let openssl = 'not found';
  try {
    openssl = execFileSync('openssl', ['version'], { encoding: 'utf8' }).trim();
  } catch {
    // Reported as missing; the checksum benchmark then says it cannot run.
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    openssl,
    loadAverage: currentLoad(),
  };
}

/** The 1-minute load average, two decimals (always 0 on Windows). */
export function currentLoad(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

/** The machine in one line. */
export function formatMachine(machine: MachineInfo): string {
  return [
    `machine: ${machine.cpu}`,
    `${machine.cores} cores`,
    `${machine.memoryGiB} GiB RAM`,
    `Node ${machine.node}`,
    machine.openssl,
    `load ${machine.loadAverage}`,
  ].join(', ');
}
