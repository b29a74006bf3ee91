import type { Kysely } from 'kysely';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionOf } from '../../src/observatory/index.ts';
import type { AccessibilityValue, DataSource } from '../../src/spec/index.ts';
import { type Database, upsertRows } from '../../src/store/index.ts';
import { browserSkipReason } from './support/browser.ts';
import { type FailureHook, openTab, settled, WAIT } from './support/dashboard-tab.ts';
import { type RunningDashboard, startDashboard } from './support/start-dashboard.ts';

/*
 * The chart rules of issue 14 in real Chromium, on a catalog this test seeds itself: a missing quarter is
 * a gap (no point at 0), an empty quarter stays on the axis, every series has its own colour (small
 * multiples past eight), a partial period is marked, unrated is apart from MOF class none, the Europe
 * label names what it counts, definitions keep their identifiers, unknown downloads read "unknown", an
 * empty chart names the import that fills it, and every chart names its sources with their snapshot dates.
 */

/** The page's getComputedStyle, for callbacks run in the page (the tests are typed without the DOM library). */
declare const getComputedStyle: (element: unknown) => {
  stroke: string;
  fill: string;
  backgroundColor: string;
};

/** Waits for an SVG group to be in the page (a `g` has no box of its own, so it never reads as visible). */
const ATTACHED = { ...WAIT, state: 'attached' } as const;

const skipReason = browserSkipReason();
if (skipReason) console.warn(skipReason);

/** Ten labs: three with four models each (the top three), seven with one. */
const LABS: Array<[string, string]> = [
  ['Lab A', 'US'],
  ['Lab B', 'CN'],
  ['Lab C', 'GB'],
  ['Lab D', 'FR'],
  ['Lab E', 'DE'],
  ['Lab F', 'US'],
  ['Lab G', 'CN'],
  ['Lab H', 'CA'],
  ['Lab I', 'JP'],
  ['Lab J', 'CH'],
];

const OPEN: AccessibilityValue = 'open-weights-unrestricted';

/**
 * [model, lab, date, accessibility]. No model of any lab is dated 2023-Q4 (an empty quarter between
 * 2023-Q3 and 2024-Q1), and Lab A released nothing in 2024-Q2 while the others did (a gap in its line).
 */
const MODELS: Array<[string, string, string, AccessibilityValue]> = [
  ['A-1', 'Lab A', '2023-07-10', OPEN],
  ['A-2', 'Lab A', '2024-02-01', OPEN],
  ['A-3', 'Lab A', '2024-08-01', OPEN],
  ['A-4', 'Lab A', '2024-08-05', 'api'],
  ['B-1', 'Lab B', '2023-08-01', 'api'],
  ['B-2', 'Lab B', '2024-01-15', 'api'],
  ['B-3', 'Lab B', '2024-05-01', 'open-weights-restricted'],
  ['B-4', 'Lab B', '2024-07-20', 'api'],
  ['C-1', 'Lab C', '2023-09-09', OPEN],
  ['C-2', 'Lab C', '2024-04-01', OPEN],
  ['C-3', 'Lab C', '2024-05-10', 'api'],
  ['C-4', 'Lab C', '2024-09-01', 'hosted'],
  ['D-1', 'Lab D', '2024-01-20', OPEN],
  ['E-1', 'Lab E', '2024-02-20', 'api'],
  ['F-1', 'Lab F', '2024-03-20', OPEN],
  ['G-1', 'Lab G', '2024-04-20', OPEN],
  ['H-1', 'Lab H', '2024-05-20', 'api'],
  ['I-1', 'Lab I', '2024-06-20', OPEN],
  ['J-1', 'Lab J', '2024-07-20', OPEN],
];

