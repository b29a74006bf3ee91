import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/observatory/index.ts';
import { WORKS } from '../../src/observatory/test-support/openalex-works.ts';
import { browserSkipReason } from './support/browser.ts';
import { type FailureHook, openTab, settled, WAIT } from './support/dashboard-tab.ts';
import { type RunningDashboard, startDashboard } from './support/start-dashboard.ts';

/*
 * The two research-signal indicators and the AI Index counting notes in real Chromium, over a catalog
 * filled by the real importers: a small Epoch export (organisation categorisation, countries) and
 * OpenAlex works.
 */

const skipReason = browserSkipReason();
if (skipReason) console.warn(skipReason);

const EPOCH_CSV = [
  'Model,Organization,Organization categorization,Country (of organization),Publication date,Training compute (FLOP)',
  'Lab A 1,Uni A,Academia,Germany,2023-03-01,1e22',
  'Lab B 1,Corp B,Industry,United States of America,2023-05-01,1e24',
  'Lab C 1,"Uni A,Corp B","Academia,Industry","Germany,United States of America",2024-02-01,',
  'Lab B 2,Corp B,Industry,United States of America,2024-07-01,5e24',
  'Lab D 1,Corp D,Industry,China,2024-08-01,2e24',
].join('\n');

describe.skipIf(skipReason !== null)('research indicators in Chromium', () => {
  let dashboard: RunningDashboard<null>;
  let context: BrowserContext;
  let baseUrl: string;
  let dir = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'aperture-browser-research-'));
    await writeFile(path.join(dir, 'epoch.csv'), `${EPOCH_CSV}\n`);
    await writeFile(
      path.join(dir, 'works.jsonl'),
      `${WORKS.map((work) => JSON.stringify(work)).join('\n')}\n`,
    );
    dashboard = await startDashboard('research', async (db) => {
      await runImport(db, { kind: 'epoch', source: path.join(dir, 'epoch.csv') });
      await runImport(db, { kind: 'openalex-works', source: path.join(dir, 'works.jsonl') });
      return null;
    });
    ({ baseUrl, context } = dashboard);
  }, 180_000);

  afterAll(async () => {
    await dashboard?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const openPage = (name: string, onTestFailed: FailureHook) => openTab(context, name, onTestFailed);

  it('draws the university-labs shares as stacked bars and the baselines as lines', async ({
    onTestFailed,
  }) => {
    const { page, errors } = await openPage('research-charts', onTestFailed);
    await page.goto(`${baseUrl}/indicators/university-labs`);
    await settled(page);
    const labs = page.locator('[data-testid="chart-university-labs"]');
    await labs.locator('.recharts-bar-rectangle path').first().waitFor(WAIT);
    expect(await labs.locator('.recharts-bar-rectangle path').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('details table tbody tr').count()).toBe(4);

    await page.goto(`${baseUrl}/indicators/chinese-baselines`);
    await settled(page);
    const baselines = page.locator('[data-testid="chart-chinese-baselines"]');
    await baselines
      .locator('path.recharts-curve')
      .first()
      .waitFor({ ...WAIT, state: 'attached' });
    expect(await baselines.locator('path.recharts-curve').count()).toBeGreaterThan(0);
    expect(await page.locator('#definition').textContent()).toContain('Matching rule');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the counting notes computed from the catalog beside the AI Index figures', async ({
    onTestFailed,
  }) => {
    const { page, errors } = await openPage('research-notes', onTestFailed);
    await page.goto(`${baseUrl}/indicators/models-per-region`);
    await settled(page);
    const notes = page.locator('aside.references section', { hasText: 'How this catalog counts 2024' });
    await notes.waitFor(WAIT);
    const text = await notes.textContent();
    expect(text).toContain('organisations in 2 or more countries');
    expect(text).toContain('the region is the model’s only one');
    // Three models are dated 2024 in the seeded export.
    expect(await notes.locator('tbody tr').first().textContent()).toContain('3');
    expect(errors).toEqual([]);
    await page.close();
  });
});
