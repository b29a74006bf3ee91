import { existsSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** The Chromium the browser tests drive (Debian's package). */
export const CHROMIUM_PATH = process.env.APERTURE_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null when they can. */
export function browserSkipReason(): string | null {
  return existsSync(CHROMIUM_PATH)
    ? null
    : `browser tests skipped: no Chromium at ${CHROMIUM_PATH} (install chromium or set APERTURE_CHROMIUM)`;
}

/** A headless Chromium with a fresh profile, quiet (no background networking, updates or sync). */
export async function launchBrowser(): Promise<{ browser: Browser | null; context: BrowserContext }> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'aperture-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: 1280, height: 900 },
  });
  return { browser: context.browser(), context };
}

/** Where failing tests leave a screenshot: test-results/screenshots/<test>.png. */
export async function screenshotPath(testName: string): Promise<string> {
  const dir = path.resolve(import.meta.dirname, '../../../test-results/screenshots');
  await mkdir(dir, { recursive: true });
  return path.join(dir, `${testName.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`);
}
