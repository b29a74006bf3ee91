import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingIo } from '../test-support/recording-io.ts';
import { withStore } from './with-store.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'aperture-with-store-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('withStore', () => {
  it('opens --db relative to the working directory, migrated, and returns what the work returns', async () => {
    const io = recordingIo({ cwd: dir });
    const count = await withStore(io, 'a.db', async (store) => {
      const rows = await store.db.selectFrom('benchmarks').select('id').execute();
      return rows.length;
    });
    expect(count).toBe(0);
    expect(existsSync(path.join(dir, 'a.db'))).toBe(true);
  });

  it('passes the work’s error on, and the store can be opened again afterwards', async () => {
    const io = recordingIo({ cwd: dir });
    await expect(
      withStore(io, 'b.db', async () => {
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    expect(await withStore(io, 'b.db', async () => 'reopened')).toBe('reopened');
  });

  it('with mustExist, refuses a missing file without creating it', async () => {
    const io = recordingIo({ cwd: dir });
    await expect(withStore(io, 'missing.db', async () => 'never', { mustExist: true })).rejects.toMatchObject(
      {
        code: 'ERR_NOT_FOUND',
      },
    );
    expect(existsSync(path.join(dir, 'missing.db'))).toBe(false);
  });
});
