/**
 * `npm run bench:runners` (after `npm run build`): the drill workspace's speed in real Chromium on
 * the production build, timed inside the page (performance.now() and a MutationObserver), not by
 * Playwright round trips. Prints figures; asserts nothing about time.
 *   - navigation to an editor that accepts keys (warm HTTP cache)
 *   - navigation to the first Python result, first visit and second visit (memory snapshot)
 *   - a Python run 3 s after Stop, with interrupt (cross-origin isolated) and with restart
 *   - TypeScript and warm Python runs, click to report
 */
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { findChromium } from './chromium-path.ts';
import { startPreview } from './preview-server.ts';

const PORT = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 4174);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DRILL = 'softmax';
const SQL_DRILL = 'sql-customers-without-orders';
const PY = `import math\n\ndef softmax(logits):\n    if not logits:\n        return []\n    m = max(logits)\n    e = [math.exp(x - m) for x in logits]\n    s = sum(e)\n    return [v / s for v in e]\n`;
const PY_LOOP = 'def softmax(logits):\n    while True:\n        pass\n';
const TS = `function softmax(logits: number[]): number[] {\n  const m = Math.max(...logits);\n  const e = logits.map((x) => Math.exp(x - m));\n  const s = e.reduce((a, b) => a + b, 0);\n  return e.map((v) => v / s);\n}\n`;

/** Records, relative to navigation start, when the editor can take keys and when the first report shows. */
function recordMilestones(options: { clickRunWhenReady: boolean }) {
  const marks: Record<string, number> = {};
  (window as unknown as { __marks: Record<string, number> }).__marks = marks;
  const observer = new MutationObserver(() => {
    const editorInput = document.querySelector('.monaco-editor textarea');
    if (editorInput && marks.editor === undefined) marks.editor = performance.now();
    const run = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Run') as
      | HTMLButtonElement
      | undefined;
    if (options.clickRunWhenReady && run && !run.disabled && editorInput && marks.click === undefined) {
      marks.click = performance.now();
      run.click();
    }
    if (document.querySelector('.run-report') && marks.report === undefined) {
      marks.report = performance.now();
      observer.disconnect();
    }
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document.body, { childList: true, subtree: true, attributes: true }),
  );
}

const marks = (page: Page) =>
  page.evaluate(() => {
    const recorded = (window as unknown as { __marks: Record<string, number | undefined> }).__marks;
    // Python's start-up milestones (code-runner.ts copies the worker's performance marks to the page).
    for (const entry of performance.getEntriesByType('mark')) {
      if (entry.name.startsWith('python:')) recorded[entry.name] ??= entry.startTime;
    }
    return recorded;
  });

/** Python's start-up steps of one visit, in order, as "name at ms". */
const pythonSteps = (visit: Record<string, number | undefined>) =>
  Object.entries(visit)
    .filter(([name]) => name.startsWith('python:'))
    .sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0))
    .map(([name, at]) => `${name.slice('python:'.length)} ${ms(at)}`)
    .join(', ');

/**
 * Clicks a toolbar button from inside the page and resolves with ms until a new run report is
 * added, and the runner's own share as the report states it ("(12 ms)": request to result).
 */
