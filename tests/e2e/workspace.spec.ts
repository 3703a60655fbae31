/** The drill workspace as a user meets it: fast typing, results in view, notices per run, status, custom cases, Stop. */
import type { Page } from '@playwright/test';
import { PY_SOFTMAX, pythonReady, setCode, TS_SOFTMAX } from './editor';
import { expect, test } from './fixtures';

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

/** The code the editor holds, as saved to the user's drafts (Monaco's model value, not its rendering). */
async function savedDraft(page: Page, drillId: string, language: string): Promise<string | undefined> {
  return page.evaluate(
    ([id, lang]) =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open('drillbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('kv').objectStore('kv').get(`draft:${id}:${lang}`);
          get.onsuccess = () => {
            resolve(get.result?.value);
            open.result.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
    [drillId, language] as const,
  );
}

// Flat lines (no indentation for the editor to add) ending in non-word characters, so the typed
// text is exactly what the editor must hold. Brackets are typed over Monaco's auto-closed ones.
const FAST_PYTHON = [
  'from math import exp',
  'def softmax(logits): return [] if not logits else [exp(x - max(logits)) / sum(exp(y - max(logits)) for y in logits) for x in logits]',
  '',
].join('\n');

test('fast typing with real key events (25 characters a second) never loses or reorders a keystroke', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/drills/softmax');
  await page.getByLabel('Language').selectOption('python');
  const editor = page.locator('.monaco-editor .view-lines');
  await expect(editor).toBeVisible({ timeout: 20_000 });
  for (let attempt = 1; attempt <= 5; attempt++) {
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(FAST_PYTHON, { delay: 40 });
    await expect.poll(() => savedDraft(page, 'softmax', 'python'), { message: `attempt ${attempt}` }).toBe(FAST_PYTHON);
  }
  await pythonReady(page);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByText(/All \d+ visible tests passed/)).toBeVisible({ timeout: 30_000 });
});

test('Enter after a fully typed word starts a new line even while a suggestion is open', async ({ page }) => {
  await page.goto('/drills/softmax');
  await page.getByLabel('Language').selectOption('python');
  const editor = page.locator('.monaco-editor .view-lines');
  await expect(editor).toBeVisible({ timeout: 20_000 });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // Suggestions open by themselves while typing (as they do for a fast typist under load).
  await page.keyboard.type('exponent = 1\nexp = 2\nx = ex');
  await expect(page.locator('.suggest-widget.visible')).toBeVisible();
  await page.keyboard.type('p');
  await expect(page.locator('.suggest-widget.visible')).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type('y = 3');
  await expect.poll(() => savedDraft(page, 'softmax', 'python')).toBe('exponent = 1\nexp = 2\nx = exp\ny = 3');
});

test('after Run the results panel is in view at 1280x800, and a notice belongs to its own run', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/drills/softmax');
  await page.getByLabel('Language').selectOption('python');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await setCode(page, PY_SOFTMAX);
  await pythonReady(page);
  await page.getByRole('button', { name: 'Submit' }).click();
  const recorded = page.getByText('Recorded in your review schedule as Good.');
  await expect(recorded).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Results' })).toBeInViewport({ ratio: 0.9 });
  await expect(page.getByText(/All \d+ tests passed/)).toBeInViewport();

  await setCode(page, 'def softmax(logits):\n    return logits\n');
  await page.getByRole('button', { name: 'Run' }).click();
  // Gone the moment the new run starts, and it does not come back with the new results.
  await expect(recorded).toBeHidden();
  await expect(page.getByText(/\d+ of \d+ tests failed/)).toBeVisible({ timeout: 30_000 });
  await expect(recorded).toBeHidden();
  await expect(page.locator('.test.fail').first()).toBeInViewport();
});

test('a drill goes from New to Solved in the list after a passing Submit, and stays so after a reload', async ({
  page,
}) => {
  await page.goto('/drills');
  const row = page.locator('a[href="/drills/softmax"]');
  await expect(row).toContainText('New');
  await row.click();
  await page.getByLabel('Language').selectOption('python');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await setCode(page, PY_SOFTMAX);
  await pythonReady(page);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Recorded in your review schedule as Good.')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Coding drills' }).click();
  await expect(page.locator('a[href="/drills/softmax"]')).toContainText('Solved');
  await page.reload();
  await expect(page.locator('a[href="/drills/softmax"]')).toContainText('Solved');
  await expect(page.locator('a[href="/drills/softmax"]')).toContainText(/Passed (just now|\d+ minutes? ago)/);
  await page.getByLabel('Status').selectOption('solved');
  await expect(page.locator('a[href="/drills/softmax"]')).toHaveCount(1);
  await expect(page.getByText(/^1 shown$/)).toBeVisible();
});

