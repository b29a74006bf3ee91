import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentImportRunOwner, markInterruptedImportRuns, runImport } from '../../src/observatory/index.ts';
import type { Database } from '../../src/store/index.ts';
import { browserSkipReason } from './support/browser.ts';
import { openTab, settled, settledOn, WAIT } from './support/dashboard-tab.ts';
import { type RunningDashboard, startDashboard } from './support/start-dashboard.ts';

/*
 * The import runs page in real Chromium: a finished, a failed, a running and an interrupted run (one left
 * running by a process that has exited, marked the way `aperture serve` does on start), each with its
 * status in words and its own look, interrupted unlike failed and unlike running. Failing tests leave a
 * screenshot in test-results/screenshots/.
 */

const skipReason = browserSkipReason();
if (skipReason) console.warn(skipReason);

const CSV = [
  'Model,Organization,Country (of organization),Publication date,Model accessibility',
  'Alpha,Lab A,United States of America,2024-01-02,Open weights (unrestricted)',
  '',
].join('\n');

/** Runs of each status; returns the source of each. */
async function seedRuns(db: Kysely<Database>, dir: string) {
  await writeFile(path.join(dir, 'models.csv'), CSV);
  await runImport(db, { kind: 'epoch', source: 'models.csv', cwd: dir });
  await runImport(db, { kind: 'epoch', source: 'broken.csv', cwd: dir }).catch(() => undefined);
  const here = currentImportRunOwner();
  const exited = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(exited, 'exit');
  const now = new Date().toISOString();
  await db
    .insertInto('import_runs')
    .values([
      // Left running by a process that is gone: marked below, as a start does.
      {
        kind: 'hf',
        source: 'killed-lab',
        started_at: now,
        owner_host: here.host,
        owner_pid: exited.pid!,
        heartbeat_at: now,
      },
      // Still running in this very process.
      {
        kind: 'hf',
        source: 'live-lab',
        started_at: now,
        owner_host: here.host,
        owner_pid: here.pid,
        heartbeat_at: now,
      },
    ])
    .execute();
  const marked = await markInterruptedImportRuns(db);
  expect(marked.map((run) => run.source)).toEqual(['killed-lab']);
  return { killedPid: exited.pid! };
}

describe.skipIf(skipReason !== null)('import runs page in Chromium', () => {
  let dashboard: RunningDashboard<{ killedPid: number }>;
  let baseUrl: string;
  let context: BrowserContext;
  let dir = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'aperture-browser-import-runs-'));
    dashboard = await startDashboard('import-runs', (db) => seedRuns(db, dir));
    ({ baseUrl, context } = dashboard);
  }, 180_000);

  afterAll(async () => {
    await dashboard?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows each run with its status in words, interrupted distinct from failed and running', async ({
    onTestFailed,
  }) => {
    const { page, errors } = await openTab(context, 'import-runs-statuses', onTestFailed);
    await page.goto(`${baseUrl}/`);
    await settled(page);
    await page.locator('nav[aria-label="Main"]').getByRole('link', { name: 'Imports' }).click();
    await page.waitForURL(/\/imports$/, WAIT);
    await settledOn(page, 'Import runs');

    const rowOf = (source: string) => page.locator('main table tbody tr', { hasText: source });
    const badgeOf = (source: string) => rowOf(source).locator('.badge');
    await rowOf('killed-lab').waitFor(WAIT);
    expect(await badgeOf('models.csv').textContent()).toBe('Finished');
    expect(await badgeOf('broken.csv').textContent()).toBe('Failed');
    expect(await badgeOf('live-lab').textContent()).toBe('Running');
    expect(await badgeOf('killed-lab').textContent()).toBe('Interrupted');
    // Its row says what happened to it: its process, and when it was found gone.
    const killed = (await rowOf('killed-lab').textContent()) ?? '';
    expect(killed).toContain(`process ${dashboard.seeded.killedPid}`);
    expect(await rowOf('killed-lab').locator('td').nth(5).textContent()).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/,
    );
    expect(await rowOf('live-lab').locator('td').nth(5).textContent()).toBe('–');

    const look = (source: string) =>
      badgeOf(source).evaluate((element) => {
        // Runs in the page; the tests' TypeScript has no DOM types.
        type Style = Record<'backgroundColor' | 'color' | 'borderStyle' | 'borderColor', string>;
        const view = globalThis as unknown as { getComputedStyle(target: unknown): Style };
        const style = view.getComputedStyle(element);
        return `${style.backgroundColor} ${style.color} ${style.borderStyle} ${style.borderColor}`;
      });
    const looks = await Promise.all(['models.csv', 'broken.csv', 'live-lab', 'killed-lab'].map(look));
    expect(new Set(looks).size, looks.join(' | ')).toBe(4);
    expect(await badgeOf('killed-lab').getAttribute('title')).toMatch(/gone/);

    // The legend names every status with its meaning, and the runs are downloadable.
    const legend = page.locator('main [aria-label="Import run statuses"]');
    expect(await legend.textContent()).toMatch(/Interrupted.*gone/);
    expect(await page.locator('main a[href="/api/import-runs?format=csv"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
