/**
 * `npm run bench:runners` (after `npm run build`): drill runner speed in real Chromium on the
 * production build: first Python result from a cold page, a warm Python run of a drill's tests,
 * and a TypeScript run. Prints figures; asserts nothing about time.
 */
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium-path.ts';

const PORT = 4174;
const DRILL = 'softmax';
const PY = `import math\n\ndef softmax(logits):\n    if not logits:\n        return []\n    m = max(logits)\n    e = [math.exp(x - m) for x in logits]\n    s = sum(e)\n    return [v / s for v in e]\n`;
const TS = `function softmax(logits: number[]): number[] {\n  const m = Math.max(...logits);\n  const e = logits.map((x) => Math.exp(x - m));\n  const s = e.reduce((a, b) => a + b, 0);\n  return e.map((v) => v / s);\n}\n`;

// Vite itself, not through npx, so that killing this process really stops the server.
const server = spawn(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
  { stdio: 'ignore' },
);
await new Promise((resolve) => setTimeout(resolve, 2500));
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const setCode = async (code: string) => {
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.evaluate((text) => navigator.clipboard.writeText(text), code);
    await page.keyboard.press('ControlOrMeta+V');
  };
  /** Clicks Run and returns ms until the report appears. */
  const timeRun = async () => {
    const start = Date.now();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.locator('.run-report').waitFor({ timeout: 60_000 });
    const ms = Date.now() - start;
    await page.waitForTimeout(200);
    return ms;
  };

  await page.goto(`http://127.0.0.1:${PORT}/drills/${DRILL}`);
  await page.evaluate(() => localStorage.setItem('drillbook-drill-language', 'typescript'));
  await page.reload();
  await page.locator('.monaco-editor').waitFor({ timeout: 30_000 });
  await setCode(TS);
  const tsRuns = [];
  for (let i = 0; i < 5; i++) tsRuns.push(await timeRun());

  // Cold Python: a fresh page, Python selected, first Run until the first result.
  const cold = await context.newPage();
  await cold.goto(`http://127.0.0.1:${PORT}/drills/${DRILL}`);
  await cold.evaluate(() => localStorage.setItem('drillbook-drill-language', 'python'));
  const coldStart = Date.now();
  await cold.reload();
  await cold.getByRole('button', { name: 'Run', exact: true }).click();
  await cold.locator('.run-report').waitFor({ timeout: 60_000 });
  const coldMs = Date.now() - coldStart;
  await cold.close();

  await page.getByLabel('Language').selectOption('python');
  await page.locator('.monaco-editor').waitFor();
  await setCode(PY);
  await timeRun(); // warms Pyodide
  const pyRuns = [];
  for (let i = 0; i < 5; i++) pyRuns.push(await timeRun());

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`Drill runners in Chromium (${DRILL}, visible tests, click to report shown):`);
  console.log(`  TypeScript run (fresh worker + transpile)  median ${median(tsRuns)} ms  runs ${tsRuns.join(', ')}`);
  console.log(`  Python warm run                            median ${median(pyRuns)} ms  runs ${pyRuns.join(', ')}`);
  console.log(`  Python cold: page load to first result     ${coldMs} ms`);
} finally {
  await browser.close();
  server.kill();
}
