import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { seriousViolations } from './axe';
import { backupFile, importBackup } from './backup-files';
import { expect, test } from './fixtures';

const DAY = 86_400_000;
const WEAK = 'agents';

/** Question ids per topic, read from the bank's file names (a file is named after its id). */
function bankIds(): Map<string, string[]> {
  const root = 'question-bank';
  const byTopic = new Map<string, string[]>();
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const ids = readdirSync(join(root, entry.name))
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3));
    byTopic.set(entry.name, ids);
  }
  return byTopic;
}

/**
 * Two months of history: most of every topic learnt and recalled well, except one topic
 * with only three questions seen, each forgotten again and again this week.
 */
function generatedHistory(now: number) {
  const reviews: object[] = [];
  let n = 0;
  const add = (questionId: string, time: number, rating: number) =>
    reviews.push({ id: `gen-${n++}`, questionId, time, rating, source: 'review', durationMs: 9000, retention: 0.9 });
  for (const [topic, ids] of bankIds()) {
    if (topic === WEAK) {
      for (const id of ids.slice(0, 3)) {
        add(id, now - 20 * DAY, 3);
        add(id, now - 6 * DAY, 1);
        add(id, now - 5 * DAY, 3);
        add(id, now - 2 * DAY, 1);
        add(id, now - 1 * DAY, 2);
      }
      continue;
    }
    for (const id of ids.slice(0, Math.ceil(ids.length * 0.8))) {
      add(id, now - 60 * DAY, 3);
      add(id, now - 50 * DAY, 3);
      add(id, now - 20 * DAY, 4);
      add(id, now - 2 * DAY, 3);
    }
  }
  return reviews;
}

test('the dashboard ranks a weak topic first and sends the user to review it', async ({ page }, testInfo) => {
  await importBackup(page, backupFile(testInfo, 'history.json', { reviews: generatedHistory(Date.now()) }));

  await page.getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByRole('heading', { name: 'Progress', level: 1 })).toBeVisible();
  const weakest = page.getByRole('region', { name: 'Weakest topics' });
  const first = weakest.getByRole('listitem').first();
  await expect(first).toContainText('Agents');
  await expect(first).toContainText(/only \d+ of \d+ questions seen/);
  await expect(first).toContainText(/lapses this week/);
  // The formula is on the page, and every chart has a table.
  await page.getByText('How is this computed?').click();
  await expect(page.getByText(/Mastery = 60% memory \+ 40% performance/)).toBeVisible();
  await expect(page.getByRole('img', { name: /reviews on \d+ of the last 364 days/ })).toBeVisible();
  // A header row, then one row per topic of the bank.
  const rows = page.getByRole('region', { name: 'Every topic’s figures' }).getByRole('row');
  await expect(rows.nth(11)).toBeVisible();
  expect(await seriousViolations(page, '/progress with a history')).toEqual([]);

  await first.getByRole('link', { name: 'Review Agents' }).click();
  await expect(page).toHaveURL(/\/review\?topic=agents$/);
  await expect(page.getByRole('combobox', { name: 'Topic' })).toHaveValue('agents');
  await expect(page.getByRole('article', { name: 'Card' })).toBeVisible();

  // The mock set-up offers a preset of the weakest topics.
  await page.goto('/mock');
  const preset = page.getByRole('button', { name: /My weakest topics/ });
  await expect(preset).toContainText('Agents');
  // One click starts it, on the weakest topics.
  await preset.click();
  await expect(page.getByRole('heading', { name: /^Question 1 of/ })).toBeVisible();
  await expect(page.getByText(/My weakest topics/).first()).toBeVisible();

  // The home screen's short version shows the same weakest topic.
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Weakest topics' }).getByRole('listitem').first()).toContainText(
    'Agents',
  );
});

test('@phone the dashboard fits a 375 px screen', async ({ page }) => {
  await page.goto('/progress');
  await expect(page.getByRole('heading', { name: 'Progress', level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
