/** Writing a backup file and importing it through the settings screen, as a user would. */
import { writeFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { expect } from './fixtures';

const SETTINGS = { desiredRetention: 0.9, newPerDay: 20, maxReviewsPerDay: 200, dayStartHour: 4, topics: [] };

export function backupFile(
  testInfo: TestInfo,
  name: string,
  content: { reviews?: object[]; values?: { key: string; value: unknown }[] },
): string {
  const path = testInfo.outputPath(name);
  writeFileSync(
    path,
    JSON.stringify({
      format: 'drillbook-backup',
      version: 1,
      exportedAt: new Date().toISOString(),
      settings: SETTINGS,
      reviews: content.reviews ?? [],
      values: content.values ?? [],
    }),
  );
  return path;
}

/** Imports a backup file in merge mode and waits for the confirmation. */
export async function importBackup(page: Page, path: string) {
  await page.goto('/settings');
  await page.getByLabel('Import backup…').setInputFiles(path);
  await page
    .getByRole('region', { name: 'Backup contents' })
    .getByRole('button', { name: 'Merge into my progress' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: /Imported [\d,]+ new reviews?/ })).toBeVisible();
}
