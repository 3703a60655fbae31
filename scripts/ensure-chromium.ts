/**
 * The e2e suite drives the system Chromium (Playwright's own browser download does not work
 * offline). Finds it; on a Debian machine running as root installs it; otherwise says how.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium-path.ts';

const found = findChromium();
if (found) {
  console.log(`e2e: using Chromium at ${found}`);
  process.exit(0);
}

const isRoot = process.getuid?.() === 0;
if (isRoot && existsSync('/usr/bin/apt-get') && !process.env.CHROMIUM_PATH) {
  console.log('e2e: Chromium not found; installing the Debian "chromium" package with apt-get (about 30 s)…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
  if (findChromium()) process.exit(0);
}

console.error(
  [
    'e2e: no Chromium or Chrome found, so the real-browser tests cannot run.',
    '  Debian/Ubuntu: sudo apt-get install -y chromium',
    '  macOS: install Google Chrome, then CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm test',
    '  Any system: set CHROMIUM_PATH to a Chromium or Chrome executable.',
  ].join('\n'),
);
process.exit(1);
