/** Shared steps for e2e tests that use the code editor. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const PY_SOFTMAX = `import math

def softmax(logits):
    if not logits:
        return []
    m = max(logits)
    e = [math.exp(x - m) for x in logits]
    s = sum(e)
    return [v / s for v in e]
`;
export const TS_SOFTMAX = `function softmax(logits: number[]): number[] {
  if (logits.length === 0) return [];
  const m = Math.max(...logits);
  const e = logits.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
`;

/** Replaces the editor's content the way a user would: select all, then paste. */
export async function setCode(page: Page, code: string) {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press('ControlOrMeta+V');
  // A long paste leaves the view at its end; Monaco renders only the visible lines.
  await page.keyboard.press('ControlOrMeta+Home');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText(code.split('\n')[0].slice(0, 20));
}

/** Python starts in the background; under load its first start can take a while. */
export async function pythonReady(page: Page) {
  await expect(page.getByText(/^Python ready/)).toBeVisible({ timeout: 90_000 });
}
