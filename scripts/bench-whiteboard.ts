/**
 * `npm run bench` (after `npm run build`): the design whiteboard with a 300-element scene, in real
 * Chromium on the production build. Prints figures; asserts nothing about time.
 *   - save time of the scene (the app's own `drawing-save` measure: handing it to IndexedDB until stored)
 *   - frame intervals while dragging a box across the full board (smoothness), and long tasks
 */
import { chromium } from 'playwright-core';
import { findChromium } from './chromium-path.ts';
import { startPreview } from './preview-server.ts';

const PORT = 4176;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const QUESTION = 'sd-design-ads-ctr';
const SHAPES = ['Data source', 'Feature store', 'Model', 'Vector index', 'Queue', 'Cache', 'Monitor'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? Number.NaN;
const ms = (x: number) => `${x.toFixed(1)} ms`;

const server = await startPreview(PORT);
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${ORIGIN}/q/${QUESTION}`);
  await page.getByRole('button', { name: 'Start the design round' }).click();
  await page.getByRole('button', { name: 'Model', exact: true }).waitFor({ timeout: 60_000 });
  // 150 boxes, each a shape and its label: 300 elements, added through the shapes panel like a user.
  await page.evaluate(async (names) => {
    const buttons = names.map((name) =>
      [...document.querySelectorAll('button')].find((b) => b.textContent === name),
    ) as HTMLButtonElement[];
    for (let i = 0; i < 150; i++) {
      buttons[i % buttons.length].click();
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }, SHAPES);
  await page.getByText('Drawing saved').waitFor();
  await page.evaluate(() => performance.clearMeasures('drawing-save'));

  // Drag one box around for two seconds while timing frames and watching for long tasks.
  const canvas = await page.locator('.whiteboard-canvas canvas.interactive').boundingBox();
  if (!canvas) throw new Error('no canvas');
  const cx = canvas.x + canvas.width / 2;
  const cy = canvas.y + canvas.height / 2;
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__long = [];
    let last = performance.now();
    function tick(t) {
      window.__frames.push(t - last);
      last = t;
      if (window.__frames.length < 400) requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__long.push(entry.duration);
    }).observe({ type: 'longtask' });
  })()`);
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let step = 0; step < 120; step++) {
    await page.mouse.move(cx + Math.sin(step / 10) * 200, cy + Math.cos(step / 10) * 120);
  }
  await page.mouse.up();
  await page.getByText('Drawing saved').waitFor();
  const result = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __long: number[] };
    const saves = performance.getEntriesByName('drawing-save') as PerformanceMeasure[];
    return {
      frames: w.__frames.slice(1),
      long: w.__long,
      saves: saves.map((s) => ({ ms: s.duration, elements: (s.detail as { elements: number }).elements })),
    };
  });
  const saveTimes = result.saves.map((s) => s.ms);
  console.log('Design whiteboard (Chromium, production build):');
  console.log(`  scene size                         ${result.saves.at(-1)?.elements ?? '?'} elements`);
  console.log(
    `  save of the scene                  median ${ms(median(saveTimes))}, max ${ms(Math.max(...saveTimes))} over ${saveTimes.length} saves`,
  );
  console.log(
    `  frame interval while dragging      median ${ms(median(result.frames))}, p95 ${ms(percentile(result.frames, 0.95))}`,
  );
  console.log(
    `  long tasks (> 50 ms) while dragging ${result.long.length}${result.long.length ? `, longest ${ms(Math.max(...result.long))}` : ''}`,
  );
} finally {
  await browser.close();
  server.stop();
}