function clickToReport(page: Page, button: string): Promise<{ ms: number; runnerMs?: number }> {
  return page.evaluate(
    (name) =>
      new Promise<{ ms: number; runnerMs?: number }>((resolve) => {
        const target = [...document.querySelectorAll('button')].find((b) => b.textContent === name);
        if (!target) throw new Error(`no ${name} button`);
        const observer = new MutationObserver((records) => {
          for (const record of records) {
            for (const node of record.addedNodes) {
              if (
                node instanceof Element &&
                (node.matches('.run-report, [role=alert]') || node.querySelector('.run-report'))
              ) {
                const ms = performance.now() - start;
                observer.disconnect();
                const stated = /\((\d+) ms\)/.exec(
                  document.querySelector('.run-report [role=status]')?.textContent ?? '',
                );
                resolve({ ms, runnerMs: stated ? Number(stated[1]) : undefined });
                return;
              }
            }
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        const start = performance.now();
        (target as HTMLButtonElement).click();
      }),
    button,
  );
}

async function setCode(page: Page, code: string) {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press('ControlOrMeta+V');
  await page.locator('.monaco-editor .view-lines').getByText(code.split('\n')[0].slice(0, 12)).first().waitFor();
}

async function pythonReady(page: Page) {
  await page.getByText(/^Python ready/).waitFor({ timeout: 60_000 });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number | undefined) => (x === undefined ? 'n/a' : `${Math.round(x)} ms`);
/** Click-to-report median and each run, then the runner's share (worker round trip) the same way. */
const runs = (xs: { ms: number; runnerMs?: number }[]) => {
  const runner = xs.flatMap((x) => (x.runnerMs === undefined ? [] : [x.runnerMs]));
  return (
    `${ms(median(xs.map((x) => x.ms)))}  runs ${xs.map((x) => Math.round(x.ms)).join(', ')}` +
    `  (runner median ${ms(runner.length ? median(runner) : undefined)}: ${runner.join(', ')})`
  );
};

/** Serves every response without the cross-origin isolation headers: the page then restarts Python to stop it. */
async function withoutIsolation(context: BrowserContext) {
  await context.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['cross-origin-opener-policy'];
    delete headers['cross-origin-embedder-policy'];
    await route.fulfill({ response, headers });
  });
}

async function stopThenRun(context: BrowserContext): Promise<{ ms: number; mode: string }> {
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/drills/${DRILL}`);
  await page.locator('.monaco-editor').waitFor({ timeout: 30_000 });
  await pythonReady(page);
  const mode = String(await page.evaluate(() => crossOriginIsolated));
  await setCode(page, PY_LOOP);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByText('Python running').waitFor();
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.waitForTimeout(3000); // the aim is stated "once 3 s have passed"
  await setCode(page, PY);
  const result = await clickToReport(page, 'Run');
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await page.close();
  return { ms: result.ms, mode: mode === 'true' ? 'interrupt' : 'restart' };
}

const server = await startPreview(PORT);
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  await context.addInitScript(() => localStorage.setItem('drillbook-drill-language', 'python'));

  // First visit: nothing cached. Then the same page again with a warm HTTP cache and a saved snapshot.
  await context.addInitScript(recordMilestones, { clickRunWhenReady: true });
  const visits: Record<string, number | undefined>[] = [];
  for (let visit = 0; visit < 3; visit++) {
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/drills/${DRILL}`);
    await page.locator('.run-report').waitFor({ timeout: 90_000 });
    visits.push(await marks(page));
    await page.waitForTimeout(1500); // lets the first visit store its snapshot
    await page.close();
  }

  // SQL: navigation to the first result (Postgres starts in its worker), first visit and again.
  const sqlVisits: Record<string, number | undefined>[] = [];
  for (let visit = 0; visit < 2; visit++) {
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/drills/${SQL_DRILL}`);
    await page.locator('.run-report').waitFor({ timeout: 90_000 });
    sqlVisits.push(await marks(page));
    await page.waitForTimeout(1500);
    await page.close();
  }

  const plain = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await plain.newPage();
  await page.goto(`${ORIGIN}/drills/${DRILL}`);
  await page.getByLabel('Language').selectOption('typescript');
  await page.locator('.monaco-editor').waitFor({ timeout: 30_000 });
  await setCode(page, TS);
  await clickToReport(page, 'Run');
  const tsRuns: { ms: number; runnerMs?: number }[] = [];
  for (let i = 0; i < 10; i++) tsRuns.push(await clickToReport(page, 'Run'));
  await page.getByLabel('Language').selectOption('python');
  await page.locator('.monaco-editor').waitFor();
  await pythonReady(page);
  await setCode(page, PY);
  await clickToReport(page, 'Run');
  const pyRuns: { ms: number; runnerMs?: number }[] = [];
  for (let i = 0; i < 10; i++) pyRuns.push(await clickToReport(page, 'Run'));

  const interrupted = await stopThenRun(plain);
  const plainNoIsolation = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  await withoutIsolation(plainNoIsolation);
  const restarted = await stopThenRun(plainNoIsolation);

  console.log(`Drill workspace in Chromium (${DRILL}; times measured inside the page):`);
  console.log('  navigation to editor accepting keys   first visit / warm cache / warm again');
  console.log(
    `                                        ${visits.map((v) => ms(v.editor)).join(' / ')}   (aim <= 1000 ms warm)`,
  );
  console.log('  navigation to first Python result     first visit / second (snapshot) / third');
  console.log(
    `                                        ${visits.map((v) => ms(v.report)).join(' / ')}   (aim <= 2500 ms)`,
  );
  visits.forEach((visit, i) => {
    console.log(`    visit ${i + 1}: click ${ms(visit.click)}; Python: ${pythonSteps(visit)}`);
  });
  console.log('  navigation to first SQL result        first visit / second');
  console.log(
    `                                        ${sqlVisits.map((v) => ms(v.report)).join(' / ')}   (aim <= 2500 ms)`,
  );
  console.log(`  TypeScript run, click to report       median ${runs(tsRuns)}   (aim <= 30 ms)`);
  console.log(`  Python warm run, click to report      median ${runs(pyRuns)}   (aim <= 20 ms)`);
  console.log(`  Python run 3 s after Stop (${interrupted.mode})  ${ms(interrupted.ms)}   (aim <= 300 ms)`);
  console.log(`  Python run 3 s after Stop (${restarted.mode})    ${ms(restarted.ms)}   (aim <= 300 ms)`);
} finally {
  await browser.close();
  server.stop();
}
