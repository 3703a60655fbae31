import type { Page } from '@playwright/test';
import { expect } from './fixtures';

// A 25-minute hard design question with two follow-ups: clarify is planned at 3 minutes.
export const QUESTION = '/q/sd-design-ads-ctr';

export async function startRound(page: Page) {
  await page.goto(QUESTION);
  await page.getByRole('button', { name: 'Start the design round' }).click();
  await expect(page.getByRole('region', { name: 'Phased clock' })).toBeVisible();
}

/** The interactive canvas's centre, where the second box added lands. */
export async function canvasCentre(page: Page) {
  const box = await page.locator('.whiteboard-canvas canvas.interactive').boundingBox();
  if (!box) throw new Error('no canvas');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export async function finishRound(page: Page) {
  await page.getByRole('button', { name: 'End my answer' }).click();
  for (;;) {
    const next = page.getByRole('button', { name: /Next follow-up|Finish the follow-ups/ });
    await expect(next).toBeVisible();
    const label = await next.textContent();
    await next.click();
    if (label?.includes('Finish')) break;
  }
}
