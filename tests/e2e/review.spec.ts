import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';

async function progressText(page: import('@playwright/test').Page) {
  return (await page.locator('.progress-text').textContent())?.replace(/\s+/g, ' ').trim();
}

test('review by keyboard alone, undo, reload, export and import into an empty browser', async ({
  page,
  browser,
}, testInfo) => {
  // Behavioural has no coding cards: every card here is prose.
  await page.goto('/review?topic=behavioural');
  await expect(page.getByRole('heading', { name: 'Review', level: 1 })).toBeVisible();
  await expect(page.locator('.progress-text')).toContainText('0 done today');
  const card = page.getByRole('article', { name: 'Card' });

  const ratings = ['3', '3', '1', '4', '2'];
  for (const [i, key] of ratings.entries()) {
    await expect(card.getByRole('button', { name: /Show answer/ })).toBeVisible();
    await page.keyboard.press('Space');
    await expect(card.getByRole('heading', { name: 'Model answer' })).toBeVisible();
    // Every grade button says what interval it gives.
    for (const name of ['Again', 'Hard', 'Good', 'Easy']) {
      await expect(card.getByRole('button', { name: new RegExp(`^${name} \\d+(m|h|d|w|mo|y)`) })).toBeVisible();
    }
    await page.keyboard.press(key);
    await expect(page.locator('.progress-text')).toContainText(`${i + 1} done today`);
  }

  // Undo brings the last card back, prompt first, and the count down.
  const promptBeforeUndo = await card.locator('.prompt').textContent();
  await page.keyboard.press('z');
  await expect(page.locator('.progress-text')).toContainText('4 done today');
  await expect(card.getByRole('button', { name: /Show answer/ })).toBeVisible();
  expect(await card.locator('.prompt').textContent()).not.toBe(promptBeforeUndo);
  const promptAfterUndo = await card.locator('.prompt').textContent();

  // A reload finds the same state.
  const before = await progressText(page);
  await page.reload();
  await expect(page.locator('.progress-text')).toHaveText(before ?? '');
  await expect(card.locator('.prompt')).toHaveText(promptAfterUndo ?? '');

  // Export a backup.
  await page.goto('/settings');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export backup' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^drillbook-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const path = testInfo.outputPath('backup.json');
  await download.saveAs(path);
  const backup = JSON.parse(readFileSync(path, 'utf8'));
  expect(backup.format).toBe('drillbook-backup');
  expect(backup.reviews).toHaveLength(5);

  // An empty browser (a fresh profile) imports it and finds the same state.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/review?topic=behavioural');
  await expect(other.locator('.progress-text')).toContainText('0 done today');
  await other.goto('/settings');
  await other.getByLabel('Import backup…').setInputFiles(path);
  const preview = other.getByRole('region', { name: 'Backup contents' });
  await expect(preview).toContainText('4 reviews of 4 questions');
  await expect(preview).toContainText('and 1 undone');
  await preview.getByRole('button', { name: 'Merge into my progress' }).click();
  await expect(other.getByRole('status').filter({ hasText: 'Imported 5 new reviews' })).toBeVisible();
  await other.goto('/review?topic=behavioural');
  await expect(other.locator('.progress-text')).toHaveText(before ?? '');
  await expect(other.getByRole('article', { name: 'Card' }).locator('.prompt')).toHaveText(promptAfterUndo ?? '');
  await fresh.close();
});

test('a malformed backup gets a clear message and changes nothing', async ({ page }, testInfo) => {
  await page.goto('/review');
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(page.locator('.progress-text')).toContainText('1 done today');
  await page.goto('/settings');
  const bad = testInfo.outputPath('truncated.json');
  writeFileSync(bad, '{"format":"drillbook-backup","version":1,"reviews":[{"id":');
  await page.getByLabel('Import backup…').setInputFiles(bad);
  await expect(page.getByRole('alert')).toContainText('not valid JSON');
  await expect(page.getByRole('alert')).toContainText('Nothing was changed');
  await page.goto('/review');
  await expect(page.locator('.progress-text')).toContainText('1 done today');
});

test('replace asks for confirmation first', async ({ page }, testInfo) => {
  await page.goto('/review');
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
  await page.keyboard.press('Space');
  await page.keyboard.press('4');
  await expect(page.locator('.progress-text')).toContainText('1 done today');
  const empty = testInfo.outputPath('empty.json');
  writeFileSync(
    empty,
    JSON.stringify({
      format: 'drillbook-backup',
      version: 1,
      exportedAt: new Date().toISOString(),
      settings: { desiredRetention: 0.9, newPerDay: 20, maxReviewsPerDay: 200, dayStartHour: 4, topics: [] },
      reviews: [],
      values: [],
    }),
  );
  await page.goto('/settings');
  await page.getByLabel('Import backup…').setInputFiles(empty);
  await page.getByRole('button', { name: 'Replace my progress…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace all your progress?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep my progress' }).click();
  await page.goto('/review');
  await expect(page.locator('.progress-text')).toContainText('1 done today');
});

test('@phone the review screen works on a 375 px phone', async ({ page }) => {
  await page.goto('/review');
  await page.getByRole('button', { name: /Show answer/ }).tap();
  await page.getByRole('button', { name: /^Good/ }).tap();
  await expect(page.locator('.progress-text')).toContainText('1 done today');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('undo says what it undid; Shift+Z redoes it, and grading something else takes Redo away', async ({ page }) => {
  await page.goto('/review?topic=behavioural');
  const card = page.getByRole('article', { name: 'Card' });
  await expect(card.getByRole('button', { name: /Show answer/ })).toBeVisible();
  const first = await card.locator('.prompt').textContent();
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(page.locator('.progress-text')).toContainText('1 done today');

  await page.keyboard.press('z');
  const status = page.getByRole('status').filter({ hasText: /^Undid Good on / });
  await expect(status).toBeVisible();
  await expect(card.locator('.prompt')).toHaveText(first ?? '');
  await expect(page.getByRole('button', { name: /Redo Good/ })).toBeVisible();
  await page.keyboard.press('Shift+Z');
  await expect(page.getByRole('status').filter({ hasText: /^Redid Good on / })).toBeVisible();
  await expect(page.locator('.progress-text')).toContainText('1 done today');
  await expect(card.locator('.prompt')).not.toHaveText(first ?? '');

  await page.keyboard.press('z');
  await expect(status).toBeVisible();
  await page.keyboard.press('Space');
  await page.keyboard.press('1');
  await expect(page.getByRole('button', { name: /Redo/ })).toHaveCount(0);
  await page.keyboard.press('Shift+Z');
  await expect(page.locator('.progress-text')).toContainText('1 done today');

  await page.keyboard.press('Shift+?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Redo the grading you undid');
});
