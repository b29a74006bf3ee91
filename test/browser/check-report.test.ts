import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/checker/index.ts';
import { renderJson } from '../../src/report/index.ts';
import { OPEN_WASHED_LOCATIONS, openWashedReport } from '../fixtures/report-packs.ts';
import { browserSkipReason } from './support/browser.ts';
import { type FailureHook, openTab, settled, WAIT } from './support/dashboard-tab.ts';
import { type RunningDashboard, startDashboard } from './support/start-dashboard.ts';

/*
 * The "check a release" page in real Chromium, showing a real report (checkPack over memory packs, written
 * by renderJson exactly as POST /api/check answers): a release spanning two locations, whose weights are
 * only linked and which calls itself open source under a restricted license. The browser's POST
 * /api/check is answered with that report, so nothing leaves 127.0.0.1.
 */

const skipReason = browserSkipReason();
if (skipReason) console.warn(skipReason);

describe.skipIf(skipReason !== null)('check page in Chromium: verification, open-washing, locations', () => {
  let dashboard: RunningDashboard<null>;
  let baseUrl: string;
  let context: BrowserContext;
  let report: CheckReport;

  beforeAll(async () => {
    report = await openWashedReport();
    dashboard = await startDashboard('check-report', async () => null);
    ({ baseUrl, context } = dashboard);
  }, 180_000);

  afterAll(async () => {
    await dashboard?.stop();
  });

  const openPage = (name: string, onTestFailed: FailureHook) => openTab(context, name, onTestFailed);

  it('marks the linked component, warns of open-washing and lists the locations', async ({
    onTestFailed,
  }) => {
    const { page, errors } = await openPage('check-report-open-washing', onTestFailed);
    const asked: unknown[] = [];
    await page.route('**/api/check', async (route) => {
      asked.push(route.request().postDataJSON());
      await route.fulfill({ status: 200, contentType: 'application/json', body: renderJson([report]) });
    });
    await page.goto(`${baseUrl}/check`);
    await settled(page);
    await page.getByLabel('Release').fill(OPEN_WASHED_LOCATIONS.model);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.locator('#report-title').waitFor(WAIT);
    expect(asked).toEqual([{ source: OPEN_WASHED_LOCATIONS.model }]);

    // The weights are known only by a link: a badge in words, with its meaning as tooltip and for screen readers.
    const weights = page.locator('[data-component="final-parameters"]');
    const linked = weights.locator('[data-testid="verification-badge"]');
    expect(await linked.count()).toBe(1);
    expect(await linked.getAttribute('data-verification')).toBe('linked-unverified');
    expect(await linked.getAttribute('title')).toBe(
      'Linked, unverified: known only by a link, not verified; earns half its points',
    );
    // The words show; the meaning follows them for screen readers only.
    expect(await linked.textContent()).toBe(
      'Linked, unverified: known only by a link, not verified; earns half its points',
    );
    expect(await linked.locator('.visually-hidden').textContent()).toBe(
      ': known only by a link, not verified; earns half its points',
    );
    expect(await weights.getAttribute('class')).toContain('linked');
    // The training code was read in the code repository: verified. Closed components carry no badge.
    const code = page.locator('[data-component="training-code"] [data-testid="verification-badge"]');
    expect(await code.getAttribute('data-verification')).toBe('verified');
    expect(await code.textContent()).toMatch(/^Verified: /);
    expect(
      await page.locator('[data-component="training-datasets"] [data-testid="verification-badge"]').count(),
    ).toBe(0);
    const badges = page.locator('ul.component-grid [data-verification="linked-unverified"]');
    expect(await badges.count()).toBe(
      report.profile.components.filter((component) => component.verification === 'linked-unverified').length,
    );
    // The training code's evidence names the repository it was read in.
    const evidence = page.locator('[data-component="training-code"] details');
    await evidence.locator('summary').click();
    expect(await evidence.locator('.evidence').textContent()).toContain(
      'github.com/acme/acme-train/train.py',
    );

    // The open-washing flag: a visible warning with the reason and the claim, not an error alert.
    const flag = page.getByRole('region', { name: 'Open-washing' });
    await flag.waitFor(WAIT);
    expect(await flag.isVisible()).toBe(true);
    expect(await flag.getAttribute('data-flagged')).toBe('true');
    const flagText = await flag.textContent();
    expect(flagText).toContain(
      'This release calls itself open source, but the weights are under llama3.1 (restricted).',
    );
    const claims = flag.getByRole('listitem');
    expect(await claims.allTextContents()).toEqual([
      'acme-chat-8b is our open-source model for chat. in README.md:7',
    ]);
    expect(await claims.locator('q').textContent()).toBe('acme-chat-8b is our open-source model for chat.');
    expect(flagText).toMatch(/Withheld parts the Model Openness Framework requires: .*training-datasets/);
    expect(await page.locator('main [role="alert"]').count()).toBe(0);

    // The locations the release spans, each with its role and file count.
    const locations = page.getByRole('list', { name: 'Locations of the release' }).locator('li');
    expect(await locations.allTextContents()).toEqual([
      `${OPEN_WASHED_LOCATIONS.model} (page (opens in a new tab)): checked, 2 files`,
      `${OPEN_WASHED_LOCATIONS.code} (page (opens in a new tab)): named with it, 3 files`,
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows no warning and no linked badge for a release read in full that makes no claim', async ({
    onTestFailed,
  }) => {
    const { page, errors } = await openPage('check-report-plain', onTestFailed);
    const plain = await openWashedReport();
    plain.profile.openWashing = null;
    plain.locations = plain.locations.slice(0, 1);
    for (const component of plain.profile.components)
      if (component.verification === 'linked-unverified') component.verification = 'verified';
    await page.route('**/api/check', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: renderJson([plain]) }),
    );
    await page.goto(`${baseUrl}/check`);
    await settled(page);
    await page.getByLabel('Release').fill(OPEN_WASHED_LOCATIONS.model);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.locator('#report-title').waitFor(WAIT);
    expect(
      await page
        .locator('[data-component="final-parameters"] [data-testid="verification-badge"]')
        .getAttribute('data-verification'),
    ).toBe('verified');
    expect(await page.locator('[data-verification="linked-unverified"]').count()).toBe(0);
    expect(await page.locator('[data-testid="open-washing-notice"]').count()).toBe(0);
    expect(await page.getByRole('list', { name: 'Locations of the release' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
