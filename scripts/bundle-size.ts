/**
 * `npm run size` (after `npm run build`): the gzip size of the JavaScript each screen loads,
 * read from Vite's manifest. Fails when the home page loads more than the budget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const HOME_BUDGET_KB = 100;
const dist = 'dist';
const manifest: Record<string, ManifestChunk> = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const gzipKb = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

/** A chunk plus everything it imports statically (what the browser fetches to run it). */
function staticClosure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) staticClosure(dep, seen);
  return seen;
}
const total = (keys: Set<string>) => [...keys].reduce((sum, key) => sum + gzipKb(manifest[key].file), 0);

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) throw new Error('no entry chunk in the manifest: run `npm run build` first');
const home = staticClosure(entryKey);
const homeKb = total(home);

console.log(`JavaScript loaded (gzip):`);
console.log(`  home page (entry)                ${homeKb.toFixed(1)} KB   budget ${HOME_BUDGET_KB} KB`);
const screens = Object.keys(manifest).filter((key) => /-screen\.tsx$/.test(key));
for (const key of screens.sort()) {
  const closure = staticClosure(key, new Set(home));
  console.log(`  + ${key.padEnd(30)} ${total(closure).toFixed(1)} KB in total`);
}
if (homeKb > HOME_BUDGET_KB) {
  console.error(`The home page loads ${homeKb.toFixed(1)} KB of JavaScript, over the ${HOME_BUDGET_KB} KB budget.`);
  process.exit(1);
}
