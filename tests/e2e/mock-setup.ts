import type { Page } from '@playwright/test';

/** Fills the mock set-up form: only these topics and kinds, and the given clock. */
export async function setUpMock(
  page: Page,
  options: {
    topic: string;
    kinds: ('Concept' | 'Design' | 'Coding')[];
    count: number;
    seconds?: number;
    mode?: 'Strict' | 'Practice';
  },
) {
  await page.goto('/mock');
  await page.getByText('Customise a mock').click();
  await page.getByRole('button', { name: 'No topics' }).click();
  await page.getByRole('checkbox', { name: options.topic, exact: true }).check();
  for (const kind of ['Concept', 'Design', 'Coding'] as const) {
    await page.getByRole('checkbox', { name: kind, exact: true }).setChecked(options.kinds.includes(kind));
  }
  await page.getByLabel('Number of questions').fill(String(options.count));
  if (options.seconds !== undefined) {
    await page.getByRole('radio', { name: 'The same for every question' }).check();
    await page.getByLabel('Seconds per question').fill(String(options.seconds));
    await page.getByLabel(/Total time limit/).fill('');
  }
  await page.getByRole('radio', { name: new RegExp(`^${options.mode ?? 'Strict'}`) }).check();
  await page.getByRole('button', { name: 'Start the mock' }).click();
}
