import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoArena } from '../../src/arena/index.ts';
import type { buildServer } from '../../src/server/index.ts';
import { SHARED_ROUNDS_SLUG, seedSharedPrivateRounds } from '../support/shared-private-rounds.ts';
import { browserSkipReason } from './support/browser.ts';
import { expectPagesLoad, openTab, settled, settledOn, WAIT } from './support/dashboard-tab.ts';
import { seedTaskArena, TASK_ARENA_SLUG } from './support/seed-task-arena.ts';
import { type RunningDashboard, startDashboard } from './support/start-dashboard.ts';

/*
 * The arena pages in real Chromium over the bundled demo arena (its single-task benchmark: a closed round
 * with private scores and bootstrap intervals, a running round with Ladder scores): pages load cleanly,
 * the closed round's leaderboard draws an interval per team and shows shared ranks, team histories are
 * charted, and the transparency log's head matches the export. A fixture two-task benchmark (accuracy and
 * RMSE, ranking the teams in opposite orders) checks the task selector: the header, round counts,
 * leaderboard and histories follow it, and it is kept in the URL. A benchmark as databases made before
 * private items were tied to one round hold it (a closed round-1 whose private items round-2 still scores)
 * shows why round-1's private scores are withheld and until when, and none of them. Failing tests leave a
 * screenshot in test-results/screenshots/.
 */

/** The parts of a task's leaderboard the page is checked against. */
interface TaskBoard {
  task: { id: string; title: string; metric: string };
  tasks: string[];
  entries: Array<{ team: string; score: number }>;
}

const skipReason = browserSkipReason();
if (skipReason) console.warn(skipReason);

