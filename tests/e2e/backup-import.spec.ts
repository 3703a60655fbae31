/** Importing backups from earlier versions, with damaged records inside, as a user does in Settings. */
import { join } from 'node:path';
import { expect, test } from './fixtures';

const FIXTURES = join(import.meta.dirname, '../fixtures/backups');

test('a backup with damaged records says what it skipped and imports the rest', async ({ page }) => {
  await page.goto('/settings');
  await page.getByLabel('Import backup…').setInputFiles(join(FIXTURES, 'v1-damaged-records.json'));
  const preview = page.getByRole('region', { name: 'Backup contents' });
  await expect(preview).toContainText('1 reviews of 1 questions');
  await expect(preview).toContainText('1 mock could not be read and was skipped.');
  await preview.getByRole('button', { name: 'Merge into my progress' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Imported 1 new review' });
  await expect(status).toContainText('1 mock could not be read and was skipped.');
  await expect(status).toContainText('1 draft could not be read and was skipped.');

  // The good mock made it: it is in the mock history.
  await page.goto('/mock');
  await expect(page.getByRole('region', { name: 'Past mocks' })).toContainText('Mixed');
});

test('a backup written before record versions (format 1) imports its mocks, drafts and study plan', async ({
  page,
}) => {
  await page.goto('/settings');
  await page.getByLabel('Import backup…').setInputFiles(join(FIXTURES, 'v1-2026-12-with-records.json'));
  const preview = page.getByRole('region', { name: 'Backup contents' });
  await expect(preview).toContainText('2 reviews of 2 questions');
  await preview.getByRole('button', { name: 'Merge into my progress' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 new reviews from' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /could not be read/ })).toHaveCount(0);
  // The mock stored without a version reads as version 1 and shows in the history.
  await page.goto('/mock');
  await expect(page.getByRole('region', { name: 'Past mocks' })).toContainText('Mixed');
});
