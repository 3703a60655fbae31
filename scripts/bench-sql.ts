/**
 * SQL drill timings on PGlite under Node (the browser's figures are of the same order):
 * cold create (initdb), create from a prepared data dir, a warm run of one drill with 8 tests
 * (median of 30, fresh per-test state included), and memory after 50 runs.
 * Run: npx tsx scripts/bench-sql.ts
 */
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { evaluateSqlRun } from '../src/drills/sql/evaluate.ts';
import { runSqlTests } from '../src/drills/sql/run-sql-tests.ts';
import { compileBank } from './bank/compile.ts';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

const drills = compileBank(resolve('question-bank')).questions.filter((q) => q.sqlDrill);
const question = drills.find((q) => (q.sqlDrill?.tests.length ?? 0) >= 8);
if (!question?.sqlDrill) throw new Error('no SQL drill with 8 tests in the bank');
const drill = question.sqlDrill;
const tests = drill.tests.slice(0, 8);

let t = performance.now();
const cold = await PGlite.create();
const coldMs = performance.now() - t;
const dump = await cold.dumpDataDir('gzip');
await cold.close();

t = performance.now();
const db = await PGlite.create({ loadDataDir: dump });
const preparedMs = performance.now() - t;

t = performance.now();
const first = await runSqlTests(db, drill.solution, tests, { schema: drill.schema });
const firstRunMs = performance.now() - t;
if (!evaluateSqlRun(tests, first).allPassed) throw new Error(`${question.id}: the reference fails`);

const times: number[] = [];
for (let i = 0; i < 30; i++) {
  t = performance.now();
  await runSqlTests(db, drill.solution, tests, { schema: drill.schema });
  times.push(performance.now() - t);
}
globalThis.gc?.();
const before = process.memoryUsage();
for (let i = 0; i < 50; i++) await runSqlTests(db, drill.solution, tests, { schema: drill.schema });
globalThis.gc?.();
const after = process.memoryUsage();
await db.close();

console.log(`SQL drills on PGlite (${drills.length} drills; timed: ${question.id}, 8 tests)`);
console.log(`  cold create (initdb):            ${coldMs.toFixed(0)} ms`);
console.log(`  create from prepared data dir:   ${preparedMs.toFixed(0)} ms  (gzip dump ${mb(dump.size)})`);
console.log(`  first run after create:          ${firstRunMs.toFixed(1)} ms  (creates the drill's tables)`);
console.log(`  warm run, 8 tests, median of 30: ${median(times).toFixed(1)} ms  (aim <= 30 ms)`);
console.log(
  `  memory after 50 more runs:       rss ${mb(before.rss)} -> ${mb(after.rss)}, heap ${mb(before.heapUsed)} -> ${mb(after.heapUsed)}`,
);
