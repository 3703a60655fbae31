import { PY_SOFTMAX, setCode, TS_SOFTMAX } from './editor';
import { expect, test } from './fixtures';

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('solve a drill in Python and in TypeScript: Run, then Submit, all pass', async ({ page }) => {
  await page.goto('/drills/softmax');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await page.getByLabel('Language').selectOption('python');
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await setCode(page, PY_SOFTMAX);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByText(/All \d+ visible tests passed/)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText(/All \d+ tests passed/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Hidden tests: (\d+) of \1 passed/)).toBeVisible();
  await expect(page.getByText('Recorded in your review schedule as Good.')).toBeVisible();

  await page.getByLabel('Language').selectOption('typescript');
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await setCode(page, TS_SOFTMAX);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByText(/All \d+ visible tests passed/)).toBeVisible();
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText(/All \d+ tests passed/)).toBeVisible();
});

test('a failing visible test shows arguments, expected, actual and what was printed; an exception shows its line', async ({
  page,
}) => {
  await page.goto('/drills/softmax');
  await page.getByLabel('Language').selectOption('typescript');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await setCode(
    page,
    'function softmax(logits: number[]): number[] {\n  console.log("n =", logits.length);\n  return logits;\n}\n',
  );
  await page.getByRole('button', { name: 'Run' }).click();
  const firstTest = page.locator('.test').first();
  await expect(firstTest).toContainText('Failed');
  await expect(firstTest).toContainText('Arguments');
  await expect(firstTest).toContainText('Expected');
  await expect(firstTest).toContainText('Actual');
  await expect(firstTest).toContainText('n = ');

  await setCode(
    page,
    'function softmax(logits: number[]): number[] {\n  const x = 1;\n  throw new Error("boom");\n}\n',
  );
  await page.getByRole('button', { name: 'Run' }).click();
  // The same error in every test is shown once, with its line, not repeated in each card.
  await expect(page.getByRole('alert').filter({ hasText: 'Every test stopped' })).toHaveText(
    'Every test stopped with the same error on line 3: Error: boom',
  );
  await expect(page.locator('.test').first()).not.toContainText('boom');
});

test('an infinite loop ends in "Time limit exceeded", the page stays responsive and the code is kept', async ({
  page,
}) => {
  await page.goto('/drills/softmax');
  await page.getByLabel('Language').selectOption('typescript');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  const loop = 'function softmax(logits: number[]): number[] {\n  while (true) {}\n}\n';
  await setCode(page, loop);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  // The page answers clicks while the loop runs: a hint opens.
  await page.getByRole('button', { name: /Show hint 1/ }).click();
  await expect(page.getByText('Hint 1.')).toBeVisible();
  // The runner stops the loop at the drill's limit (speed is measured by the benchmarks, not asserted here).
  await expect(page.getByText(/Time limit exceeded/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Time limit exceeded' })).toContainText(
    'ran longer than 5 s and was stopped',
  );
  await expect(page.getByRole('button', { name: 'Run' })).toBeEnabled();
  await expect(page.locator('.monaco-editor')).toContainText('while (true)');
});

test('a Python infinite loop can be stopped, and Python still runs afterwards', async ({ page }) => {
  await page.goto('/drills/softmax');
  await page.getByLabel('Language').selectOption('python');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await setCode(page, 'def softmax(logits):\n    while True:\n        pass\n');
  await page.getByRole('button', { name: 'Run' }).click();
  await page.getByRole('button', { name: 'Stop' }).click({ timeout: 30_000 });
  await expect(page.getByText('Run stopped.')).toBeVisible();
  await setCode(page, PY_SOFTMAX);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByText(/All \d+ visible tests passed/)).toBeVisible({ timeout: 30_000 });
});

test('code typed just before a reload is kept: the waiting draft is written as the page goes', async ({ page }) => {
  await page.goto('/drills/softmax');
  await page.getByLabel('Language').selectOption('typescript');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await setCode(page, 'function softmax(logits: number[]): number[] {\n  return [42];\n}\n');
  // The last keystrokes, then a reload at once: well inside the 250 ms the draft waits for typing
  // to pause. (A page clock cannot hold that timer here: Monaco throws under a fake clock on reload.)
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('// last words');
  await page.reload();
  await expect(page.locator('.monaco-editor')).toContainText('// last words', { timeout: 20_000 });
});

test('a reload keeps the draft; Reset brings back the starter after a confirmation', async ({ page }) => {
  await page.clock.install();
  await page.goto('/drills/softmax');
  await page.getByLabel('Language').selectOption('typescript');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await setCode(page, 'function softmax(logits: number[]): number[] {\n  return [42]; // my draft\n}\n');
  // Drafts are written a moment after the last keystroke: run that timer instead of sleeping.
  await page.clock.runFor(1000);
  await page.reload();
  await expect(page.locator('.monaco-editor')).toContainText('my draft', { timeout: 20_000 });
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.locator('.monaco-editor')).not.toContainText('my draft');
  await expect(page.locator('.monaco-editor')).toContainText('not implemented');
});
