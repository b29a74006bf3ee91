import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWatchReleases } from '../support/seed-watch-releases.ts';
import { browserSkipReason } from './support/browser.ts';
import { openTab, settled, settledOn, WAIT } from './support/dashboard-tab.ts';
import { type RunningDashboard, startDashboard } from './support/start-dashboard.ts';

/*
 * The release watch page in real Chromium: releases the watch found, newest first, with their openness,
 * a filter applied through the URL and the form, the Atom feed linked (in the head too) with the same
 * filters. Failing tests leave a screenshot in test-results/screenshots/.
 */

const skipReason = browserSkipReason();
if (skipReason) console.warn(skipReason);

describe.skipIf(skipReason !== null)('release watch page in Chromium', () => {
  let dashboard: RunningDashboard<unknown>;
  let baseUrl: string;
  let context: BrowserContext;

  beforeAll(async () => {
    dashboard = await startDashboard('releases', (db) =>
      seedWatchReleases(db, [
        {
          repoId: 'mistralai/Open-7B',
          country: 'FR',
          organization: 'Mistral AI',
          score: 72,
          mofClass: 'II',
          openWashing: false,
        },
        {
          repoId: 'bigco/Claims-Open',
          country: 'US',
          score: 18,
          mofClass: null,
          openWashing: true,
          reason: 'calls itself open source, but its license restricts use',
        },
        { repoId: 'bigco/Broken', country: 'US', status: 'check-failed' },
      ]),
    );
    ({ baseUrl, context } = dashboard);
  }, 180_000);

  afterAll(async () => {
    await dashboard?.stop();
  });

  it('lists new releases with their openness, filters them and links the matching feed', async ({
    onTestFailed,
  }) => {
    const { page, errors } = await openTab(context, 'releases', onTestFailed);
    await page.goto(`${baseUrl}/`);
    await settled(page);
    // Every page names the feed in its head, for feed readers.
    expect(
      await page
        .locator('head link[rel="alternate"][type="application/atom+xml"]')
        .first()
        .getAttribute('href'),
    ).toBe('/feed.atom');
    await page.locator('nav[aria-label="Main"]').getByRole('link', { name: 'Release watch' }).click();
    await page.waitForURL(/\/releases$/, WAIT);
    await settledOn(page, 'Release watch');

    const rows = page.locator('main table tbody tr');
    await rows.first().waitFor(WAIT);
    expect(await rows.count()).toBe(3);
    const rowOf = (repo: string) => page.locator('main table tbody tr', { hasText: repo });
    expect(await rowOf('bigco/Broken').textContent()).toContain('not checked');
    expect(await rowOf('mistralai/Open-7B').locator('td').nth(3).textContent()).toBe('72 / 100');
    expect(await rowOf('mistralai/Open-7B').locator('td').nth(4).textContent()).toBe('II');
    expect(await rowOf('bigco/Claims-Open').getByTestId('open-washing-badge').getAttribute('title')).toMatch(
      /license restricts use/,
    );

    await page.getByLabel('Open-washing').selectOption('true');
    await page.waitForURL(/openWashing=true/, WAIT);
    await rowOf('mistralai/Open-7B').waitFor({ state: 'detached', ...WAIT });
    // The table may be between answers (loading) when the old row leaves: wait for the filtered one.
    await expect.poll(() => rows.count(), WAIT).toBe(1);
    expect(await page.getByTestId('feed-link').getAttribute('href')).toBe('/feed.atom?openWashing=true');

    await page.getByLabel('Open-washing').selectOption('');
    await page.getByLabel('Country (ISO code)').fill('fr');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/country=FR/, WAIT);
    await rowOf('bigco/Claims-Open').waitFor({ state: 'detached', ...WAIT });
    await expect.poll(() => rows.count(), WAIT).toBe(1);
    expect(await rows.first().textContent()).toContain('mistralai/Open-7B');

    // The linked feed is served, well-formed, with the same single release.
    const feed = await page.request.get(
      `${baseUrl}${await page.getByTestId('feed-link').getAttribute('href')}`,
    );
    expect(feed.headers()['content-type']).toMatch(/application\/atom\+xml/);
    expect((await feed.text()).match(/<entry>/g)).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