async function seedChartCatalog(db: Kysely<Database>): Promise<void> {
  await upsertRows(
    db,
    'organizations',
    LABS.map(([name, country]) => ({
      name,
      country,
      region: regionOf(country),
      type: 'industry',
      source: 'epoch',
      source_url: null,
    })),
    ['name'],
  );
  const labs = new Map(
    (await db.selectFrom('organizations').select(['id', 'name', 'country']).execute()).map((lab) => [
      lab.name,
      lab,
    ]),
  );
  await upsertRows(
    db,
    'models',
    MODELS.map(([name, lab, date, accessibility]) => ({
      source: 'epoch',
      external_id: name,
      name,
      organization_id: labs.get(lab)!.id,
      date,
      domain: 'Language',
      accessibility,
      // D-1 reaches MOF class I; E-1 is rated below (no class); every other model is unrated.
      mof_class: name === 'D-1' ? 'I' : null,
      source_url: 'https://epoch.ai/data/notable-ai-models',
    })),
    ['source', 'external_id'],
  );
  const models = await db.selectFrom('models').select(['id', 'name', 'organization_id']).execute();
  const countryOf = new Map([...labs.values()].map((lab) => [lab.id, lab.country!]));
  await upsertRows(
    db,
    'model_countries',
    models.map((model) => ({ model_id: model.id, country: countryOf.get(model.organization_id!)! })),
    ['model_id', 'country'],
  );
  const id = (name: string) => models.find((model) => model.name === name)!.id;
  await upsertRows(
    db,
    'openness_ratings',
    [
      {
        scheme: 'mof',
        subject: 'E-1',
        organization: 'Lab E',
        model_id: id('E-1'),
        rating_class: null,
        score: 20,
        details: null,
        source: 'mot',
        source_file: null,
      },
    ],
    ['scheme', 'subject'],
  );
  // Downloads are known for one US model only: China's downloads are unknown, not 0.
  await upsertRows(
    db,
    'adoption_snapshots',
    [{ model_id: id('A-1'), date: '2024-11-01', downloads: 1000, likes: 1, derivatives: 0, source: 'hf' }],
    ['model_id', 'date'],
  );
}

/** GET /api/sources as the sync branch answers it, with Epoch's snapshot on `snapshotDate`. */
function epochSource(snapshotDate: string): DataSource {
  return {
    id: 'epoch',
    title: 'Epoch AI notable models',
    license: 'CC-BY-4.0',
    attribution: 'Epoch AI, Data on Notable AI Models',
    url: 'https://epoch.ai/data/notable-ai-models',
    snapshotDate,
    importedAt: `${snapshotDate}T12:00:00Z`,
    records: MODELS.length,
  };
}

/** Answers GET /api/sources in this tab with Epoch's snapshot of `snapshotDate`. */
async function serveSources(page: Page, snapshotDate: string): Promise<void> {
  await page.route('**/api/sources', (route) =>
    route.fulfill({ json: { sources: [epochSource(snapshotDate)] } }),
  );
}

/** The computed stroke colours of the solid series lines in `scope`, in document order. */
async function strokes(scope: Locator): Promise<string[]> {
  return scope
    .locator('.series-line path.recharts-line-curve')
    .evaluateAll((paths) => paths.map((path) => getComputedStyle(path).stroke));
}

