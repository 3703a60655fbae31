import { findChromium } from '../../scripts/chromium-path.ts';
import { finishRound, startRound } from './design';
import { expect, test } from './fixtures';

// Chromium's fake microphone: a synthetic audio device, and the permission granted without a prompt.
test.use({
  launchOptions: {
    executablePath: findChromium(),
    args: ['--headless', '--no-sandbox', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

test('a spoken answer is recorded, kept over a reload, and played back in the self-assessment', async ({ page }) => {
  await startRound(page);
  await page.getByRole('button', { name: 'Record your answer aloud' }).click();
  await expect(page.getByRole('timer').filter({ hasText: /Recording 0:0[3-9]/ })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect(page.getByLabel('Play your recording')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Play your recording')).toBeVisible();
  await finishRound(page);
  const player = page.getByLabel('Play your spoken answer');
  await expect(player).toBeVisible();
  expect(await player.getAttribute('src')).toMatch(/^blob:/);
  await expect(page.getByRole('region', { name: 'Your spoken answer' })).toContainText(/0:0[3-9]/);
});

test('Settings counts the stored recordings and deletes them all', async ({ page }) => {
  await startRound(page);
  await page.getByRole('button', { name: 'Record your answer aloud' }).click();
  await expect(page.getByRole('timer').filter({ hasText: /Recording 0:0[1-9]/ })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect(page.getByLabel('Play your recording')).toBeVisible();

  await page.getByRole('link', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'Spoken answers' });
  await expect(panel).toContainText(/1 recording, \d+\.\d MB\./);
  await panel.getByRole('button', { name: 'Delete all recordings' }).click();
  await expect(panel.getByRole('status')).toHaveText('Deleted 1 recording.');
  await page.goto('/q/sd-design-ads-ctr');
  await expect(page.getByRole('button', { name: 'Record your answer aloud' })).toBeVisible();
  await expect(page.getByLabel('Play your recording')).toHaveCount(0);
});

test('Speak: a concept card in review can be answered aloud before the answer is revealed', async ({ page }) => {
  await page.goto('/review?topic=behavioural');
  await page.getByRole('button', { name: /Speak/ }).click();
  await page.getByRole('button', { name: 'Record your answer aloud' }).click();
  await expect(page.getByRole('timer').filter({ hasText: /Recording 0:0[1-9]/ })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect(page.getByLabel('Play your recording')).toBeVisible();
  await page.getByRole('button', { name: /Show answer/ }).click();
  await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
  await expect(page.getByLabel('Play your recording')).toBeVisible();
});
