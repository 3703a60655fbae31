/**
 * `npm run size` (after `npm run build`): the gzip size of the JavaScript each screen loads, read
 * from Vite's manifest, against the budgets. Fails when:
 * - the home page loads more than 100 KB (its entry and everything that entry imports statically);
 * - any screen but the drill editor loads more than 160 KB in total: the home page's JavaScript,
 *   the screen's own chunks, and the bank index it fetches on arrival;
 * - Monaco or Pyodide could load anywhere but with the code editor (they must stay behind its
 *   lazy import, so no screen pulls them in statically); the same for Excalidraw and the whiteboard;
 * - the whiteboard (Excalidraw, loaded when a design round opens) grows past its own budget.
 * It also lists, without a budget, the CSS each screen adds to the home page's (each room's styles
 * arrive with its screen). `tsx scripts/bundle-size.ts <folder>` reads another build than dist/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const HOME_BUDGET_KB = 100;
const SCREEN_BUDGET_KB = 160;
/** The drill editor is exempt from the screen budget: Monaco is its whole point. */
const EXEMPT = new Set(['src/drills/drill-screen.tsx']);
const HEAVY = /node_modules\/(monaco-editor|@monaco-editor|pyodide|@electric-sql\/pglite|@excalidraw)\//;
/** Excalidraw is most of this: 438 KB measured at 0.18.1, with room for a minor upgrade. */
const WHITEBOARD_BUDGET_KB = 480;

const dist = process.argv[2] ?? 'dist';
const manifest: Record<string, ManifestChunk> = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const gzipKb = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

/** A chunk plus everything it imports statically (what the browser fetches to run it). */
function staticClosure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) staticClosure(dep, seen);
  return seen;
}
const total = (keys: Iterable<string>) => [...keys].reduce((sum, key) => sum + gzipKb(manifest[key].file), 0);

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) throw new Error('no entry chunk in the manifest: run `npm run build` first');
const bankIndexKey = Object.keys(manifest).find((key) => key === 'virtual:bank-index');
const home = staticClosure(entryKey);
const homeKb = total(home);
const failures: string[] = [];

console.log('JavaScript loaded (gzip):');
console.log(
  `  home page (entry)                      ${homeKb.toFixed(1).padStart(6)} KB   budget ${HOME_BUDGET_KB} KB`,
);
if (homeKb > HOME_BUDGET_KB) failures.push(`the home page loads ${homeKb.toFixed(1)} KB (budget ${HOME_BUDGET_KB} KB)`);

const screens = Object.keys(manifest)
  .filter((key) => /-screen\.tsx$/.test(key))
  .sort();
for (const key of screens) {
  const closure = staticClosure(key, new Set(home));
  if (bankIndexKey) closure.add(bankIndexKey);
  const kb = total(closure);
  const exempt = EXEMPT.has(key);
  console.log(
    `  ${key.padEnd(38)} ${kb.toFixed(1).padStart(6)} KB   ${exempt ? '(drill editor: Monaco loads after it)' : `budget ${SCREEN_BUDGET_KB} KB`}`,
  );
  if (!exempt && kb > SCREEN_BUDGET_KB)
    failures.push(`${key} loads ${kb.toFixed(1)} KB (budget ${SCREEN_BUDGET_KB} KB)`);
  const heavy = [...staticClosure(key)].filter((k) => HEAVY.test(k) || HEAVY.test(manifest[k].src ?? ''));
  if (heavy.length) failures.push(`${key} pulls in ${heavy.join(', ')} statically`);
}
if (!screens.includes('src/drills/drill-screen.tsx')) failures.push('the drill editor is no longer a chunk of its own');

const editor = Object.keys(manifest).find((key) => key.endsWith('src/drills/code-editor.tsx'));
if (editor)
  console.log(`  code editor with Monaco (lazy)         ${total(staticClosure(editor)).toFixed(1).padStart(6)} KB`);

const whiteboard = Object.keys(manifest).find((key) => key.endsWith('src/design/whiteboard-canvas.tsx'));
if (!whiteboard) failures.push('the whiteboard is no longer a lazy chunk of its own');
else {
  const kb = total(staticClosure(whiteboard));
  console.log(
    `  design whiteboard, Excalidraw (lazy)   ${kb.toFixed(1).padStart(6)} KB   budget ${WHITEBOARD_BUDGET_KB} KB`,
  );
  if (kb > WHITEBOARD_BUDGET_KB)
    failures.push(`the whiteboard loads ${kb.toFixed(1)} KB (budget ${WHITEBOARD_BUDGET_KB} KB)`);
}

/** The stylesheets a chunk and its static imports bring (what the browser links to show it). */
const cssOf = (keys: Iterable<string>) => new Set([...keys].flatMap((key) => manifest[key].css ?? []));
const cssKb = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + gzipKb(file), 0);
const homeCss = cssOf(home);
console.log('CSS loaded (gzip, no budget):');
console.log(`  home page (entry)                      ${cssKb(homeCss).toFixed(1).padStart(6)} KB`);
for (const key of Object.keys(manifest)
  .filter((k) => /-screen\.tsx$/.test(k) || k === 'src/app/home-today.tsx')
  .sort()) {
  const own = [...cssOf(staticClosure(key))].filter((file) => !homeCss.has(file));
  const names = own.map((file) => file.replace(/^assets\//, '').replace(/-[\w-]{8}\.css$/, '')).join(', ');
  console.log(`  ${key.padEnd(38)} ${`+${cssKb(own).toFixed(1)}`.padStart(6)} KB   ${names}`);
}

if (failures.length) {
  console.error(`Over budget:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