describe.skipIf(skipReason !== null)('charts that tell the truth, in Chromium', () => {
  let dashboard: RunningDashboard<void>;
  let baseUrl: string;
  let context: BrowserContext;

  beforeAll(async () => {
    dashboard = await startDashboard('chart-truth', seedChartCatalog);
    ({ baseUrl, context } = dashboard);
  }, 180_000);

  afterAll(async () => {
    await dashboard?.stop();
  });

  const openPage = (name: string, onTestFailed: FailureHook) => openTab(context, name, onTestFailed);

  it('draws a missing quarter as a gap and keeps an empty quarter on the axis', async ({ onTestFailed }) => {
    const { page, errors } = await openPage('chart-gap-empty-period', onTestFailed);
    await serveSources(page, '2024-12-31');
    await page.goto(`${baseUrl}/indicators/open-share-top-labs?top=3`);
    await settled(page);
    const chart = page.locator('[data-testid="chart-open-share-top-labs"]');
    await chart.locator('.series-line').first().waitFor(ATTACHED);

    // Every quarter from 2023-Q3 to 2024-Q3 is on the axis, 2023-Q4 (no model at all) included.
    // (Recharts draws tick labels in a layer of their own, apart from the axis: the quarters are the x ticks.)
    const ticks = async () =>
      (await chart.locator('.recharts-cartesian-axis-tick-value').allTextContents()).filter((text) =>
        /^\d{4}-Q\d$/.test(text),
      );
    await expect.poll(ticks, WAIT).toEqual(['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3']);
    await expect.poll(() => chart.locator('.empty-period').count(), WAIT).toBe(1);
    expect(await chart.locator('svg text', { hasText: 'no data' }).count()).toBe(1);
    expect(await page.getByTestId('empty-periods-note').textContent()).toContain('2023-Q4');

    // Lab A has data in three quarters: three points, no point at 0 for 2023-Q4 or 2024-Q2.
    const labA = await page.locator('ul.legend li', { hasText: 'Lab A' }).getAttribute('data-colour');
    const lines = chart.locator('.series-line');
    const colours = await strokes(chart);
    const labAIndex = colours.findIndex((colour) => sameColour(colour, labA!));
    expect(labAIndex).toBeGreaterThanOrEqual(0);
    // Its points (recharts may draw dots in a layer of their own, so they are found by their fill).
    const dotFills = await chart
      .locator('.recharts-line-dot')
      .evaluateAll((dots) => dots.map((dot) => getComputedStyle(dot).fill));
    expect(dotFills.filter((fill) => sameColour(fill, labA!))).toHaveLength(3);
    // Its line breaks at each missing quarter: three separate pieces, none through 0.
    const d = (await lines.nth(labAIndex).locator('path.recharts-line-curve').getAttribute('d')) ?? '';
    expect(d.match(/M/g)?.length ?? 0).toBe(3);
    // The table has no row for Lab A in 2024-Q2: missing is not 0.
    const rows = await page.locator('details table tbody tr').allTextContents();
    expect(rows.some((row) => row.startsWith('2024-Q2') && row.includes('Lab A'))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives N series N colours, and draws small multiples past eight', async ({ onTestFailed }) => {
    const { page, errors } = await openPage('chart-distinct-colours', onTestFailed);
    await serveSources(page, '2024-12-31');
    await page.goto(`${baseUrl}/indicators/open-share-top-labs?top=3`);
    await settled(page);
    const chart = page.locator('[data-testid="chart-open-share-top-labs"]');
    await chart.locator('.series-line').first().waitFor(ATTACHED);
    // Three labs and the three together: four series, four colours, the legend in the same ones.
    const four = await strokes(chart);
    expect(four).toHaveLength(4);
    expect(new Set(four).size).toBe(4);
    const swatches = await page
      .locator('ul.legend .swatch')
      .evaluateAll((spans) => spans.map((span) => getComputedStyle(span).backgroundColor));
    expect(new Set(swatches)).toEqual(new Set(four));

    // Ten labs and the ten together: eleven series, one small chart each, eleven colours, each labelled.
    await page.goto(`${baseUrl}/indicators/open-share-top-labs?top=10`);
    await settled(page);
    const panels = page.locator('[data-testid="chart-open-share-top-labs"] .small-multiple');
    await expect.poll(() => panels.count(), WAIT).toBe(11);
    await panels.last().locator('.series-line').first().waitFor(ATTACHED);
    const eleven: string[] = [];
    for (let index = 0; index < 11; index++) {
      const [colour] = await strokes(panels.nth(index));
      eleven.push(colour!);
    }
    expect(new Set(eleven).size).toBe(11);
    const labels = await panels.locator('.small-multiple-label').allTextContents();
    expect(new Set(labels).size).toBe(11);
    expect(labels).toContain('Lab J');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks a partial period with the day its data runs to', async ({ onTestFailed }) => {
    const { page, errors } = await openPage('chart-partial-period', onTestFailed);
    await serveSources(page, '2024-08-15');
    await page.goto(`${baseUrl}/indicators/open-share-top-labs?top=3`);
    await settled(page);
    const chart = page.locator('[data-testid="chart-open-share-top-labs"]');
    await chart.locator('.partial-period').first().waitFor(ATTACHED);
    expect(await chart.locator('svg text', { hasText: 'partial: data to 2024-08-15' }).count()).toBe(1);
    expect(await page.getByTestId('partial-note').textContent()).toContain(
      '2024-Q3 is partial: data to 2024-08-15',
    );
    // The partial quarter is drawn dashed, apart from the solid lines of complete quarters.
    const dashed = chart.locator('.series-line-partial path.recharts-line-curve');
    expect(await dashed.count()).toBeGreaterThan(0);
    expect(await dashed.first().getAttribute('stroke-dasharray')).toBe('5 4');
    // On a year axis, the snapshot's year is the partial one.
    await page.goto(`${baseUrl}/indicators/models-per-region`);
    await settled(page);
    await page.locator('[data-testid="chart-models-per-region"] .series-line').first().waitFor(ATTACHED);
    expect(await page.getByTestId('partial-note').textContent()).toContain('2024 is partial');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps unrated apart from MOF class none, in the legend, the colours and the table', async ({
    onTestFailed,
  }) => {
    const { page, errors } = await openPage('chart-unrated-none', onTestFailed);
    await page.goto(`${baseUrl}/indicators/mof-class-distribution`);
    await settled(page);
    const chart = page.locator('[data-testid="chart-mof-class-distribution"]');
    await chart.locator('.recharts-bar-rectangle path').first().waitFor(WAIT);
    const legend = page.locator('ul.legend li');
    const none = legend.filter({ hasText: 'No class (rated)' });
    const unrated = legend.filter({ hasText: /^Unrated$/ });
    expect(await none.count()).toBe(1);
    expect(await unrated.count()).toBe(1);
    expect(await none.getAttribute('data-colour')).not.toBe(await unrated.getAttribute('data-colour'));
    // Bars of both are drawn, each in its own colour.
    const fills = await chart
      .locator('.recharts-bar-rectangle path')
      .evaluateAll((paths) => paths.map((path) => getComputedStyle(path).fill));
    const noneColour = (await none.getAttribute('data-colour'))!;
    const unratedColour = (await unrated.getAttribute('data-colour'))!;
    expect(fills.some((fill) => sameColour(fill, noneColour))).toBe(true);
    expect(fills.some((fill) => sameColour(fill, unratedColour))).toBe(true);
    // The table: Germany's one model is rated with no class, France's reaches class I, the rest unrated.
    const headers = await page.locator('details table thead th').allTextContents();
    const noneAt = headers.indexOf('None');
    const unratedAt = headers.indexOf('Unrated');
    expect(noneAt).toBeGreaterThan(0);
    expect(unratedAt).toBeGreaterThan(0);
    const germany = page.locator('details table tbody tr', { hasText: 'DE' });
    const cells = await germany.locator('td, th').allTextContents();
    expect([cells[noneAt], cells[unratedAt]]).toEqual(['1', '0']);
    const us = await page
      .locator('details table tbody tr', { hasText: 'US' })
      .locator('td, th')
      .allTextContents();
    expect([us[noneAt], us[unratedAt]]).toEqual(['0', '5']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('labels Europe by what it counts (the UK and EFTA included)', async ({ onTestFailed }) => {
    const { page, errors } = await openPage('chart-region-label', onTestFailed);
    await page.goto(`${baseUrl}/indicators/models-per-region`);
    await settled(page);
    const legend = await page.locator('ul.legend li').allTextContents();
    expect(legend).toContain('Europe (EU 27, UK and EFTA)');
    expect(legend).not.toContain('Europe (EU 27)');
    // Lab C (GB) and Lab J (CH) count under it, which a label of the EU alone would hide.
    const rows = await page.locator('details table tbody tr').allTextContents();
    expect(rows.filter((row) => row.includes('Europe (EU 27, UK and EFTA)')).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders the identifiers of a definition intact: underscores, stars, code spans', async ({
    onTestFailed,
  }) => {
    const { page, errors } = await openPage('chart-definition-identifiers', onTestFailed);
    await page.goto(`${baseUrl}/indicators/open-share-top-labs`);
    await settled(page);
    const definition = page.locator('#definition .markdown');
    const code = await definition.locator('code').allTextContents();
    expect(code).toContain('open-weights-*');
    expect(code).toContain('models.organization_id');
    expect(code).toContain('open-weights-unrestricted');
    const text = (await definition.textContent()) ?? '';
    expect(text).not.toContain('`');
    expect(text).not.toContain('**');
    expect(text).not.toContain('modelsorganizationid');
    expect(await definition.locator('strong', { hasText: 'Open' }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows unknown downloads as unknown, not 0', async ({ onTestFailed }) => {
    const { page, errors } = await openPage('chart-unknown-downloads', onTestFailed);
    await page.goto(`${baseUrl}/indicators/adoption-by-origin`);
    await settled(page);
    const headers = await page.locator('details table thead th').allTextContents();
    const downloadsAt = headers.indexOf('Downloads');
    expect(downloadsAt).toBeGreaterThan(0);
    const cellOf = async (origin: string) =>
      (
        await page
          .locator('details table tbody tr')
          .filter({ hasText: new RegExp(`^${origin}`) })
          .first()
          .locator('td, th')
          .allTextContents()
      )[downloadsAt];
    expect(await cellOf('US')).toBe('1,000');
    expect(await cellOf('CN')).toBe('unknown');
    const csv = await page.evaluate(async () =>
      (await fetch('/api/indicators/adoption-by-origin?format=csv')).text(),
    );
    const cnLine = csv.split(/\r?\n/).find((line) => line.startsWith('CN,'))!;
    // In the CSV an unknown figure is an empty cell, never 0.
    expect(cnLine.split(',')[4]).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says which import fills an empty chart', async ({ onTestFailed }) => {
    const { page, errors } = await openPage('chart-empty-state', onTestFailed);
    await page.goto(`${baseUrl}/brain-flow`);
    await settled(page);
    const empty = page.getByTestId('empty-brain-flow');
    await empty.waitFor(WAIT);
    expect(await empty.textContent()).toContain('OpenAlex authors');
    expect(await empty.locator('code').allTextContents()).toContain('aperture import openalex FILE');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names the sources of every chart with their snapshot dates and licenses', async ({ onTestFailed }) => {
    const { page, errors } = await openPage('chart-sources-line', onTestFailed);
    await serveSources(page, '2024-12-31');
    await page.goto(`${baseUrl}/`);
    await settled(page);
    const figures = page.locator('figure.indicator');
    // Every headline chart of the overview, however many there are, names its sources.
    await expect.poll(() => figures.count(), WAIT).toBeGreaterThanOrEqual(6);
    const lines = page.locator('figure.indicator [data-testid="sources-line"]');
    await expect.poll(() => lines.count(), WAIT).toBe(await figures.count());
    const regions = page.locator('#indicator-models-per-region').locator('..').getByTestId('sources-line');
    await expect.poll(() => regions.textContent(), WAIT).toContain('(snapshot 2024-12-31, CC-BY-4.0');
    expect(await regions.locator('a').textContent()).toContain('Epoch AI notable models');
    // A source the server does not describe still has its line, with its snapshot date unknown.
    const adoption = page.locator('#indicator-adoption-by-origin').locator('..').getByTestId('sources-line');
    expect(await adoption.textContent()).toContain('Hugging Face Hub listings (snapshot date unknown)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('falls back to the definition when the server has no /api/sources (404)', async ({ onTestFailed }) => {
    const { page } = await openPage('chart-sources-404', onTestFailed);
    await page.route('**/api/sources', (route) =>
      route.fulfill({ status: 404, json: { error: { code: 'ERR_NOT_FOUND', message: 'no route' } } }),
    );
    await page.goto(`${baseUrl}/indicators/models-per-region`);
    await settled(page);
    const line = page.getByTestId('sources-line');
    await expect
      .poll(() => line.textContent(), WAIT)
      .toContain('Epoch AI notable models (snapshot date unknown)');
    expect(await page.locator('main [role="alert"]').count()).toBe(0);
    await page.close();
  });
});

/** Whether a computed colour (`rgb(…)`) and a CSS colour (`#0072B2`, `hsl(…)`) are the same. */
function sameColour(computed: string, css: string): boolean {
  return normalise(computed) === normalise(css);
}

function normalise(colour: string): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour.trim());
  if (hex) {
    const value = Number.parseInt(hex[1]!, 16);
    return `rgb(${value >> 16}, ${(value >> 8) & 255}, ${value & 255})`;
  }
  return colour.replace(/\s+/g, ' ').trim();
}
