/** SQL drills on Postgres in the browser: solve one, see the differing rows, a syntax error's position, a runaway query stopped. */
import type { Page } from '@playwright/test';
import { setCode } from './editor';
import { expect, test } from './fixtures';

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

const DRILL = '/drills/sql-customers-without-orders';
const RIGHT = `SELECT c.customer_id, c.name
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.customer_id
WHERE o.order_id IS NULL;`;

async function openDrill(page: Page) {
  await page.goto(DRILL);
  await expect(page.getByRole('heading', { name: 'Customers who never ordered' })).toBeVisible();
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Postgres ready')).toBeVisible({ timeout: 90_000 });
}

test('solve a SQL drill: the brief shows the tables, a wrong query marks the differing rows, the right one passes', async ({
  page,
}) => {
  await openDrill(page);
  // The brief: tables with columns, types and keys, and sample rows.
  const tables = page.getByRole('region', { name: 'Tables' });
  await expect(tables.getByRole('heading', { name: 'customers' })).toBeVisible();
  await expect(tables.getByText('PK').first()).toBeVisible();
  await expect(tables.getByRole('table').first()).toContainText('customer_id');

  // The starter lists every customer: the extra rows are marked.
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByText(/\d+ of \d+ tests failed/)).toBeVisible({ timeout: 30_000 });
  const firstTest = page.locator('.test').first();
  await expect(firstTest.getByRole('table', { name: /Your result/ })).toBeVisible();
  await expect(firstTest.getByRole('table', { name: /Expected/ })).toBeVisible();
  await expect(firstTest.locator('.row-differs').first()).toContainText('not expected');

  await setCode(page, RIGHT);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByText(/All \d+ visible tests passed/)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText(/All \d+ tests passed/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Recorded in your review schedule as Good.')).toBeVisible();
});

test('a syntax error shows Postgres’s message and where it is; a write is refused', async ({ page }) => {
  await openDrill(page);
  await setCode(page, 'SELECT customer_id, name\nFROM customers\nWHER name = 1;');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Postgres says' })).toContainText(/syntax error.*line 3/);
  await setCode(page, 'DELETE FROM customers;');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not run' })).toBeVisible({ timeout: 30_000 });
});

test('an endless recursive query is stopped at the time limit and the next run works', async ({ page }) => {
  test.setTimeout(120_000);
  await openDrill(page);
  await setCode(
    page,
    'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)\nSELECT i AS customer_id, i::text AS name FROM n;',
  );
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByText(/Time limit exceeded/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Postgres ready')).toBeVisible({ timeout: 90_000 });
  await setCode(page, RIGHT);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByText(/All \d+ visible tests passed/)).toBeVisible({ timeout: 30_000 });
});

test('a SQL drill inside a mock: the query is run, kept over a reload and counted in the self-assessment', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.goto('/mock');
  await page.getByText('Customise a mock').click();
  await page.getByRole('button', { name: 'No topics' }).click();
  await page.getByRole('checkbox', { name: 'SQL and data querying', exact: true }).check();
  for (const kind of ['Concept', 'Design'] as const) {
    await page.getByRole('checkbox', { name: kind, exact: true }).uncheck();
  }
  await page.getByRole('checkbox', { name: 'Coding', exact: true }).check();
  await page.getByLabel('Number of questions').fill('1');
  await page.getByRole('radio', { name: /^Practice/ }).check();
  await page.getByRole('button', { name: 'Start the mock' }).click();
  await expect(page.getByRole('region', { name: 'Your query' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Postgres ready')).toBeVisible({ timeout: 90_000 });
  await setCode(page, 'SELECT 1 AS one; -- my mock query');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText(/Submitted: \d+ of \d+ tests passed/)).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(page.locator('.monaco-editor')).toContainText('my mock query', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Finish' }).click();
  await page.getByRole('button', { name: 'End and assess' }).click();
  await expect(page.getByRole('heading', { name: 'Assess your answers' })).toBeVisible();
  await expect(page.getByText(/Tests: 0 of \d+ passed/)).toBeVisible();
});
