/** A first visit leads to a plan: the set-up around the interview date, then Today, whose numbers match Review. */
import { expect, test } from './fixtures';

const inDays = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('a first visit goes through the set-up and lands on Today with a plan whose numbers match the review queue', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Get ready for your AI/ML engineering interview' })).toBeVisible();
  await page.getByLabel('Interview date').fill(inDays(21));
  await page.getByRole('radio', { name: '30 min' }).check();
  await page.getByRole('radio', { name: /AI\/LLM engineer/ }).check();
  await page.getByRole('button', { name: 'Build my plan' }).click();

  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  await expect(page.locator('.today-head')).toContainText('21 days to your interview.');
  const plan = page.getByRole('list', { name: "Today's plan" });
  // 30 minutes = 40 cards of 45 s; each new card brings about 3 reviews: 10 new cards a day fit.
  await expect(plan.getByRole('link', { name: 'Learn 10 new cards' })).toBeVisible();
  await page.getByText('What your plan is based on').click();
  await expect(page.getByText(/30 minutes a day is about 40 cards/)).toBeVisible();
  // The hero is for first-time visitors only.
  await expect(page.getByRole('heading', { name: 'Get ready for your AI/ML engineering interview' })).toHaveCount(0);

  // Review shows the same new-card count, and grading one moves Today's count down by one.
  await plan.getByRole('link', { name: 'Learn 10 new cards' }).click();
  await expect(page.getByText(/10 new/)).toBeVisible();
  // A prose card to grade (the queue may open on a coding card, graded by its tests instead).
  await page.getByRole('combobox', { name: 'Topic' }).selectOption({ label: 'Behavioural and project deep-dive' });
  await page.getByRole('button', { name: /Show answer/ }).click();
  await page.getByRole('button', { name: /Good/ }).click();
  await page.getByRole('link', { name: 'Home', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Learn 9 new cards' })).toBeVisible();
  await expect(page.getByText('1 of 10 today (10 a day)')).toBeVisible();

  // Settings shows the same choices and can change them.
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Interview date')).toHaveValue(inDays(21));
  await expect(page.getByRole('radio', { name: /AI\/LLM engineer/ })).toBeChecked();
});

test('the set-up can be skipped, and a past date is refused with a reason', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Interview date').fill(inDays(-2));
  await page.getByRole('button', { name: 'Build my plan' }).click();
  await expect(page.getByRole('alert')).toHaveText('That date has passed. Choose the day of your next interview.');
  await page.getByRole('button', { name: 'Skip for now' }).click();
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  await expect(page.getByText(/No interview date yet/)).toBeVisible();
});
