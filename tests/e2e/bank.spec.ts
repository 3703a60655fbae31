import { expect, test } from './fixtures';

test('the home page says what Drillbook is and leads to the question bank', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('AI/ML engineering interview');
  await page.getByRole('link', { name: 'Browse the question bank' }).click();
  await expect(page).toHaveURL(/\/bank$/);
  await expect(page.getByRole('heading', { name: 'Question bank', level: 1 })).toBeVisible();
});

test('browse, filter, search, open a question and reveal a typeset answer', async ({ page }) => {
  await page.goto('/bank');
  const status = page.getByRole('status');
  await expect(status).toContainText(/Showing all \d+ questions/);
  const total = Number((await status.textContent())?.match(/\d+/)?.[0]);
  expect(total).toBeGreaterThanOrEqual(60);

  await page.getByLabel('Topic').selectOption({ label: 'Metrics' });
  await expect(page).toHaveURL(/topic=metrics/);
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2 })).toContainText('Metrics');

  await page.getByLabel('Kind').selectOption('coding');
  await page.getByLabel('Difficulty').selectOption('');
  await page.getByLabel('Search').fill('roc auc');
  await expect(status).toContainText(/\d+ of \d+ questions match/);
  await page.locator('a[href="/q/roc-auc"]').click();
  await expect(page).toHaveURL(/\/q\/roc-auc$/);

  await expect(page.getByRole('heading', { name: 'Model answer' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show answer' }).click();
  await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Rubric/ })).toBeVisible();

  // Back returns to the filtered list, filters intact.
  await page.goBack();
  await expect(page).toHaveURL(/topic=metrics/);
  await expect(page.getByLabel('Search')).toHaveValue('roc auc');
  await expect(page.getByLabel('Topic')).toHaveValue('metrics');
});

test('math is typeset by KaTeX and code is highlighted', async ({ page }) => {
  await page.goto('/q/softmax');
  await page.getByRole('button', { name: 'Show answer' }).click();
  const formula = page.locator('.katex').first();
  await expect(formula).toBeVisible();
  // Typeset math carries MathML for screen readers, not raw TeX dollars.
  await expect(page.locator('.katex-mathml math').first()).toBeAttached();
  await expect(page.locator('main')).not.toContainText('$$');
  await expect(page.locator('.hljs-keyword').first()).toBeAttached();
});

test('a deep link survives a reload, and an unknown id says so', async ({ page }) => {
  await page.goto('/q/softmax');
  await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/softmax/i).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();

  await page.goto('/q/no-such-question');
  await expect(page.getByRole('heading', { name: 'Question not found' })).toBeVisible();
});

test('the theme toggle switches and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
});

test('the theme follows the system until the user picks one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the bank is usable by keyboard alone', async ({ page }) => {
  await page.goto('/bank?topic=transformers');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.getByLabel('Search').focus();
  await page.keyboard.type('softmax');
  await page.keyboard.press('Tab'); // topic
  await page.keyboard.press('Tab'); // difficulty
  await page.keyboard.press('Tab'); // kind
  await page.keyboard.press('Tab'); // clear filters
  await page.keyboard.press('Tab'); // first question
  await expect(page.locator(':focus')).toHaveAttribute('href', /^\/q\//);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/q\//);
  await page.getByRole('button', { name: 'Show answer' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
});

test('@phone the bank and a question fit a 375 px screen', async ({ page }) => {
  for (const path of ['/', '/bank', '/q/softmax']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeAttached();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
});

test('a question page grades into the review log and leads to the next question of its topic', async ({ page }) => {
  await page.goto('/q/mt-precision');
  const title = await page.getByRole('heading', { level: 1 }).textContent();
  expect(title?.length).toBeGreaterThan(3);
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: 'Good', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Recorded as Good' })).toBeVisible();
  const next = page.getByRole('navigation', { name: 'More questions in this topic' }).getByRole('link').last();
  await next.click();
  await expect(page).not.toHaveURL(/mt-precision$/);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(title ?? '');
  // The grade counts in the review schedule: Review shows one done today.
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await expect(page.locator('.progress-text')).toContainText('1 done today');
});
