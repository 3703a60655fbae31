import type { Locator, Page } from '@playwright/test';
import { TS_SOFTMAX } from './editor';
import { expect, test } from './fixtures';

/** Presses Tab until `target` has focus; fails if the keyboard never gets there. */
async function tabUntil(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('could not reach the element with the keyboard');
}

/** Presses Tab (or Shift+Tab) until the focused element has this accessible name; fails if it never does. */
async function tabTo(page: Page, name: string | RegExp, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focused = page.locator(':focus');
    const label = await focused.evaluate((el) => {
      const labelled = el.getAttribute('aria-label') ?? '';
      const byLabel = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
      return (labelled || byLabel || el.textContent || '').trim();
    });
    if (typeof name === 'string' ? label === name : name.test(label)) return;
  }
  throw new Error(`could not reach "${name}" with the keyboard`);
}

test('a mock from set-up to report with the keyboard alone', async ({ page }) => {
  await page.goto('/mock');
  // A preset starts with one key press.
  await tabTo(page, /Transformers rapid-fire/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Question 1 of 10' })).toBeVisible();
  // The answer box has focus on arrival.
  await page.keyboard.type('Keys, queries and values come from the same sequence.');
  await tabTo(page, 'Next question');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Question 2 of 10' })).toBeVisible();
  await tabTo(page, 'End mock');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'End the mock now?' })).toBeVisible();
  await tabTo(page, 'End and assess');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Assess your answers' })).toBeVisible();
  const firstRubric = page
    .getByRole('region', { name: /^Question 1\b/ })
    .getByRole('group', { name: /Rubric/ })
    .getByRole('checkbox')
    .first();
  await tabUntil(page, firstRubric);
  await page.keyboard.press('Space');
  await expect(firstRubric).toBeChecked();
  await tabTo(page, 'Record grades and see the report');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /: report$/ })).toBeVisible();
});

test('a drill solved and submitted with the keyboard alone', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/drills/softmax');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await tabTo(page, 'Language');
  await page.keyboard.press('End'); // last option: TypeScript
  await expect(page.getByLabel('Language')).toHaveValue('typescript');
  await tabTo(page, /^Code editor/);
  // Pasting the solution (typing it key by key would fight the editor's autocompletion).
  await page.evaluate((text) => navigator.clipboard.writeText(text), TS_SOFTMAX);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  // The paste lands asynchronously: run only once the editor shows it.
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('Math.exp(x - m)');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByText(/All \d+ visible tests passed/)).toBeVisible({ timeout: 30_000 });
  // Ctrl+M releases Tab from the editor, so focus can move on to Submit.
  await page.keyboard.press('Control+M');
  await tabTo(page, 'Submit', { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByText(/All \d+ tests passed/)).toBeVisible({ timeout: 30_000 });
});

test('? opens the list of review shortcuts and Escape closes it', async ({ page }) => {
  await page.goto('/review');
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
  await page.keyboard.press('Shift+?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Grade: Again, Hard, Good, Easy');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});
