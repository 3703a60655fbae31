import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { canvasCentre, finishRound, QUESTION, startRound } from './design';
import { expect, test } from './fixtures';
import { setUpMock } from './mock-setup';

test('three shapes and an arrow drawn on the whiteboard survive a reload and show in the self-assessment', async ({
  page,
}) => {
  await startRound(page);
  for (const name of ['Data source', 'Model', 'Queue']) await page.getByRole('button', { name, exact: true }).click();
  // An arrow drawn with the mouse from the first box (left of centre) to the second (centre).
  await page.getByTitle(/Arrow/).first().click();
  const centre = await canvasCentre(page);
  await page.mouse.move(centre.x - 190, centre.y);
  await page.mouse.down();
  await page.mouse.move(centre.x - 100, centre.y, { steps: 5 });
  await page.mouse.move(centre.x - 20, centre.y, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByText('Drawing saved')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('region', { name: 'Phased clock' })).toBeVisible();
  await finishRound(page);
  const drawing = page.getByRole('img', { name: /Your whiteboard/ });
  await expect(drawing).toHaveAccessibleName('Your whiteboard: 4 shapes, labelled Data source, Model, Queue.');
  await expect(drawing.locator('svg')).toBeVisible();
  // The model answer opens beside it, with the rubric to tick and time per phase.
  await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
  await page.getByRole('checkbox').first().check();
  await expect(page.getByRole('table', { name: 'Time and rubric coverage per phase' })).toContainText('1 of');
});

