import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

const SCREENS = [
  '/',
  '/review',
  '/mock',
  '/drills',
  '/drills/softmax',
  '/drills/sql-customers-without-orders',
  '/progress',
  '/bank',
  '/q/mt-precision',
  '/settings',
  '/no-such-page',
];

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test(`every screen has no serious accessibility violation (${theme})`, async ({ page }) => {
      test.setTimeout(120_000);
      const problems: string[] = [];
      for (const path of SCREENS) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible({ timeout: 20_000 });
        if (path.startsWith('/drills/')) await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
        problems.push(...(await seriousViolations(page, path)));
      }
      // Today, once the first-visit set-up is done.
      await page.goto('/');
      await page.getByRole('button', { name: 'Skip for now' }).click();
      await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
      problems.push(...(await seriousViolations(page, 'Today')));

      // The review card with its answer shown.
      await page.goto('/review');
      await page.getByRole('button', { name: /Show answer/ }).click();
      problems.push(...(await seriousViolations(page, 'review, answer shown')));

      // A mock: taking it, the end dialog, the self-assessment and the report.
      await page.goto('/mock');
      await page.getByText('Customise a mock').click();
      await page.getByRole('button', { name: 'No topics' }).click();
      await page.getByRole('checkbox', { name: 'Metrics', exact: true }).check();
      await page.getByLabel('Number of questions').fill('1');
      await page.getByRole('button', { name: 'Start the mock' }).click();
      await page.getByRole('textbox', { name: /Your answer/ }).fill('Precision is TP over predicted positives.');
      problems.push(...(await seriousViolations(page, 'mock, taking')));
      await page.getByRole('button', { name: 'Finish' }).click();
      problems.push(...(await seriousViolations(page, 'mock, end dialog')));
      await page.getByRole('button', { name: 'End and assess' }).click();
      await expect(page.getByRole('heading', { name: 'Assess your answers' })).toBeVisible();
      problems.push(...(await seriousViolations(page, 'mock, assessment')));
      await page.getByRole('button', { name: 'Record grades and see the report' }).click();
      await expect(page.getByRole('heading', { name: /: report$/ })).toBeVisible();
      problems.push(...(await seriousViolations(page, 'mock, report')));
      expect(problems).toEqual([]);
    });
  });
}

test('@phone a formula too wide for a phone can be reached and scrolled by keyboard', async ({ page }) => {
  await page.goto('/q/mt-ndcg');
  await page.getByRole('button', { name: 'Show answer' }).click();
  const wide = page.getByRole('group', { name: 'Formula, scrolls sideways' }).first();
  await expect(wide).toBeVisible();
  await wide.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => wide.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  expect(await seriousViolations(page, '/q/mt-ndcg at 375 px')).toEqual([]);
});