describe.skipIf(skipReason !== null)('arena pages in Chromium', () => {
  let dashboard: RunningDashboard<{ demo: string[]; tasks: string; shared: string }>;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let baseUrl: string;
  let context: BrowserContext;
  let slug: string;

  beforeAll(async () => {
    dashboard = await startDashboard('arena', async (db) => ({
      demo: (await loadDemoArena(db)).loaded,
      tasks: (await seedTaskArena(db)).benchmark,
      // After the task arena, whose teams (owls, foxes) it plays with.
      shared: (await seedSharedPrivateRounds(db)).benchmark,
    }));
    ({ baseUrl, context, app } = dashboard);
    // The single-task demo benchmark (the demo arena also has a two-task one).
    slug = 'demo-toy-sentiment';
    expect(dashboard.seeded.demo).toContain(slug);
  }, 180_000);

  afterAll(async () => {
    await dashboard?.stop();
  });

  it('loads the arena pages without console errors', async ({ onTestFailed }) => {
    const { page, errors } = await openTab(context, 'arena-pages-load', onTestFailed);
    await expectPagesLoad(page, baseUrl, [
      '/arena',
      ...dashboard.seeded.demo.map((demo) => `/arena/${demo}`),
      `/arena/${slug}?round=round-1`,
      `/arena/${TASK_ARENA_SLUG}`,
      `/arena/${TASK_ARENA_SLUG}?task=rating&round=round-1`,
    ]);
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
    // A single-task benchmark looks as before tasks existed: no selector, no task facts.
    expect(await page.getByRole('combobox', { name: 'Task' }).count()).toBe(0);
    expect(await page.locator('[data-testid="task-facts"]').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Leaderboard', exact: true }).count()).toBe(1);
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
    // Recharts draws the marks after the chart's first layout pass.
    await chart.locator('circle.ci-score').first().waitFor(WAIT);
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

  it('prints the public scores of the history chart rounded in its tooltip', async ({ onTestFailed }) => {
    const { page, errors } = await openTab(context, 'arena-history-tooltip', onTestFailed);
    await page.goto(`${baseUrl}/arena/${slug}?round=round-1`);
    await settled(page);
    const chart = page.locator('[data-testid="chart-team-history"]');
    const surface = chart.locator('.recharts-surface').first();
    await surface.waitFor(WAIT);
    await surface.scrollIntoViewIfNeeded();
    const box = (await surface.boundingBox())!;
    // The demo's accuracies on 60 public items are thirds and sixths (0.6666666666666667 in the API).
    const values = new Set<string>();
    for (let step = 1; step < 20; step++) {
      await page.mouse.move(box.x + (box.width * step) / 20, box.y + box.height / 2);
      for (const text of await chart.locator('.recharts-tooltip-item-value').allTextContents())
        values.add(text);
    }
    expect(values.size).toBeGreaterThan(0);
    for (const value of values) expect(value).toMatch(/^\d+(\.\d{1,2})?$/);
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

  it('follows the task selector of a two-task benchmark and keeps it in the URL', async ({
    onTestFailed,
  }) => {
    const { page, errors } = await openTab(context, 'arena-tasks', onTestFailed);
    const boardOf = async (task: string) =>
      (await (
        await app.inject({ url: `/api/arena/benchmarks/${TASK_ARENA_SLUG}/leaderboard?task=${task}` })
      ).json()) as TaskBoard;
    const sentiment = await boardOf('sentiment');
    const rating = await boardOf('rating');
    // The fixture ranks the teams in opposite orders, so a page that ignored the task would fail below.
    expect(sentiment.tasks).toEqual(['sentiment', 'rating']);
    expect(sentiment.entries.map((entry) => entry.team)).toEqual(['owls', 'foxes']);
    expect(rating.entries.map((entry) => entry.team)).toEqual(['foxes', 'owls']);

    /** The leaderboard table of `board`: its metric column, teams in order and scores. */
    const expectBoard = async (board: TaskBoard, metricHeader: string) => {
      const table = page.getByRole('table', {
        name: `Leaderboard of round-1, ${board.task.title} (private scores)`,
      });
      await table.waitFor(WAIT);
      expect(await table.locator('thead th').nth(2).textContent()).toBe(metricHeader);
      const rows = table.locator('tbody tr');
      expect(await rows.locator('td:nth-child(2)').allTextContents()).toEqual(
        board.entries.map((entry) => entry.team),
      );
      const scores = (await rows.locator('td:nth-child(3)').allTextContents()).map(Number);
      scores.forEach((score, index) => {
        expect(score).toBeCloseTo(board.entries[index]!.score, 2);
      });
    };
    const select = page.getByRole('combobox', { name: 'Task' });
    const taskFacts = page.locator('[data-testid="task-facts"]');
    const facts = page.locator('main dl.facts').first();

    await page.goto(`${baseUrl}/arena/${TASK_ARENA_SLUG}`);
    await settled(page);
    expect(await select.locator('option').allTextContents()).toEqual([
      'Sentiment (accuracy)',
      'Star rating (rmse)',
    ]);
    expect(await select.inputValue()).toBe('sentiment');
    expect(await taskFacts.textContent()).toContain('Is the review positive or negative?');
    expect(await facts.textContent()).toContain('Accuracy (higher is better)');
    expect(await facts.textContent()).toContain('pos, neg');
    await expectBoard(sentiment, 'Accuracy');

    await select.selectOption('rating');
    await page.waitForURL(/[?&]task=rating/, WAIT);
    await settled(page);
    await expectBoard(rating, 'Rmse');
    expect(await taskFacts.textContent()).toContain('How many stars');
    expect(await facts.textContent()).toContain('Rmse (lower is better)');
    expect(await facts.textContent()).not.toContain('pos, neg');
    expect(await page.getByRole('heading', { name: 'Leaderboard of Star rating' }).count()).toBe(1);
    // The rounds table counts the task's items (six private, four public); downloads name the task.
    const rounds = page.getByRole('table', { name: /Rounds of/ });
    expect(await rounds.locator('thead').textContent()).toContain('Items of Star rating');
    expect(await rounds.locator('tbody tr td').nth(5).textContent()).toBe('4 / 6');
    expect(await page.locator('a[href*="/leaderboard?round=round-1&task=rating&format=csv"]').count()).toBe(
      1,
    );
    // The histories keep only this task's submissions: two teams, two each.
    await page.getByText(/^Data table: every submission of these teams on Star rating/).click();
    const history = page.getByRole('table', { name: 'Submissions of every team' });
    await history.waitFor(WAIT);
    expect(await history.locator('tbody tr').count()).toBe(4);

    // Choosing a round keeps the task, and a reload keeps both.
    await page.getByRole('combobox', { name: 'Round' }).selectOption('round-1');
    await page.waitForURL(/[?&]round=round-1/, WAIT);
    expect(new URL(page.url()).searchParams.get('task')).toBe('rating');
    await page.reload();
    await settled(page);
    expect(await select.inputValue()).toBe('rating');
    await expectBoard(rating, 'Rmse');

    // Back to the first task through the selector.
    await select.selectOption('sentiment');
    await page.waitForURL(/[?&]task=sentiment/, WAIT);
    await settled(page);
    await expectBoard(sentiment, 'Accuracy');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says why a closed round's private scores are withheld and until when, and shows none", async ({
    onTestFailed,
  }) => {
    const { page, errors } = await openTab(context, 'arena-withheld', onTestFailed);
    const board = (await (
      await app.inject({ url: `/api/arena/benchmarks/${SHARED_ROUNDS_SLUG}/leaderboard?round=round-1` })
    ).json()) as { kind: string; withheld: { reason: string } | null };
    expect(board.kind).toBe('public');
    const reason = board.withheld?.reason ?? '';
    expect(reason).toContain('round-2 still scores the same private items');

    await page.goto(`${baseUrl}/arena/${SHARED_ROUNDS_SLUG}?round=round-1`);
    await settled(page);
    const rounds = page.getByRole('table', { name: /Rounds of/ });
    expect(await rounds.locator('tbody tr').first().locator('td').nth(1).textContent()).toBe(
      'Closed (private scores withheld)',
    );
    expect(await page.locator('[data-testid="leaderboard-withheld"]').textContent()).toBe(reason);
    // The closed round's board is its public one: Ladder releases, no intervals.
    const table = page.getByRole('table', { name: 'Leaderboard of round-1 (public scores)' });
    await table.waitFor(WAIT);
    expect(await table.locator('tbody tr td:nth-child(4)').allTextContents()).toEqual(['–', '–']);
    const intervals = page.locator('svg[data-testid="leaderboard-intervals"]');
    await intervals.locator('circle.ci-score').first().waitFor(WAIT);
    expect(await intervals.locator('.ci-interval').count()).toBe(0);

    // Each round-1 submission in the histories says why its private score is withheld; round-2's are hidden.
    await page.getByText(/^Data table: every submission of these teams/).click();
    const history = page.getByRole('table', { name: 'Submissions of every team' });
    await history.waitFor(WAIT);
    const rows = await history
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    expect(rows.map((cells) => [cells[1], cells[5]])).toEqual([
      ['round-1', `withheld: ${reason}`],
      ['round-2', 'hidden until close'],
      ['round-1', `withheld: ${reason}`],
      ['round-2', 'hidden until close'],
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
