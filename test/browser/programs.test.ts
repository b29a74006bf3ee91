import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoPrograms, type VerifyOutcome, verifyDeliverables } from '../../src/programs/index.ts';
import { browserSkipReason } from './support/browser.ts';
import { expectPagesLoad, openTab, settled, settledOn, WAIT } from './support/dashboard-tab.ts';
import { seedCatalog } from './support/seed-catalog.ts';
import { type RunningDashboard, startDashboard } from './support/start-dashboard.ts';

/*
 * The programs pages in real Chromium over the bundled demo program, verified as of a fixed day with the
 * real checker, beside a seeded observatory catalog (the "field" of the portfolio): the pages load
 * cleanly, the staged-release timeline draws its milestones, an overdue deliverable says so in words,
 * and the portfolio chart draws bars. Failing tests leave a screenshot in test-results/screenshots/.
 */

const skipReason = browserSkipReason();
if (skipReason) console.warn(skipReason);

const PROGRAM = 'open-artifacts-fellowship';
/** The demo award whose preprint and code stages are overdue on the as-of day. */
const OVERDUE_AWARD = 'oaf-2026-quarry';
const AS_OF = '2026-06-01';

describe.skipIf(skipReason !== null)('programs pages in Chromium', () => {
  let dashboard: RunningDashboard<VerifyOutcome>;
  let baseUrl: string;
  let context: BrowserContext;
  let verified: VerifyOutcome;

  beforeAll(async () => {
    dashboard = await startDashboard('programs', async (db) => {
      await seedCatalog(db);
      await loadDemoPrograms(db);
      return verifyDeliverables(db, { program: PROGRAM, asOf: AS_OF });
    });
    ({ baseUrl, context, seeded: verified } = dashboard);
  }, 180_000);

  afterAll(async () => {
    await dashboard?.stop();
  });

  it('loads the programs pages without console errors, with nav links', async ({ onTestFailed }) => {
    const { page, errors } = await openTab(context, 'programs-pages-load', onTestFailed);
    await expectPagesLoad(page, baseUrl, [
      '/programs',
      `/programs/${PROGRAM}`,
      `/awards/${OVERDUE_AWARD}`,
      '/awards/oaf-2026-pebble',
      '/awards/oaf-2026-chem',
    ]);
    // From the navigation to an award, by links.
    await page.goto(`${baseUrl}/`);
    await settled(page);
    await page.locator('nav[aria-label="Main"]').getByRole('link', { name: 'Programs' }).click();
    await page.waitForURL(/\/programs$/, WAIT);
    await settledOn(page, 'Funding programs');
    const row = page.locator('main table tbody tr').first();
    expect(await row.textContent()).toContain('Compute fellowship');
    // The status bar names its counts in words, not in colour alone.
    expect(await row.locator('.status-counts').textContent()).toMatch(/\d+ overdue/);
    await page.getByRole('link', { name: 'Open Artifacts Fellowship (demo)' }).click();
    await page.waitForURL(new RegExp(`/programs/${PROGRAM}$`), WAIT);
    await settledOn(page, 'Open Artifacts Fellowship');
    expect(await page.locator('main .requirements > li').count()).toBe(3);
    await page.getByRole('link', { name: /Quarry Systems/ }).click();
    await page.waitForURL(new RegExp(`/awards/${OVERDUE_AWARD}$`), WAIT);
    await settledOn(page, 'Quarry Systems');
    expect(await page.locator('main h1').textContent()).toContain('Quarry Systems');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the staged-release timeline with milestone marks and labels an overdue deliverable', async ({
    onTestFailed,
  }) => {
    const { page, errors } = await openTab(context, 'award-timeline', onTestFailed);
    await page.goto(`${baseUrl}/awards/${OVERDUE_AWARD}`);
    await settled(page);
    const timeline = page.locator('svg[data-testid="release-timeline"]');
    // Recharts draws the marks after the chart's first layout pass.
    await timeline.locator('g.milestone').first().waitFor(WAIT);
    expect(await timeline.getAttribute('role')).toBe('img');
    // Four milestones (preprint, code, evals, weights): a due mark each, and the released ones a dot.
    expect(await timeline.locator('g.milestone').count()).toBe(4);
    expect(await timeline.locator('.milestone-due').count()).toBe(4);
    expect(await timeline.locator('.milestone-released').count()).toBe(2);
    // Overdue stages are a distinct mark and a word, and the as-of line names the verification day.
    expect(await timeline.locator('.milestone-overdue').count()).toBe(2);
    expect(await timeline.locator('text.overdue-label').allTextContents()).toEqual([
      '⚠ Overdue',
      '⚠ Overdue',
    ]);
    expect(await timeline.locator('.as-of-label').textContent()).toBe(`as of ${AS_OF}`);
    expect(await timeline.locator('desc').textContent()).toContain('preprint: due 2026-02-28, not released');
    // The overdue deliverable says so in words, with what is missing.
    const overdue = page.locator('li.deliverable-overdue');
    expect(await overdue.count()).toBeGreaterThan(0);
    expect(await overdue.first().locator('.badge').textContent()).toBe('Overdue');
    expect(await overdue.first().locator('.missing li').count()).toBeGreaterThan(0);
    // The verification history lists this run's results.
    const expected = verified.results.filter((result) => result.award === OVERDUE_AWARD).length;
    const history = page.getByRole('table', { name: /Verification results/ });
    expect(await history.locator('tbody tr').count()).toBe(expected);
    expect(await page.locator(`a[href="/api/awards/${OVERDUE_AWARD}?format=csv"]`).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the portfolio chart with data and its table', async ({ onTestFailed }) => {
    const { page, errors } = await openTab(context, 'program-portfolio', onTestFailed);
    await page.goto(`${baseUrl}/programs/${PROGRAM}`);
    await settled(page);
    const chart = page.locator('[data-testid="chart-portfolio"]');
    await chart.locator('.recharts-bar-rectangle path').first().waitFor(WAIT);
    expect(await chart.locator('.recharts-bar-rectangle path').count()).toBeGreaterThan(0);
    expect(await chart.getAttribute('role')).toBe('img');
    // The table holds both groups for the four classes, and the seeded catalog is the field.
    const table = page.getByRole('table', { name: 'Models by group and MOF class', includeHidden: true });
    expect(await table.locator('tbody tr').count()).toBe(8);
    expect(await page.locator('main').textContent()).not.toContain(
      'the observatory catalog has no scored models',
    );
    expect(await page.locator(`a[href="/api/programs/${PROGRAM}/portfolio?format=csv"]`).count()).toBe(1);
    expect(await page.locator(`a[href="/api/programs/${PROGRAM}?format=csv"]`).count()).toBe(1);
    // The awards table carries status words.
    expect(
      await page
        .getByRole('table', { name: /Awards of/ })
        .locator('tbody tr')
        .count(),
    ).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });
});
