import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

/** Collects console errors of a page the fixture does not watch (the friend's browser). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('a friend grades a finished mock from a file and the grades come back to its report', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  // The candidate: a one-question practice mock with a typed answer, under a controlled clock.
  await page.clock.install();
  await page.goto('/mock');
  await page.getByText('Customise a mock').click();
  await page.getByRole('button', { name: 'No topics' }).click();
  await page.getByRole('checkbox', { name: 'Metrics', exact: true }).check();
  for (const kind of ['Design', 'Coding']) await page.getByRole('checkbox', { name: kind, exact: true }).uncheck();
  await page.getByRole('checkbox', { name: 'Concept', exact: true }).check();
  await page.getByLabel('Number of questions').fill('1');
  await page.getByLabel('Name', { exact: true }).fill('Metrics for Sam');
  await page.getByRole('radio', { name: /^Practice/ }).check();
  await page.getByRole('button', { name: 'Start the mock' }).click();

  const answer = 'Precision is TP over TP plus FP: how many flagged cases were real.';
  await page.getByRole('textbox', { name: /Your answer/ }).fill(answer);
  await page.clock.runFor(75_000);
  await page.getByRole('button', { name: 'Finish' }).click();
  await page.getByRole('button', { name: 'End and assess' }).click();
  const own = page.getByRole('region', { name: /^Question 1\b/ });
  for (const box of await own
    .getByRole('group', { name: /Rubric/ })
    .getByRole('checkbox')
    .all())
    await box.check();
  await expect(own.getByRole('group', { name: /proposed: Good/ })).toBeVisible();
  await page.getByRole('button', { name: 'Record grades and see the report' }).click();
  await expect(page.getByRole('heading', { name: 'Metrics for Sam: report' })).toBeVisible();

  // Export for a peer review: the button says what the file holds and leaves out.
  const peer = page.getByRole('region', { name: 'Peer review' });
  const exportButton = peer.getByRole('button', { name: 'Export for a peer review' });
  await expect(exportButton).toHaveAccessibleDescription(/grades blind.*File size: about \d+ (B|KB)$/);
  const [reviewDownload] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  expect(reviewDownload.suggestedFilename()).toBe('metrics-for-sam-for-review.drillbook.json');
  const reviewPath = testInfo.outputPath(reviewDownload.suggestedFilename());
  await reviewDownload.saveAs(reviewPath);

  // The friend, in a browser of their own: opens the file, grades it, exports the grades.
  const friendContext = await browser.newContext();
  const friend = await friendContext.newPage();
  const friendErrors = watchErrors(friend);
  await friend.goto('/mock');
  await friend.getByRole('link', { name: 'Review a friend’s mock' }).click();
  await expect(friend).toHaveURL(/\/peer-review$/);
  await friend.getByLabel('Mock file to review').setInputFiles(reviewPath);
  const question = friend.getByRole('region', { name: /^Question 1: / });
  await expect(question.getByText(answer)).toBeVisible();
  await expect(question.getByRole('heading', { name: 'Model answer' })).toBeVisible();
  const rubric = question.getByRole('group', { name: 'Rubric: tick what their answer covered' });
  // Blind: none of the candidate's own ticks came along.
  for (const box of await rubric.getByRole('checkbox').all()) await expect(box).not.toBeChecked();
  const points = await rubric.getByRole('checkbox').count();
  await rubric.getByRole('checkbox').first().check();
  await question.getByRole('group', { name: 'Grade for question 1' }).getByRole('radio', { name: 'Hard' }).check();
  await question.getByLabel('Comment on question 1').fill('Say what a false positive costs.');
  await friend.getByLabel(/Your name/).fill('Sam');
  expect(await seriousViolations(friend, 'reviewer screen')).toEqual([]);
  const [gradesDownload] = await Promise.all([
    friend.waitForEvent('download'),
    friend.getByRole('button', { name: 'Export my grades' }).click(),
  ]);
  expect(gradesDownload.suggestedFilename()).toBe('metrics-for-sam-grades.drillbook.json');
  const gradesPath = testInfo.outputPath(gradesDownload.suggestedFilename());
  await gradesDownload.saveAs(gradesPath);
  // The friend's own progress is untouched: no mock of theirs, nothing to review from it.
  await friend.goto('/mock');
  await expect(friend.getByText('No mocks yet.', { exact: false })).toBeVisible();
  expect(friendErrors, 'console errors in the friend’s browser').toEqual([]);
  await friendContext.close();

  // Back at the candidate: a wrong file first, then the friend's grades.
  const importer = peer.getByLabel('Import a friend’s grades');
  await importer.setInputFiles(reviewPath);
  await expect(peer.getByRole('alert')).toContainText('holds a mock to review, not a friend’s grades');
  await importer.setInputFiles(gradesPath);
  await expect(peer.getByText('Imported Sam’s grades.')).toBeVisible();
  const line = peer.getByRole('listitem').first();
  await expect(line).toContainText(`Your grade: Good. Sam’s grade: Hard, 1 of ${points} rubric points, comment:`);
  await expect(line).toContainText('Say what a false positive costs.');
  await expect(peer).toContainText('peer grades never enter your review schedule');
  expect(await seriousViolations(page, 'report with peer grades')).toEqual([]);

  // They are kept: a reload of the report still shows them.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Peer review' }).getByRole('listitem').first()).toContainText(
    'Sam’s grade: Hard',
  );
});

test('@phone the reviewer’s screen fits a phone and explains a file it cannot open', async ({ page }, testInfo) => {
  const foreign = testInfo.outputPath('notes.json');
  writeFileSync(foreign, JSON.stringify({ format: 'drillbook-backup', version: 1 }));
  const newer = testInfo.outputPath('newer.json');
  writeFileSync(newer, JSON.stringify({ format: 'drillbook-peer-review', version: 2 }));
  const good = testInfo.outputPath('good.json');
  writeFileSync(
    good,
    JSON.stringify({
      format: 'drillbook-peer-review',
      version: 1,
      exportedAt: 1_764_000_000_000,
      mock: {
        id: 'm1',
        title: 'A mock with a very long title that has to wrap on a phone',
        mode: 'strict',
        createdAt: 1_764_000_000_000,
      },
      items: [
        {
          questionId: 'not-in-any-bank',
          title: 'A question from a newer bank',
          topic: 'metrics',
          kind: 'coding',
          difficulty: 'hard',
          budgetSeconds: 600,
          usedMs: 420_000,
          answer: '',
          code: { language: 'python', sources: { python: `def f(x):\n    return ${'x + '.repeat(40)}1` } },
          drill: { passed: 3, total: 5, allPassed: false },
        },
      ],
    }),
  );
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/peer-review');
  const picker = page.getByLabel('Mock file to review');
  await picker.setInputFiles(foreign);
  await expect(page.getByRole('alert')).toHaveText('notes.json: This file is not a mock to review from Drillbook.');
  await picker.setInputFiles(newer);
  await expect(page.getByRole('alert')).toContainText('made by a newer Drillbook');
  await picker.setInputFiles(good);
  const question = page.getByRole('region', { name: /^Question 1: A question from a newer bank/ });
  await expect(question.getByText(/is not in your question bank/)).toBeVisible();
  await expect(question.getByText('Tests: 3 of 5 passed.')).toBeVisible();
  await question.getByRole('radio', { name: 'Good' }).tap();
  await expect(page.getByText('1 of 1 questions graded.')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page, 'reviewer screen, dark, phone')).toEqual([]);
});
