import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { setCode } from './editor';
import { expect, test } from './fixtures';

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

const TS_LAYER_NORM = `function layerNorm(x: number[], gamma: number[], beta: number[], eps: number): number[] {
  const d = x.length;
  if (d === 0) return [];
  const mu = x.reduce((a, b) => a + b, 0) / d;
  const variance = x.reduce((a, b) => a + (b - mu) ** 2, 0) / d;
  const s = Math.sqrt(variance + eps);
  return x.map((v, i) => (gamma[i] * (v - mu)) / s + beta[i]);
}
`;

/** Transformers' first new card is the layer-norm drill, then the LoRA drill. */
async function openCodingCard(page: Page) {
  await page.goto('/review?topic=transformers');
  const card = page.getByRole('article', { name: 'Card' });
  await expect(card.getByRole('heading', { name: 'Layer normalisation' })).toBeVisible();
  await expect(card.getByRole('button', { name: /Show answer/ })).toHaveCount(0);
  await card.getByLabel('Language').selectOption('typescript');
  return card;
}

test('a coding card is solved in the workspace inside review; its tests propose the grade and the queue moves on', async ({
  page,
}) => {
  const card = await openCodingCard(page);
  await expect(card.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expect(card.getByText(/Submit your code: its tests propose a grade/)).toBeVisible();

  // A wrong first try: the tests propose Again, and nothing is recorded until a grade is picked.
  await setCode(page, 'function layerNorm(x: number[]): number[] {\n  return x;\n}\n');
  await card.getByRole('button', { name: 'Submit' }).click();
  const grades = card.getByRole('group', { name: 'Grade this card' });
  await expect(grades.getByRole('button', { name: /^Again.*proposed/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.progress-text')).toContainText('0 done today');

  // Solved: every test passes well within the budget, so Easy is proposed.
  await setCode(page, TS_LAYER_NORM);
  await card.getByRole('button', { name: 'Submit' }).click();
  await expect(card.getByText(/All \d+ tests passed/)).toBeVisible({ timeout: 30_000 });
  await expect(card.getByText(/^(\d+) of \1 tests passed/)).toBeVisible();
  await expect(grades.getByRole('button', { name: /^Easy.*proposed/ })).toBeVisible();
  await expect(card.getByText('The tests propose Easy: pick it or another grade below the workspace.')).toBeVisible();
  expect(await seriousViolations(page, 'review, coding card graded by its tests')).toEqual([]);
  await grades.getByRole('button', { name: /^Easy/ }).click();

  // The grade is recorded and the next card comes.
  await expect(page.locator('.progress-text')).toContainText('1 done today');
  await expect(card.getByRole('heading', { name: /LoRA/ })).toBeVisible();

  // Undo says what it undid; Redo applies the same grade to the same card again.
  await page.getByRole('button', { name: /Undo last grading/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Undid Easy on Layer normalisation' })).toBeVisible();
  await expect(card.getByRole('heading', { name: 'Layer normalisation' })).toBeVisible();
  await expect(page.locator('.progress-text')).toContainText('0 done today');
  await page.getByRole('button', { name: /Redo Easy/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Redid Easy on Layer normalisation' })).toBeVisible();
  await expect(page.locator('.progress-text')).toContainText('1 done today');
  await expect(card.getByRole('heading', { name: /LoRA/ })).toBeVisible();

  // A reload finds it recorded.
  await page.reload();
  await expect(page.locator('.progress-text')).toContainText('1 done today');
  await expect(card.getByRole('heading', { name: /LoRA/ })).toBeVisible();
});

test('code typed into a coding card survives a reload; the next review of it starts from the starter code', async ({
  page,
}) => {
  const card = await openCodingCard(page);
  await expect(card.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await setCode(page, TS_LAYER_NORM);
  // Saved shortly after typing stops: wait until a reload shows it.
  await expect(async () => {
    await page.reload();
    await expect(card.locator('.monaco-editor .view-lines')).toContainText('const variance', { timeout: 5_000 });
  }).toPass({ timeout: 20_000 });
  await card.getByRole('button', { name: 'Submit' }).click();
  await card
    .getByRole('group', { name: 'Grade this card' })
    .getByRole('button', { name: /^Again/ })
    .click();
  await expect(card.getByRole('heading', { name: /LoRA/ })).toBeVisible();
  // Undo brings the card back as a fresh attempt: the starter code, not the answer.
  await page.getByRole('button', { name: /Undo last grading/ }).click();
  await expect(card.getByRole('heading', { name: 'Layer normalisation' })).toBeVisible();
  await expect(card.locator('.monaco-editor .view-lines')).toContainText('not implemented', { timeout: 20_000 });
});

test('@phone a coding card at 375 px: Code tab, Submit, grade, next card, nothing wider than the screen', async ({
  page,
}) => {
  const card = await openCodingCard(page);
  await card.getByRole('tab', { name: 'Code' }).click();
  await expect(card.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await setCode(page, TS_LAYER_NORM);
  await card.getByRole('button', { name: 'Submit' }).click();
  await expect(card.getByText(/All \d+ tests passed/)).toBeVisible({ timeout: 30_000 });
  const grades = card.getByRole('group', { name: 'Grade this card' });
  const good = grades.getByRole('button', { name: /^Good/ });
  await expect(good).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  // The user overrides the proposed Easy.
  await good.click();
  await expect(page.locator('.progress-text')).toContainText('1 done today');
  await expect(card.getByRole('heading', { name: /LoRA/ })).toBeVisible();
});
