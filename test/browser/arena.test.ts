import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoArena } from '../../src/arena/index.ts';
import type { buildServer } from '../../src/server/index.ts';
import { browserSkipReason } from './support/browser.ts';
import { expectPagesLoad, openTab, settled, settledOn, WAIT } from './support/dashboard-tab.ts';
import { type RunningDashboard, startDashboard } from './support/start-dashboard.ts';

/*
 * The arena pages in real Chromium over the bundled demo benchmark (a closed round with private scores
 * and bootstrap intervals, a running round with Ladder scores): pages load cleanly, the closed round's
 * leaderboard draws an interval per team and shows shared ranks, team histories are charted, and the
 * transparency log's head matches the export. Failing tests leave a screenshot in test-results/screenshots/.
 */

const skipReason = browserSkipReason();
if (skipReason) console.warn(skipReason);

describe.skipIf(skipReason !== null)('arena pages in Chromium', () => {
  let dashboard: RunningDashboard<Awaited<ReturnType<typeof loadDemoArena>>>;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let baseUrl: string;
  let context: BrowserContext;
  let slug: string;

  beforeAll(async () => {
    dashboard = await startDashboard('arena', (db) => loadDemoArena(db));
    ({ baseUrl, context, app } = dashboard);
    slug = dashboard.seeded.benchmark;
  }, 180_000);

  afterAll(async () => {
    await dashboard?.stop();
  });

  it('loads the arena pages without console errors', async ({ onTestFailed }) => {
    const { page, errors } = await openTab(context, 'arena-pages-load', onTestFailed);
    await expectPagesLoad(page, baseUrl, ['/arena', `/arena/${slug}`, `/arena/${slug}?round=round-1`]);
    await page.goto(`${baseUrl}/arena`);
    await settled(page);
    await page.getByRole('link', { name: /Toy Sentiment/ }).click();
    await page.waitForURL(new RegExp(`/arena/${slug}$`), WAIT);
    await settledOn(page, /Toy Sentiment/);
    expect(
      await page
        .getByRole('table', { name: /Rounds of/ })
        .locator('tbody tr')
        .count(),
    ).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the closed round leaderboard with intervals and shared ranks', async ({ onTestFailed }) => {
    const { page, errors } = await openTab(context, 'arena-leaderboard', onTestFailed);
    const board = (await (
      await app.inject({ url: `/api/arena/benchmarks/${slug}/leaderboard?round=round-1` })
    ).json()) as { entries: Array<{ rank: number; team: string }> };
    await page.goto(`${baseUrl}/arena/${slug}`);
    await settled(page);
    await page.getByRole('combobox', { name: 'Round' }).selectOption('round-1');
    await page.waitForURL(/round=round-1/, WAIT);
    await settled(page);
    const chart = page.locator('svg[data-testid="leaderboard-intervals"]');
    await chart.waitFor(WAIT);
    expect(await chart.locator('g.interval-row').count()).toBe(board.entries.length);
    expect(await chart.locator('.ci-interval').count()).toBe(board.entries.length);
    expect(await chart.locator('circle.ci-score').count()).toBe(board.entries.length);
    const table = page.getByRole('table', { name: /Leaderboard of round-1/ });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(board.entries.length);
    expect(await rows.first().locator('td').nth(3).textContent()).toMatch(/^\d\.\d+ – \d\.\d+$/);
    const ranks = board.entries.map((entry) => entry.rank);
    if (new Set(ranks).size < ranks.length) {
      expect(await table.textContent()).toContain('(shared)');
    }
    expect(await page.locator(`a[href*="/leaderboard?round=round-1&format=csv"]`).count()).toBe(1);
    // Each team's history is charted, with a table of every submission.
    await page
      .locator('[data-testid="chart-team-history"] path.recharts-curve')
      .first()
      .waitFor({ ...WAIT, state: 'attached' });
    expect(await page.locator('[data-testid="chart-team-history"] path.recharts-curve').count()).toBe(
      board.entries.length,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the transparency log head and how to verify it', async ({ onTestFailed }) => {
    const { page, errors } = await openTab(context, 'arena-log', onTestFailed);
    const lines = (await app.inject({ url: '/api/arena/log' })).body.trim().split('\n');
    const head = (JSON.parse(lines.at(-1)!) as { hash: string }).hash;
    await page.goto(`${baseUrl}/arena/${slug}`);
    await settled(page);
    const facts = page.locator('[data-testid="log-head"]');
    expect(await facts.textContent()).toContain(head);
    expect(await facts.textContent()).toContain(String(lines.length));
    expect(await page.locator('main pre').textContent()).toBe(
      `aperture arena verify-log arena-log.jsonl --count ${lines.length} --head ${head}`,
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
