/**
 * `npm run bench:import` (after `npm run build`): importing big backups in real Chromium on the
 * production build, through the Settings screen as a user does it, into a fresh on-disk profile.
 * Figures come from the app's own performance measures (`drillbook:backup-*`):
 *   parse    JSON.parse of the file
 *   check    every record read through its versioned kind (schema, migrations)
 *   preview  the summary shown before importing (plus the whole choose-file-to-preview time)
 *   merge    finding the new reviews and writing them in batched transactions
 *   rebuild  the card cache rebuilt once from the whole log
 * Sizes: 20,000 and 200,000 reviews (preview and merge), 1,000,000 (preview; merge too with
 * --merge-1m). Port 4175, or BENCH_PORT. Prints figures; asserts nothing about time.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { ReviewRecord } from '../src/srs/types.ts';
import { DEFAULT_SETTINGS } from '../src/srs/types.ts';
import { createBackup } from '../src/storage/backup.ts';
import { findChromium } from './chromium-path.ts';
import { startPreview } from './preview-server.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4175);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SIZES = [
  { reviews: 20_000, merge: true },
  { reviews: 200_000, merge: true },
  { reviews: 1_000_000, merge: process.argv.includes('--merge-1m') },
];
const START = Date.UTC(2024, 0, 1);

if (!existsSync('dist/index.html')) throw new Error('No build in dist/: run `npm run build` first.');
const chromiumPath = findChromium();
if (!chromiumPath) throw new Error('No Chromium found (set CHROMIUM_PATH).');

/** A backup with `count` reviews of 600 questions, a few undone, as a heavy user's years of work. */
function writeBackup(dir: string, count: number): string {
  const reviews: ReviewRecord[] = new Array(count);
  for (let i = 0; i < count; i++) {
    reviews[i] = {
      id: randomUUID(),
      questionId: `question-${i % 600}`,
      time: START + i * 90_000,
      rating: (((i * 7) % 4) + 1) as ReviewRecord['rating'],
      source: i % 5 === 0 ? 'drill' : 'review',
      durationMs: 5_000 + (i % 40) * 1_000,
      retention: 0.9,
      ...(i % 97 === 0 ? { undoneAt: START + i * 90_000 + 5_000 } : {}),
    };
  }
  const path = join(dir, `backup-${count}.json`);
  writeFileSync(path, JSON.stringify(createBackup(DEFAULT_SETTINGS, reviews, [], START + count * 90_000)));
  return path;
}

const seconds = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);

const server = await startPreview(PORT);
const work = mkdtempSync(join(tmpdir(), 'bench-import-'));
try {
  console.log(`Backup import in Chromium (${chromiumPath}), production build, fresh on-disk profile per size`);
  for (const size of SIZES) {
    const file = writeBackup(work, size.reviews);
    // A persistent profile, so IndexedDB is on disk as for a user (an incognito one keeps it in memory).
    const context = await chromium.launchPersistentContext(join(work, `profile-${size.reviews}`), {
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(300_000);
      await page.goto(`${ORIGIN}/settings`);
      await page.getByRole('button', { name: 'Export backup' }).waitFor();
      const progressSeen = page
        .getByRole('progressbar', { name: 'Import progress' })
        .waitFor()
        .then(
          () => true,
          () => false,
        );
      const chosen = Date.now();
      await page.getByLabel('Import backup…').setInputFiles(file);
      const preview = page.getByRole('region', { name: 'Backup contents' });
      await preview.waitFor();
      const toPreview = Date.now() - chosen;
      let toImported: number | undefined;
      if (size.merge) {
        const clicked = Date.now();
        await preview.getByRole('button', { name: 'Merge into my progress' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: /Imported [\d,.\s]+ new reviews/ })
          .waitFor();
        toImported = Date.now() - clicked;
      }
      const measures = await page.evaluate(() =>
        Object.fromEntries(
          performance
            .getEntriesByType('measure')
            .filter((m) => m.name.startsWith('drillbook:'))
            .map((m) => [m.name.slice('drillbook:'.length), m.duration]),
        ),
      );
      console.log(
        `  ${size.reviews.toLocaleString('en-US').padStart(9)} reviews (${(statSync(file).size / 2 ** 20).toFixed(0)} MB):` +
          ` parse ${seconds(measures['backup-parse'])}, check ${seconds(measures['backup-check'])},` +
          ` preview ${seconds(measures['backup-preview'])} (file chosen -> preview shown ${seconds(toPreview)}),` +
          ` merge ${seconds(measures['backup-merge'])}, rebuild ${seconds(measures['backup-rebuild'])}` +
          (toImported === undefined ? '' : ` (click -> "Imported" ${seconds(toImported)})`) +
          `; progress shown: ${(await Promise.race([progressSeen, Promise.resolve(false)])) ? 'yes' : 'no'}`,
      );
      if (size.merge) {
        // The same file again: every review is already here, so the merge only compares ids.
        await page.getByLabel('Import backup…').setInputFiles(file);
        const clicked = Date.now();
        await preview.getByRole('button', { name: 'Merge into my progress' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: /Imported 0 new reviews/ })
          .waitFor();
        console.log(
          `            the same file merged again (nothing new): click -> "Imported" ${seconds(Date.now() - clicked)}`,
        );
      }
    } finally {
      await context.close();
      rmSync(file, { force: true });
    }
  }
} finally {
  server.stop();
  rmSync(work, { recursive: true, force: true });
}
