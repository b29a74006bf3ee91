import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshotPath } from './browser.ts';

/** How long the browser tests wait for anything to appear. */
export const WAIT = { timeout: 20_000 };

/** Vitest's `onTestFailed` from the test context. */
export type FailureHook = (handler: () => Promise<void> | void) => void;

/** A new tab that records console errors and page errors, and screenshots itself if the test fails. */
export async function openTab(
  context: BrowserContext,
  name: string,
  onTestFailed: FailureHook,
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  onTestFailed(async () => {
    await page.screenshot({ path: await screenshotPath(name), fullPage: true }).catch(() => undefined);
  });
  return { page, errors };
}

/** Waits until the page has its heading and nothing is loading any more. */
export async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor(WAIT);
  await expect.poll(() => page.locator('main [role="status"]').count(), WAIT).toBe(0);
}

/**
 * Like settled, after a client-side navigation: the previous page's heading stays until the next page
 * (loaded lazily) replaces it, so wait for the new heading first.
 */
export async function settledOn(page: Page, heading: string | RegExp): Promise<void> {
  await page.locator('main h1', { hasText: heading }).first().waitFor(WAIT);
  await settled(page);
}

/** Visits each path and asserts it renders the frame (main, navigation) without an error alert. */
export async function expectPagesLoad(page: Page, baseUrl: string, paths: readonly string[]): Promise<void> {
  for (const route of paths) {
    await page.goto(`${baseUrl}${route}`);
    await settled(page);
    expect(await page.locator('main').count(), route).toBe(1);
    expect(await page.locator('nav[aria-label="Main"]').count(), route).toBe(1);
    expect(await page.locator('main [role="alert"]').count(), `${route} shows an error`).toBe(0);
  }
}
