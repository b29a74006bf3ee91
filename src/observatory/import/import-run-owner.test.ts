import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { currentImportRunOwner, processIsGone } from './import-run-owner.ts';

describe('import run owners', () => {
  it('names this process and its machine', () => {
    const owner = currentImportRunOwner();
    expect(owner.pid).toBe(process.pid);
    expect(owner.host.startsWith(hostname())).toBe(true);
  });

  it('finds a live process alive and an exited one gone', async () => {
    expect(processIsGone(process.pid)).toBe(false);
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await once(child, 'exit');
    expect(processIsGone(child.pid!)).toBe(true);
  });

  it('never calls a process gone from an id that is not one', () => {
    for (const pid of [0, -1, Number.NaN, 1.5]) expect(processIsGone(pid), String(pid)).toBe(false);
  });

  it.skipIf(!existsSync('/proc/self/stat'))(
    'calls a zombie gone (it exited; its parent never reaped it)',
    async () => {
      // `sleep 0` exits in the background while its parent becomes `sleep 30`, which never waits for it.
      const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      try {
        const [line] = (await once(parent.stdout!, 'data')) as [Buffer];
        const pid = Number(line.toString().trim());
        const state = () => {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
        };
        for (let i = 0; i < 100 && state() !== 'Z'; i++)
          await new Promise((resolve) => setTimeout(resolve, 20));
        expect(state()).toBe('Z');
        expect(processIsGone(pid)).toBe(true);
      } finally {
        parent.kill('SIGKILL');
      }
    },
  );
});
