import { readFileSync } from 'node:fs';
import { setCode, TS_SOFTMAX } from './editor';
import { expect, test } from './fixtures';

test('with IndexedDB unavailable (as in some private modes) the app runs and says progress is not kept', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await page.goto('/');
  const banner = page.getByRole('alert').filter({ hasText: 'Your progress will not be kept.' });
  await expect(banner).toContainText('will not let Drillbook store data');
  await expect(banner.getByRole('button', { name: 'Export what can be read' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await page.getByRole('button', { name: /Show answer/ }).click();
  await page.keyboard.press('3');
  await expect(page.locator('.progress-text')).toContainText('1 done today');
  await page.getByRole('link', { name: 'Mock', exact: true }).click();
  await page.getByText('Customise a mock').click();
  await page.getByRole('button', { name: 'Start the mock' }).click();
  await expect(page.getByRole('heading', { name: /^Question 1 of/ })).toBeVisible();
});

test('a database from a newer version: a clear message, the app still runs, and what can be read exports', async ({
  page,
}, testInfo) => {
  await page.addInitScript(() => {
    const request = indexedDB.open('drillbook', 99);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (db.objectStoreNames.contains('reviews')) return;
      db.createObjectStore('reviews', { keyPath: 'id' }).put({
        id: 'from-the-future',
        questionId: 'softmax',
        time: 1_700_000_000_000,
        rating: 3,
        source: 'review',
        durationMs: 5000,
        retention: 0.9,
      });
      db.createObjectStore('settings', { keyPath: 'key' });
    };
    request.onsuccess = () => request.result.close();
  });
  await page.goto('/');
  const banner = page.getByRole('alert').filter({ hasText: 'Your progress will not be kept.' });
  await expect(banner).toContainText('saved by a newer version of Drillbook');
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Export what can be read' }).click();
  const path = testInfo.outputPath('rescued.json');
  await (await download).saveAs(path);
  const rescued = JSON.parse(readFileSync(path, 'utf8'));
  expect(rescued.format).toBe('drillbook-backup');
  expect(rescued.reviews).toEqual([expect.objectContaining({ id: 'from-the-future', questionId: 'softmax' })]);
  await expect(banner.getByRole('status')).toContainText('Exported 1 reviews');
  await page.getByRole('link', { name: 'Question bank', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Question bank', level: 1 })).toBeVisible();
});

/** Makes every IndexedDB write fail as a full disk does, while `window.storageFull` is true. */
function simulateFullStorage() {
  const w = window as unknown as { storageFull: boolean };
  w.storageFull = false;
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      if (w.storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    };
  }
}
const setStorageFull = (page: import('@playwright/test').Page, full: boolean) =>
  page.evaluate((value) => {
    (window as unknown as { storageFull: boolean }).storageFull = value;
  }, full);

test('storage full while grading: a clear message, nothing lost, and the grade can be retried', async ({ page }) => {
  await page.addInitScript(simulateFullStorage);
  // Prose cards only (coding cards are graded by their tests).
  await page.goto('/review?topic=behavioural');
  await page.getByRole('button', { name: /Show answer/ }).click();
  await page.keyboard.press('3');
  await expect(page.locator('.progress-text')).toContainText('1 done today');
  const prompt = await page.locator('.prompt').textContent();

  await setStorageFull(page, true);
  await page.getByRole('button', { name: /Show answer/ }).click();
  await page.keyboard.press('4');
  await expect(page.getByText(/storage is full/)).toBeVisible();
  await expect(page.locator('.progress-text')).toContainText('1 done today');

  await setStorageFull(page, false);
  await page.keyboard.press('4');
  await expect(page.locator('.progress-text')).toContainText('2 done today');
  await page.reload();
  await expect(page.locator('.progress-text')).toContainText('2 done today');
  expect(prompt).not.toBe('');
});

test('storage full while typing a mock answer: the text stays, saving is retried, a reload keeps it', async ({
  page,
}) => {
  await page.addInitScript(simulateFullStorage);
  await page.goto('/mock');
  await page.getByText('Customise a mock').click();
  await page.getByRole('radio', { name: /^Practice/ }).check();
  await page.getByRole('button', { name: 'Start the mock' }).click();
  const answer = page.getByRole('textbox', { name: /Your answer/ });
  await answer.fill('Saved part.');
  await setStorageFull(page, true);
  await answer.fill('Saved part. Typed while the disk was full.');
  const alert = page.getByRole('alert').filter({ hasText: 'Not saved' });
  await expect(alert).toContainText('storage is full');
  await expect(answer).toHaveValue('Saved part. Typed while the disk was full.');

  await setStorageFull(page, false);
  await alert.getByRole('button', { name: 'Retry saving' }).click();
  await expect(alert).toHaveCount(0);
  await page.reload();
  await expect(answer).toHaveValue('Saved part. Typed while the disk was full.');
});

test('storage full while editing a drill: the code stays in the editor and the draft saves once space is back', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(simulateFullStorage);
  await page.goto('/drills/softmax');
  await page.getByLabel('Language').selectOption('typescript');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await setStorageFull(page, true);
  await setCode(page, TS_SOFTMAX);
  const alert = page.getByRole('alert').filter({ hasText: 'Your draft is not saved' });
  await expect(alert).toContainText('storage is full');
  await setStorageFull(page, false);
  await setCode(page, `${TS_SOFTMAX}// saved\n`);
  await expect(alert).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('// saved', { timeout: 20_000 });
});