test('a custom case shows what my code returns and, on request, what the reference returns', async ({ page }) => {
  await page.goto('/drills/softmax');
  await page.getByLabel('Language').selectOption('python');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await setCode(page, 'def softmax(logits):\n    print("got", len(logits))\n    return logits\n');
  await pythonReady(page);
  await page.getByRole('tab', { name: 'Custom' }).click();
  await page.getByLabel('Your test cases').fill('[[0, 0]]');
  await page.getByLabel(/Also run the reference/).check();
  await page.getByRole('button', { name: 'Run custom cases' }).click();
  const result = page.getByRole('list', { name: 'Custom results' }).getByRole('listitem');
  await expect(result).toContainText('Yours[0,0]', { timeout: 30_000 });
  await expect(result).toContainText('Expected[0.5,0.5]');
  await expect(result).toContainText('got 2');
  await expect(result).toContainText('Differs');
  await page.getByLabel('Your test cases').fill('[0, 0]');
  await page.getByRole('button', { name: 'Run custom cases' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Line 1' })).toHaveText(
    'Line 1 has 2 arguments; the function takes 1.',
  );
});

test('Stop ends a Python loop and the next run finds Python ready, with no cold start', async ({ page }) => {
  await page.goto('/drills/softmax');
  await page.getByLabel('Language').selectOption('python');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await pythonReady(page);
  await setCode(page, 'def softmax(logits):\n    while True:\n        pass\n');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByText('Python running')).toBeVisible();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByText('Run stopped.')).toBeVisible();
  await expect(page.getByText(/^Python ready/)).toBeVisible({ timeout: 15_000 });
  await setCode(page, PY_SOFTMAX);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByText(/All \d+ visible tests passed/)).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText(/Waiting for Python to start|Python starting|Python restarting/)).toHaveCount(0);
});

// A TypeScript softmax that first prints what earlier runs may have left in the worker, then leaves
// a global and a new built-in method behind itself.
const TS_LEAVES_TRACES = `function softmax(logits: number[]): number[] {
  const scope = globalThis as unknown as { leftByRun?: string };
  const arrayProto = Array.prototype as unknown as { leftByRun?: string };
  console.log('global ' + String(scope.leftByRun) + ', built-in ' + String(arrayProto.leftByRun));
  scope.leftByRun = 'yes';
  arrayProto.leftByRun = 'yes';
  const m = Math.max(...logits);
  const e = logits.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
`;

test('a TypeScript run never sees a global or a built-in change left by the run before', async ({ page }) => {
  await page.goto('/drills/softmax');
  await page.getByLabel('Language').selectOption('typescript');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await setCode(page, TS_LEAVES_TRACES);
  for (let run = 1; run <= 3; run++) {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByText(/All \d+ visible tests passed/)).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('pre.stdout').first(), `run ${run}`).toHaveText('global undefined, built-in undefined');
  }
  // Clean runs reuse the warm worker and still give the same report each time.
  await setCode(page, TS_SOFTMAX);
  for (let run = 1; run <= 3; run++) {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByText(/All \d+ visible tests passed/)).toBeVisible({ timeout: 15_000 });
  }
});

test('a TypeScript loop is stopped at the time limit, and Stop ends another; the next run works each time', async ({
  page,
}) => {
  await page.goto('/drills/softmax');
  await page.getByLabel('Language').selectOption('typescript');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await setCode(page, TS_SOFTMAX);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByText(/All \d+ visible tests passed/)).toBeVisible({ timeout: 15_000 });

  await setCode(page, 'function softmax(logits: number[]): number[] {\n  while (true) {}\n}\n');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Time limit exceeded' })).toBeVisible({ timeout: 15_000 });
  await setCode(page, TS_SOFTMAX);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByText(/All \d+ visible tests passed/)).toBeVisible({ timeout: 15_000 });

  await setCode(page, 'function softmax(logits: number[]): number[] {\n  while (true) {}\n}\n');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByText('Run stopped.')).toBeVisible();
  await setCode(page, TS_SOFTMAX);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByText(/All \d+ visible tests passed/)).toBeVisible({ timeout: 15_000 });
});

test('on a phone the workspace has Brief, Code and Results tabs; Run switches to Results @phone', async ({ page }) => {
  await page.goto('/drills/softmax');
  await expect(page.getByRole('tab', { name: 'Brief' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Code' }).click();
  await page.getByLabel('Language').selectOption('python');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await setCode(page, PY_SOFTMAX);
  const run = page.getByRole('button', { name: 'Run' });
  await expect(run).toBeInViewport();
  await pythonReady(page);
  await expect(page.getByRole('button', { name: 'Submit' })).toBeInViewport();
  await run.click();
  await expect(page.getByRole('tab', { name: 'Results' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(/All \d+ visible tests passed/)).toBeInViewport({ timeout: 30_000 });
});
