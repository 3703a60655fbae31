import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { setUpMock } from './mock-setup';

/** Seconds left on a countdown, read from its accessible name ("Question 2: 0:16"). */
async function secondsLeft(page: Page, name: RegExp): Promise<number> {
  const label = (await page.getByRole('timer', { name }).getAttribute('aria-label')) ?? '';
  const match = /(\+?)(\d+):(\d\d)$/.exec(label);
  if (!match) throw new Error(`no clock in "${label}"`);
  const seconds = Number(match[2]) * 60 + Number(match[3]);
  return match[1] ? -seconds : seconds;
}

async function setNoNewCards(page: Page) {
  await page.goto('/settings');
  await page.getByLabel('New cards per day').fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: /saved/i })).toBeVisible();
}

test('a strict three-question mock: timeout, reload, self-assessment, report and review', async ({ page }) => {
  test.setTimeout(120_000);
  // No new cards, so the review queue afterwards holds only what the mock graded.
  await setNoNewCards(page);
  // The mock's clock runs on Playwright's clock: time moves when the test says so.
  await page.clock.install();

  await setUpMock(page, { topic: 'Transformers and attention', kinds: ['Concept'], count: 3, seconds: 20 });
  await expect(page).toHaveURL(/\/mock\/[\w-]+$/);
  const prompts: string[] = [];
  const answer = page.getByRole('textbox', { name: /Your answer/ });

  // Question 1: answered, then on to the next.
  await expect(page.getByRole('heading', { name: 'Question 1 of 3' })).toBeVisible();
  prompts.push((await page.locator('.mock-question .prompt').textContent()) ?? '');
  await answer.fill('Scaling keeps the dot products near unit variance, so softmax does not saturate.');
  await page.getByRole('button', { name: 'Next question' }).click();

  // Question 2: typed text and the clock survive a reload.
  await expect(page.getByRole('heading', { name: 'Question 2 of 3' })).toBeVisible();
  prompts.push((await page.locator('.mock-question .prompt').textContent()) ?? '');
  await answer.pressSequentially('Heads attend to different subspaces');
  await page.clock.runFor(3000);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Question 2 of 3' })).toBeVisible();
  await expect(answer).toHaveValue('Heads attend to different subspaces');
  const left = await secondsLeft(page, /^Question 2/);
  expect(left).toBeLessThanOrEqual(17);
  expect(left).toBeGreaterThanOrEqual(8);
  await page.getByRole('button', { name: 'Next question' }).click();

  // Question 3 is left to run out: strict mode locks it and moves on by itself.
  await expect(page.getByRole('heading', { name: 'Question 3 of 3' })).toBeVisible();
  prompts.push((await page.locator('.mock-question .prompt').textContent()) ?? '');
  await page.clock.runFor(21_000);
  await expect(page.getByText('Time is up for question 3: your answer was saved and locked.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Question 3, time up/ })).toBeDisabled();
  await expect(page.getByRole('heading', { name: 'Question 1 of 3' })).toBeVisible();

  // End early, after a confirmation.
  await page.getByRole('button', { name: 'End mock' }).click();
  const dialog = page.getByRole('dialog', { name: 'End the mock now?' });
  await expect(dialog).toContainText('1 of 3 questions have no answer yet');
  await dialog.getByRole('button', { name: 'End and assess' }).click();
  await expect(page.getByText('You ended the mock early.')).toBeVisible();

  // Self-assessment: tick every rubric point of the two answers; the unanswered one proposes Again.
  await expect(page.getByRole('heading', { name: 'Assess your answers' })).toBeVisible();
  const typed = ['Scaling keeps the dot products', 'Heads attend to different subspaces'];
  for (const n of [1, 2]) {
    const section = page.getByRole('region', { name: new RegExp(`^Question ${n}\\b`) });
    await expect(section.getByText(typed[n - 1])).toBeVisible();
    await expect(section.getByRole('heading', { name: 'Model answer' })).toBeVisible();
    const boxes = section.getByRole('group', { name: /Rubric/ }).getByRole('checkbox');
    await expect(boxes.first()).toBeVisible();
    for (const box of await boxes.all()) await box.check();
    await expect(section.getByRole('group', { name: /proposed: Good/ })).toBeVisible();
  }
  // The unanswered question is one line, graded Again unless opened and changed.
  const third = page.locator('details.assess-item');
  await expect(third.locator('summary')).toHaveText(/^Question 3: Not answered: .+ · graded Again$/);
  await third.locator('summary').click();
  await expect(third.getByRole('group', { name: /proposed: Again/ })).toBeVisible();
  await expect(third.getByRole('radio', { name: 'Again' })).toBeChecked();
  await page.getByRole('button', { name: 'Record grades and see the report' }).click();

  // The report: the skipped question counts 0 overall (2 of 3 answered in full: 67) but is reported
  // as skipped, not as a weakness: the topic scores 100 on its two answers.
  await expect(page.getByRole('heading', { name: /: report$/ })).toBeVisible();
  await expect(page.locator('.big-score')).toHaveText('Overall score: 67 / 100');
  await expect(page.locator('.score-row')).toContainText('Skipped: 1');
  const topicRow = page.getByRole('region', { name: 'By topic' }).getByRole('row', { name: /Transformers/ });
  await expect(topicRow).toContainText('3 (1 skipped)');
  await expect(topicRow).toContainText('100');
  const weak = page.getByRole('region', { name: 'Weakest topics in this mock' });
  await expect(weak).toContainText('No answered topic scored under 70.');
  const rows = page.getByRole('region', { name: 'By question' }).getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(3)).toContainText('skipped');
  await expect(rows.nth(3)).toContainText('Again');

  // The missed question comes back first in the review queue.
  await page.goto('/review?topic=transformers');
  const card = page.getByRole('article', { name: 'Card' });
  await expect(card.locator('.prompt')).toHaveText(prompts[2]);

  // The mock is in the history, with its score.
  await page.goto('/mock');
  await expect(page.getByRole('region', { name: 'Past mocks' }).getByRole('row').nth(1)).toContainText('67 / 100');
});

test('impossible settings get a clear message, not an empty mock', async ({ page }) => {
  await page.goto('/mock');
  await page.getByText('Customise a mock').click();
  await page.getByRole('button', { name: 'No topics' }).click();
  await page.getByRole('button', { name: 'Start the mock' }).click();
  await expect(page.getByRole('alert')).toHaveText('Choose at least one topic.');
  await page.getByRole('checkbox', { name: 'Metrics', exact: true }).check();
  await page.getByLabel('Number of questions').fill('500');
  await page.getByRole('button', { name: 'Start the mock' }).click();
  await expect(page.getByRole('alert')).toContainText(/Only \d+ questions match/);
  await page.getByLabel('Number of questions').fill('2');
  await page.getByLabel(/Total time limit/).fill('0');
  await page.getByRole('button', { name: 'Start the mock' }).click();
  await expect(page.getByRole('alert')).toContainText('A total time limit of zero');
  await expect(page).toHaveURL(/\/mock$/);
});

test('@phone every destination and a running mock fit a 375 px phone', async ({ page }) => {
  await page.goto('/mock');
  // The header is one compact row; every main destination is one tap away in the menu, on screen.
  const header = await page.getByRole('banner').boundingBox();
  expect(header && header.height <= 64).toBe(true);
  await page.getByRole('button', { name: 'Menu' }).tap();
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  await expect(links).toHaveCount(7);
  for (const link of await links.all()) {
    await expect(link).toBeInViewport();
    const box = await link.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
  }
  await links.filter({ hasText: 'Mock' }).tap();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  // One tap on a preset starts it.
  await page.getByRole('button', { name: /Transformers rapid-fire/ }).tap();
  await expect(page.getByRole('timer', { name: /^Question 1/ })).toBeInViewport();
  await expect(page.getByRole('timer', { name: /^Mock/ })).toBeInViewport();
  await page.getByRole('textbox', { name: /Your answer/ }).fill('On a phone.');
  await page.getByRole('button', { name: 'Next question' }).tap();
  await expect(page.getByRole('heading', { name: 'Question 2 of 10' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('practice mode: overtime is allowed and shown, and a pause stops the clock and hides the question', async ({
  page,
}) => {
  await page.clock.install();
  await setUpMock(page, { topic: 'Metrics', kinds: ['Concept'], count: 2, seconds: 2, mode: 'Practice' });

  const answer = page.getByRole('textbox', { name: /Your answer/ });
  await answer.fill('Still answering after the budget.');
  const clock = page.getByRole('timer', { name: /^Question 1/ });
  await page.clock.fastForward('00:04');
  await expect(clock).toHaveAccessibleName(/\+0:0\d$/);
  await expect(clock).toContainText('over budget');
  await expect(page.locator('.countdown.over')).toBeVisible();
  await expect(answer).toBeEditable();

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('region', { name: 'Paused' })).toBeVisible();
  await expect(page.locator('.mock-question')).toHaveCount(0);
  const paused = await clock.getAttribute('aria-label');
  await page.clock.fastForward('00:05');
  await expect(clock).toHaveAttribute('aria-label', paused ?? '');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(answer).toHaveValue('Still answering after the budget.');

  // On the last question the way on is Finish, not a wrap back to question 1.
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page.getByRole('heading', { name: 'Question 2 of 2' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Skip' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Finish' }).click();
  await page.getByRole('button', { name: 'End and assess' }).click();
  await expect(page.getByText('You finished the mock.')).toBeVisible();
});

test('a coding question in a mock: the editor inline, Submit, and the test result in the self-assessment', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await setUpMock(page, { topic: 'Metrics', kinds: ['Coding'], count: 1 });

  const work = page.getByRole('region', { name: 'Your code' });
  await work.getByLabel('Language').selectOption('typescript');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  // A wrong answer: a function that returns nothing useful, whatever the drill is.
  const wrong = 'function wrong(): number {\n  return 0;\n}\n';
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((text) => navigator.clipboard.writeText(text), wrong);
  await page.keyboard.press('ControlOrMeta+V');
  await work.getByRole('button', { name: 'Submit' }).click();
  await expect(work.getByText(/^Submitted: 0 of (\d+) tests passed/)).toBeVisible({ timeout: 30_000 });

  await page.reload();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('function wrong()', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Finish' }).click();
  await page.getByRole('button', { name: 'End and assess' }).click();
  const assess = page.getByRole('region', { name: /^Question 1\b/ });
  await expect(assess.getByRole('status')).toHaveText(/^Tests: 0 of \d+ passed\.$/);
  await expect(assess.locator('.typed-answer')).toContainText('function wrong()');
  await expect(assess.getByRole('group', { name: /proposed: Again/ })).toBeVisible();
});
