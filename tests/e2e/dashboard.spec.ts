import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { backupFile, importBackup } from './backup-files';
import { expect, test } from './fixtures';

const DAY = 86_400_000;
const IDS = ['mt-precision', 'softmax', 'sql-customers-without-orders'];

/** Half a year of reviews on a few questions, ending yesterday: enough for every chart. */
function history(now: number) {
  const reviews: object[] = [];
  let n = 0;
  for (const [k, id] of IDS.entries()) {
    for (let daysBack = 180 - k * 7; daysBack >= 1; daysBack -= 9 + k) {
      reviews.push({
        id: `dash-${n++}`,
        questionId: id,
        time: now - daysBack * DAY,
        rating: n % 5 === 0 ? 1 : 3,
        source: 'review',
        durationMs: 9000,
        retention: 0.9,
      });
    }
  }
  return reviews;
}

async function openDashboard(page: Page) {
  await page.goto('/progress');
  await expect(page.getByRole('heading', { name: 'Progress', level: 1 })).toBeVisible();
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test(`the dashboard's charts are labelled and pass axe (${theme})`, async ({ page }, testInfo) => {
      await importBackup(page, backupFile(testInfo, 'history.json', { reviews: history(Date.now()) }));
      await openDashboard(page);

      const heatmap = page.getByRole('img', { name: /reviews? on \d+ of the last 364 days/ });
      await expect(heatmap).toBeVisible();
      for (const weekday of ['Mon', 'Wed', 'Fri'])
        await expect(heatmap.getByText(weekday, { exact: true })).toBeAttached();
      const month = new Date().toLocaleString(undefined, { month: 'short' });
      await expect(heatmap.getByText(month, { exact: true }).last()).toBeAttached();
      // The legend says what each colour stands for, in reviews a day.
      await expect(page.getByText('Reviews a day:')).toBeVisible();
      const key = page.getByRole('list', { name: 'Colour key' }).getByRole('listitem');
      await expect(key.first()).toHaveText('0');
      expect(await key.count()).toBeGreaterThan(1);

      // The forecast has a y-axis with a title and round ticks; the accuracy chart says its unit.
      const forecast = page.getByRole('img', { name: /due today \(overdue included\)/ });
      await expect(forecast.getByText('Reviews due', { exact: true })).toBeAttached();
      await expect(forecast.getByText('0', { exact: true })).toBeAttached();
      await expect(forecast.getByText('Today', { exact: true })).toBeAttached();
      const accuracy = page.getByRole('img', { name: /^Weekly accuracy:/ });
      await expect(accuracy.getByText('Good or Easy', { exact: true })).toBeAttached();
      await expect(accuracy.getByText('0%', { exact: true }).first()).toBeAttached();
      await expect(accuracy.getByText('Week starting', { exact: true })).toBeAttached();

      // Every chart has its table.
      for (const table of ['Reviews per month (table)', 'Weekly accuracy (table)', 'Reviews due per day (table)']) {
        await expect(page.getByText(table)).toBeVisible();
      }
      expect(await seriousViolations(page, `/progress (${theme})`)).toEqual([]);
    });
  });
}

test('@phone the dashboard with a history fits 375 px and its charts scroll as keyboard stops', async ({
  page,
}, testInfo) => {
  await importBackup(page, backupFile(testInfo, 'history.json', { reviews: history(Date.now()) }));
  await openDashboard(page);
  await expect(page.getByRole('img', { name: /reviews? on \d+ of the last 364 days/ })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const scroller = page.getByRole('region', { name: 'Reviews a day, last year (scrolls sideways)' });
  await expect(scroller).toBeVisible();
  // It opens on the latest weeks, at the right end.
  expect(await scroller.evaluate((el) => el.scrollLeft + el.clientWidth >= el.scrollWidth - 1)).toBe(true);
  expect(await seriousViolations(page, '/progress at 375 px')).toEqual([]);
});

test('after a mock, Home, Progress and Review show the same number due today', async ({ page }) => {
  // No new cards, so every card due comes from the mock's grades.
  await page.goto('/settings');
  await page.getByLabel('New cards per day').fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: /saved/i })).toBeVisible();

  // A two-question mock: the first answer covers its whole rubric (Good), the second none of it (Again).
  await page.goto('/mock');
  await page.getByText('Customise a mock').click();
  await page.getByRole('button', { name: 'No topics' }).click();
  await page.getByRole('checkbox', { name: 'Metrics', exact: true }).check();
  for (const kind of ['Concept', 'Design', 'Coding'] as const) {
    await page.getByRole('checkbox', { name: kind, exact: true }).setChecked(kind === 'Concept');
  }
  await page.getByLabel('Number of questions').fill('2');
  await page.getByRole('button', { name: 'Start the mock' }).click();
  const answer = page.getByRole('textbox', { name: /Your answer/ });
  await expect(page.getByRole('heading', { name: 'Question 1 of 2' })).toBeVisible();
  await answer.fill('A full answer.');
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page.getByRole('heading', { name: 'Question 2 of 2' })).toBeVisible();
  await answer.fill('Not sure.');
  await page.getByRole('button', { name: 'Finish' }).click();
  await page.getByRole('button', { name: 'End and assess' }).click();
  await expect(page.getByRole('heading', { name: 'Assess your answers' })).toBeVisible();
  const first = page.getByRole('region', { name: /^Question 1\b/ });
  for (const box of await first
    .getByRole('group', { name: /Rubric/ })
    .getByRole('checkbox')
    .all())
    await box.check();
  await expect(first.getByRole('group', { name: /proposed: Good/ })).toBeVisible();
  await page
    .getByRole('region', { name: /^Question 2\b/ })
    .getByRole('radio', { name: 'Again' })
    .check();
  await page.getByRole('button', { name: 'Record grades and see the report' }).click();
  await expect(page.getByRole('heading', { name: /: report$/ })).toBeVisible();

  // Both cards are in a learning step later today: each screen counts them as due today.
  await page.goto('/');
  const reviews = page.getByRole('list', { name: "Today's plan" }).getByRole('link').first();
  await expect(reviews).toHaveText('Review 2 due cards');

  await page.goto('/progress');
  const dueStat = page.locator('.stat').filter({ hasText: 'Due today' }).locator('dd');
  await expect(dueStat).toHaveText('2 cards');
  await expect(page.getByText(/^2 reviews due today \(overdue included\)/)).toBeVisible();

  await page.goto('/review');
  await expect(page.getByText('2 due today', { exact: true })).toBeVisible();
});