test('on a slow machine, a shape clicked the moment the board appears is kept', async ({ page }) => {
  // A CPU 8x slower makes Excalidraw apply the saved scene late; a shape added before that was lost.
  const cdp = await page.context().newCDPSession(page);
  await page.goto(QUESTION);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await page.getByRole('button', { name: 'Start the design round' }).click();
  await page.getByRole('button', { name: 'Data source', exact: true }).click({ timeout: 60_000 });
  await expect(page.getByText('Drawing saved')).toBeVisible({ timeout: 30_000 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await finishRound(page);
  await expect(page.getByRole('img', { name: /Your whiteboard/ })).toHaveAccessibleName(
    'Your whiteboard: 1 shape, labelled Data source.',
  );
});

/** Reads (or, given a value, writes) one raw key-value record in the page's progress database. */
function kvRecord(page: Page, key: string, write?: { value: unknown; version: number }) {
  return page.evaluate(
    ([k, w]) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('drillbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('kv', w ? 'readwrite' : 'readonly').objectStore('kv');
          const request = w ? store.put({ key: k, ...w }) : store.get(k);
          request.onsuccess = () => {
            resolve(w ? undefined : (request.result as { value?: unknown } | undefined)?.value);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    [key, write] as const,
  );
}

test('a stored drawing that cannot be read is reported and kept until the user draws', async ({ page }) => {
  const key = `drawing:question:${QUESTION.slice('/q/'.length)}`;
  const damaged = { version: 1, shapes: 'hand-edited' };
  await page.goto(QUESTION);
  await expect(page.getByRole('button', { name: 'Start the design round' })).toBeVisible();
  await kvRecord(page, key, { value: damaged, version: 1 });
  await page.getByRole('button', { name: 'Start the design round' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The saved drawing could not be read' })).toContainText(
    'your first change replaces it',
  );
  await expect(page.getByRole('button', { name: 'Model', exact: true })).toBeVisible();
  expect(await kvRecord(page, key)).toEqual(damaged);
  await page.getByRole('button', { name: 'Model', exact: true }).click();
  await expect(page.getByText('Drawing saved')).toBeVisible();
  expect(await kvRecord(page, key)).toMatchObject({ version: 1, elements: expect.any(Array) });
});

test('the phased clock moves through its phases, cues a long phase, and times each follow-up', async ({ page }) => {
  await page.clock.install();
  await startRound(page);
  const clock = page.getByRole('region', { name: 'Phased clock' });
  await expect(clock).toContainText('Now: Clarify and requirements');
  await expect(clock).not.toContainText('past its');

  await page.clock.fastForward('04:00');
  await expect(clock.getByRole('status')).toHaveText(
    'Clarify and requirements has run 1 min past its 3 min. Move on to estimates when you can.',
  );
  await clock.getByRole('button', { name: 'Next phase: Estimates' }).click();
  await expect(clock).toContainText('Now: Estimates');
  await expect(clock).not.toContainText('past its');
  await page.clock.fastForward('02:00');
  await clock.getByRole('button', { name: 'Next phase: High-level design' }).click();
  await expect(clock).toContainText('Now: High-level design');

  await page.getByRole('button', { name: 'End my answer' }).click();
  const round = page.getByRole('region', { name: /The interviewer asks \(1 of 2\)/ });
  await expect(round).toContainText(/2:[0-3]\d left for this follow-up/);
  await round.getByRole('textbox', { name: 'Your answer to the follow-up' }).fill('Recalibrate per segment.');
  await page.clock.fastForward('03:00');
  await expect(round).toContainText('Time is up for this follow-up.');
  await round.getByRole('button', { name: 'Next follow-up' }).click();
  await page.getByRole('button', { name: 'Finish the follow-ups' }).click();

  const table = page.getByRole('table', { name: 'Time and rubric coverage per phase' });
  await expect(table.getByRole('row', { name: /Clarify and requirements/ })).toContainText(/4:0\d/);
  await expect(table.getByRole('row', { name: /Estimates/ })).toContainText(/2:0\d/);
  await expect(table.getByRole('row', { name: /Deep dive/ })).toContainText('skipped');
  await expect(page.getByRole('region', { name: "The interviewer's follow-ups" })).toContainText(
    'Recalibrate per segment.',
  );
});

test('a denied microphone says so and typing still works', async ({ page }) => {
  await startRound(page);
  await page.getByRole('button', { name: 'Record your answer aloud' }).click();
  await expect(page.getByRole('alert')).toContainText('You can still type your answer.');
  await page.getByRole('textbox', { name: 'Your notes' }).fill('Clarify QPS and latency first.');
  await expect(page.getByText('Round saved')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Your notes' })).toHaveValue('Clarify QPS and latency first.');
});

test('after one visit the whiteboard works offline, and the design round asks nothing of any other origin', async ({
  page,
  context,
  baseURL,
}) => {
  // Precaching the whole app (77 MB: Pyodide, PGlite, Monaco, Excalidraw) on a loaded machine can
  // take most of a minute by itself, as in the offline test of offline-security.spec.ts.
  test.setTimeout(180_000);
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL ?? '') && !/^(blob|data):/.test(url)) foreign.push(url);
  });
  await startRound(page);
  await page.getByRole('button', { name: 'Model', exact: true }).click();
  await expect(page.getByText('Drawing saved')).toBeVisible();
  await expect(page.getByText('Drillbook is ready to work offline.')).toBeVisible({ timeout: 60_000 });

  await context.setOffline(true);
  await page.reload();
  await page.getByRole('button', { name: 'Cache', exact: true }).click();
  await expect(page.getByText('Drawing saved')).toBeVisible();
  await finishRound(page);
  await expect(page.getByRole('img', { name: /Your whiteboard: 2 shapes, labelled Model, Cache/ })).toBeVisible();
  expect(foreign).toEqual([]);
});

test('in a mock: shapes and an arrow drawn on a design question survive a reload and show in the assessment', async ({
  page,
}) => {
  await setUpMock(page, { topic: 'RAG design', kinds: ['Design'], count: 1, mode: 'Practice' });
  await expect(page.getByRole('heading', { name: 'Question 1 of 1' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Phased clock' })).toContainText('Now: Clarify and requirements');
  for (const name of ['Data source', 'Vector index', 'Model'])
    await page.getByRole('button', { name, exact: true }).click();
  await page.getByTitle(/Arrow/).first().click();
  const centre = await canvasCentre(page);
  await page.mouse.move(centre.x - 190, centre.y);
  await page.mouse.down();
  await page.mouse.move(centre.x - 20, centre.y, { steps: 10 });
  await page.mouse.up();
  await expect(page.getByText('Drawing saved')).toBeVisible();
  await page.getByRole('textbox', { name: /Your answer/ }).fill('Chunk, embed, retrieve, re-rank.');
  await page.getByRole('button', { name: 'Next phase: Estimates' }).click();

  await page.reload();
  await expect(page.getByRole('region', { name: 'Phased clock' })).toContainText('Now: Estimates');
  await expect(page.getByRole('button', { name: 'Question 1, answered' })).toBeVisible();
  await page.getByRole('button', { name: /End my answer/ }).click();
  await expect(page.getByRole('region', { name: /The interviewer asks \(1 of \d\)/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Your answer to the follow-up' }).fill('Hybrid search with BM25.');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Your answer to the follow-up' })).toHaveValue(
    'Hybrid search with BM25.',
  );

  await page.getByRole('button', { name: 'Finish' }).click();
  await page.getByRole('button', { name: 'End and assess' }).click();
  await expect(page.getByRole('img', { name: /Your whiteboard/ })).toHaveAccessibleName(
    'Your whiteboard: 4 shapes, labelled Data source, Vector index, Model.',
  );
  await expect(page.getByRole('table', { name: 'Time and rubric coverage per phase' })).toBeVisible();
  await expect(page.getByRole('region', { name: "The interviewer's follow-ups" })).toContainText(
    'Hybrid search with BM25.',
  );

  // The report keeps the drawing and the per-phase figures with the answer.
  await page.getByRole('button', { name: 'Record grades and see the report' }).click();
  await expect(page.getByRole('heading', { name: /: report$/ })).toBeVisible();
  await page.locator('summary').filter({ hasText: 'Question 1' }).click();
  await expect(page.getByRole('img', { name: /Your whiteboard: 4 shapes/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Time and rubric coverage per phase' })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the design round has no serious accessibility violation (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await startRound(page);
    await page.getByRole('button', { name: 'Model', exact: true }).click();
    await expect(page.getByText('Drawing saved')).toBeVisible();
    const problems = await seriousViolations(page, 'design round');
    await page.getByRole('button', { name: 'End my answer' }).click();
    problems.push(...(await seriousViolations(page, 'follow-up round')));
    await page.getByRole('button', { name: 'Next follow-up' }).click();
    await page.getByRole('button', { name: 'Finish the follow-ups' }).click();
    await expect(page.getByRole('img', { name: /Your whiteboard/ })).toBeVisible();
    problems.push(...(await seriousViolations(page, 'design round review')));
    expect(problems).toEqual([]);
  });
}
