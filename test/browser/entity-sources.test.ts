import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/observatory/index.ts';
import type { Database } from '../../src/store/index.ts';
import { browserSkipReason } from './support/browser.ts';
import { openTab, settled, WAIT } from './support/dashboard-tab.ts';
import { type RunningDashboard, startDashboard } from './support/start-dashboard.ts';

/*
 * A matched model's page in real Chromium: the Epoch entry, the same model as the OSAI index rates it,
 * and the OSAI rating of its family, side by side with their provenance; the date and country the two
 * sources give differently are listed and marked. Imported as a user would: the import runs matching.
 */

const skipReason = browserSkipReason();
if (skipReason) console.warn(skipReason);

const EPOCH = [
  'Model,Organization,Country (of organization),Publication date,Model accessibility,Parameters',
  'Demo-7B,Demo Lab,France,2023-05-01,Open weights (unrestricted),7000000000',
  '',
].join('\n');
const PARAMETERS =
  '- name: Availability\n  params:\n    - { ref: weights_endmodel, name: End User Model Weights }\n    - { ref: licenses, name: Licenses }\n';
const system = (name: string, origin: string, date: string) =>
  `# - National origin: ${origin}\nsystem:\n  name: ${name}\n  link: https://huggingface.co/demo-lab/${name}\n  releasedate: ${date}\norg:\n  name: Demo Lab\nweights_endmodel:\n  class: open\nlicenses:\n  class: partial\n`;

async function seed(db: Kysely<Database>, dir: string): Promise<{ modelId: number }> {
  await writeFile(path.join(dir, 'epoch.csv'), EPOCH);
  await mkdir(path.join(dir, 'osai'));
  await writeFile(path.join(dir, 'osai', '_parameters.yml'), PARAMETERS);
  await writeFile(path.join(dir, 'osai', 'demo-7b.yaml'), system('Demo-7B', 'Germany', '2024-02'));
  await writeFile(path.join(dir, 'osai', 'demo.yaml'), system('Demo', 'France', '2025-01'));
  await runImport(db, { kind: 'epoch', source: 'epoch.csv', cwd: dir, storeIndicators: false });
  await runImport(db, { kind: 'osai', source: 'osai', cwd: dir, storeIndicators: false });
  const row = await db
    .selectFrom('models')
    .select(['id', 'entity_id'])
    .where('source', '=', 'epoch')
    .where('external_id', '=', 'Demo-7B')
    .executeTakeFirstOrThrow();
  expect(row.entity_id).not.toBeNull();
  return { modelId: row.id };
}

describe.skipIf(skipReason !== null)('a matched model page in Chromium', () => {
  let dashboard: RunningDashboard<{ modelId: number }>;
  let baseUrl: string;
  let context: BrowserContext;
  let dir = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'aperture-browser-entities-'));
    dashboard = await startDashboard('entity-sources', (db) => seed(db, dir));
    ({ baseUrl, context } = dashboard);
  }, 180_000);

  afterAll(async () => {
    await dashboard?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("shows every source's facts side by side, with the disagreements marked", async ({ onTestFailed }) => {
    const { page, errors } = await openTab(context, 'entity-sources', onTestFailed);
    await page.goto(`${baseUrl}/models/${dashboard.seeded.modelId}`);
    await settled(page);
    const section = page.locator('[data-testid="entity-sources"]');
    await section.locator('table tbody tr').first().waitFor(WAIT);
    const rows = section.locator('table tbody tr');
    expect(await rows.count()).toBe(3);
    const texts = await rows.allTextContents();
    expect(texts[0]).toContain('this entry');
    expect(texts[0]).toContain('2023-05-01');
    expect(texts[0]).toContain('FR');
    expect(texts[1]).toContain('same model');
    expect(texts[1]).toContain('2024-02');
    expect(texts[1]).toContain('DE');
    expect(texts[1]).toMatch(/OSAI 75\/100/);
    expect(texts[1]).toContain('demo-lab/demo-7b');
    expect(texts[1]).toContain('same-name');
    expect(texts[2]).toContain('its family');
    expect(texts[2]).toContain('family-name');

    const note = section.locator('[data-testid="disagreements"]');
    expect(await note.textContent()).toMatch(/date:.*2023-05-01.*2024-02/);
    expect(await note.textContent()).toMatch(/countries:.*FR.*DE/);
    // Both rows' date and country cells are marked; the family row's are not.
    expect(await rows.nth(0).locator('mark.disagree').count()).toBe(2);
    expect(await rows.nth(1).locator('mark.disagree').count()).toBe(2);
    expect(await rows.nth(2).locator('mark.disagree').count()).toBe(0);
    const background = await rows
      .nth(0)
      .locator('mark.disagree')
      .first()
      .evaluate((element) => {
        const view = globalThis as unknown as {
          getComputedStyle(target: unknown): { backgroundColor: string };
        };
        return view.getComputedStyle(element).backgroundColor;
      });
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    expect(errors).toEqual([]);
    await page.close();
  });
});
