import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { setUpMock } from './mock-setup';

/** A mock of concept questions from one topic, each with the same budget and no total limit. */
async function startMock(
  page: Page,
  options: { topic: string; count: number; seconds: number; mode: 'Strict' | 'Practice' },
) {
  await setUpMock(page, { ...options, kinds: ['Concept'] });
  await expect(page.getByRole('heading', { name: `Question 1 of ${options.count}` })).toBeVisible();
}

test('skipped questions fold to one line in the assessment and count as skipped, not as a weak topic', async ({
  page,
}) => {
  await page.clock.install();
  await startMock(page, { topic: 'Metrics', count: 3, seconds: 120, mode: 'Strict' });

  await page
    .getByRole('textbox', { name: /Your answer/ })
    .fill('Precision is TP / (TP + FP); recall is TP / (TP + FN).');
  await page.clock.runFor(20_000);
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page.getByRole('heading', { name: 'Question 2 of 3' })).toBeVisible();
  await page.getByRole('button', { name: 'Skip' }).click();
  await expect(page.getByRole('heading', { name: 'Question 3 of 3' })).toBeVisible();
  await page.getByRole('button', { name: 'Finish' }).click();
  const end = page.getByRole('dialog', { name: 'End the mock now?' });
  await expect(end).toContainText('2 of 3 questions have no answer yet');
  await end.getByRole('button', { name: 'End and assess' }).click();

  // The answered question is shown in full; each skipped one is a single line until opened.
  await expect(page.getByRole('heading', { name: 'Assess your answers' })).toBeVisible();
  const answered = page.getByRole('region', { name: /^Question 1\b/ });
  await expect(answered.getByText('Precision is TP')).toBeVisible();
  const skipped = page.locator('details.assess-item');
  await expect(skipped).toHaveCount(2);
  await expect(page.getByRole('region', { name: /^Question [23]\b/ })).toHaveCount(0);
  for (const line of await skipped.all()) {
    await expect(line.locator('summary')).toHaveText(/^Question [23]: Not answered: .+ · graded Again$/);
    await expect(line.getByRole('heading', { name: 'Model answer' })).toBeHidden();
  }
  await skipped.first().locator('summary').click();
  await expect(skipped.first().getByRole('heading', { name: 'Model answer' })).toBeVisible();
  await expect(skipped.first().getByRole('radio', { name: 'Again' })).toBeChecked();

  const boxes = answered.getByRole('group', { name: /Rubric/ }).getByRole('checkbox');
  await expect(boxes.first()).toBeVisible();
  for (const box of await boxes.all()) await box.check();
  await page.getByRole('button', { name: 'Record grades and see the report' }).click();

  // The report: two skipped, the topic scored on its one answer, and no weak topic from skipping.
  await expect(page.getByRole('heading', { name: /: report$/ })).toBeVisible();
  await expect(page.locator('.score-row')).toContainText('Skipped: 2');
  await expect(page.locator('.big-score')).toHaveText('Overall score: 33 / 100');
  const byTopic = page.getByRole('region', { name: 'By topic' });
  await expect(byTopic.getByRole('row', { name: /Metrics/ })).toContainText('3 (2 skipped)');
  await expect(byTopic.getByRole('row', { name: /Metrics/ })).toContainText('100');
  await expect(page.getByRole('region', { name: 'Weakest topics in this mock' })).toContainText(
    'No answered topic scored under 70.',
  );
  // A mock without coding questions has no Tests column.
  const byQuestion = page.getByRole('region', { name: 'By question' });
  await expect(byQuestion.getByRole('columnheader')).toHaveText([
    '#',
    'Topic',
    'Time used / budget',
    'Rubric',
    'Grade',
  ]);
  await expect(byQuestion.getByRole('row')).toHaveCount(4);
  await expect(byQuestion.getByRole('row').nth(2)).toContainText('skipped');
});

test('a running strict mock asks before the site navigation leaves it, and on closing the tab', async ({ page }) => {
  await page.clock.install();
  await startMock(page, { topic: 'Metrics', count: 2, seconds: 120, mode: 'Strict' });
  const mockUrl = page.url();
  const clock = page.getByRole('timer', { name: /^Question 1/ });
  await expect(clock).toHaveAccessibleName(/^Question 1: (2:00|1:5\d)$/);

  // A header link asks first; Stay keeps the mock, and its clock ran on meanwhile.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  const ask = page.getByRole('dialog', { name: 'Leave the mock?' });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('The clock keeps running');
  await expect(ask.getByRole('button', { name: 'Stay' })).toBeFocused();
  await page.clock.runFor(10_000);
  await ask.getByRole('button', { name: 'Stay' }).click();
  await expect(ask).toBeHidden();
  expect(page.url()).toBe(mockUrl);
  // The fake clock also runs on in real time, so at most 1:50 is left, not exactly.
  const left = /(\d+):(\d\d)$/.exec((await clock.getAttribute('aria-label')) ?? '');
  expect(left && Number(left[1]) * 60 + Number(left[2])).toBeLessThanOrEqual(110);

  // By keyboard: Enter on a link opens the question, Escape is Stay, and Leave follows the link.
  await page.getByRole('link', { name: 'Drillbook home' }).focus();
  await page.keyboard.press('Enter');
  await expect(ask).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  expect(page.url()).toBe(mockUrl);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).focus();
  await page.keyboard.press('Enter');
  // Tab only once the dialog has taken focus (pressed earlier, under load, it moved focus in the page).
  await expect(ask.getByRole('button', { name: 'Stay' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(ask.getByRole('button', { name: 'Leave' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/review$/);

  // Back in the mock, closing the tab asks too.
  await page.goto(mockUrl);
  await expect(page.getByRole('heading', { name: 'Question 1 of 2' })).toBeVisible();
  await page.getByRole('textbox', { name: /Your answer/ }).fill('A first thought');
  const closing = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await closing;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);
});

test('a practice mock does not ask before leaving', async ({ page }) => {
  await startMock(page, { topic: 'Metrics', count: 2, seconds: 120, mode: 'Practice' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await expect(page).toHaveURL(/\/progress$/);
  await expect(page.getByRole('dialog', { name: 'Leave the mock?' })).toBeHidden();
});
