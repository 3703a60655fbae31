/**
 * Every SQL drill runs on PGlite (the Postgres the browser runs) like the user's query would:
 * the reference passes every test, the starter fails at least one, and every classic wrong query
 * kept in the file fails at least one. One PGlite instance serves the whole file; each test's data
 * lives in a rolled-back transaction. Also checks the runner's isolation and refusals.
 */
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileBank } from '../../scripts/bank/compile';
import type { Question, SqlDrill } from '../../src/bank/types';
import { evaluateSqlRun } from '../../src/drills/sql/evaluate';
import { runSqlTests } from '../../src/drills/sql/run-sql-tests';

const sqlDrills = compileBank(resolve('question-bank')).questions.filter(
  (q): q is Question & { sqlDrill: SqlDrill } => q.sqlDrill !== undefined,
);

let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create();
}, 60_000);
afterAll(async () => {
  await db?.close();
});

async function run(drill: SqlDrill, query: string) {
  const outcomes = await runSqlTests(db, query, drill.tests, { schema: drill.schema });
  return evaluateSqlRun(drill.tests, outcomes);
}

function describeFailures(summary: Awaited<ReturnType<typeof run>>): string {
  return summary.verdicts
    .filter((v) => !v.passed)
    .map(
      (v) =>
        `test ${v.index + 1}${v.test.note ? ` (${v.test.note})` : ''}: ${
          v.outcome.error?.message ??
          `${v.outcome.comparison?.message} got ${JSON.stringify(v.outcome.rows.slice(0, 12))}, expected ${JSON.stringify(v.test.expected.rows.slice(0, 12))}`
        }`,
    )
    .join('\n');
}

describe('the SQL runner', () => {
  const schema = 'CREATE TABLE t (id int PRIMARY KEY, v numeric, at timestamptz);';
  const data = { t: { columns: ['id', 'v', 'at'], rows: [[1, 2.5, '2024-03-31 23:30:00-04:00']] } };

  it('loads each test on its own: rows of one test never reach the next', async () => {
    const outcomes = await runSqlTests(db, 'SELECT count(*) AS n FROM t', [{ data }, { data: {} }, { data }], {
      schema,
    });
    expect(outcomes.map((o) => o.rows)).toEqual([[[1]], [[0]], [[1]]]);
  });

  it('returns types, ISO timestamps in UTC, and numbers for numeric and bigint', async () => {
    const [o] = await runSqlTests(db, 'SELECT id, v, at, count(*) OVER () AS n FROM t', [{ data }], { schema });
    expect(o?.columns.map((c) => c.type)).toEqual(['integer', 'numeric', 'timestamp with time zone', 'bigint']);
    expect(o?.rows).toEqual([[1, 2.5, '2024-04-01T03:30:00Z', 1]]);
  });

  it("shows Postgres's syntax error with its position, line and column", async () => {
    const [o] = await runSqlTests(db, 'SELECT id\nFROM t\nWHER id = 1', [{ data }], { schema });
    expect(o?.error?.kind).toBe('syntax');
    expect(o?.error?.message).toMatch(/syntax error at or near/);
    expect(o?.error).toMatchObject({ position: 23, line: 3, column: 6 });
  });

  it('refuses writes: statically with a clear message, and in Postgres for writes hidden in a SELECT', async () => {
    const [del] = await runSqlTests(db, 'DELETE FROM t', [{ data }], { schema });
    expect(del?.error?.kind).toBe('refused');
    const [seq] = await runSqlTests(db, "SELECT pg_catalog.setval('no_such_seq', 1)", [{ data }], { schema });
    expect(seq?.error).toBeDefined();
    const [lock] = await runSqlTests(db, 'SELECT * FROM t FOR UPDATE', [{ data }], { schema });
    expect(lock?.error?.kind).toBe('refused');
    expect(lock?.error?.message).toMatch(/only reads/);
    const [after] = await runSqlTests(db, 'SELECT count(*) AS n FROM t', [{ data }], { schema });
    expect(after?.rows).toEqual([[1]]);
  });

  it('cuts a large result for display but counts and compares all of it', async () => {
    const [o] = await runSqlTests(
      db,
      'SELECT g FROM generate_series(1, 100000) g',
      [{ data: {}, expected: { columns: ['g'], rows: [[1]] } }],
      { schema, maxRows: 50 },
    );
    expect(o?.rowCount).toBe(100000);
    expect(o?.rows.length).toBe(50);
    expect(o?.truncated).toBe(true);
    expect(o?.comparison?.passed).toBe(false);
    expect(o?.comparison?.unexpected.every((i) => i < 50)).toBe(true);
  });
});

describe('SQL drills', () => {
  it('exist', () => {
    expect(sqlDrills.length).toBeGreaterThan(0);
  });

  describe.each(sqlDrills.map((q) => [q.id, q] as const))('%s', (id, question) => {
    const drill = question.sqlDrill;
    it('has 3+ visible and 5+ hidden tests', () => {
      expect(drill.tests.filter((t) => !t.hidden).length).toBeGreaterThanOrEqual(3);
      expect(drill.tests.filter((t) => t.hidden).length).toBeGreaterThanOrEqual(5);
    });
    it("the brief can show the schema as tables, and every test's tables are in it", () => {
      expect(drill.tables.length, `${id}: the DDL could not be read into tables`).toBeGreaterThan(0);
      const known = new Map(drill.tables.map((t) => [t.name, t.columns.map((c) => c.name)]));
      for (const test of drill.tests) {
        for (const [table, { columns }] of Object.entries(test.data)) {
          expect(known.has(table), `${id}: test data names table ${table}, not in the schema`).toBe(true);
          for (const c of columns) expect(known.get(table), `${id}: ${table}.${c}`).toContain(c);
        }
      }
    });
    it('reference passes every test', async () => {
      const summary = await run(drill, drill.solution);
      expect(summary.allPassed, `${id} (reference):\n${describeFailures(summary)}`).toBe(true);
    });
    it('starter fails at least one test', async () => {
      expect((await run(drill, drill.starter)).allPassed, `${id}: the starter passes every test`).toBe(false);
    });
    it.each((drill.wrong ?? []).map((w, i) => [i + 1, w] as const))(
      'kept wrong query %i fails a test',
      async (_n, w) => {
        expect((await run(drill, w.sql)).allPassed, `${id}: wrong query passes every test (${w.why})`).toBe(false);
      },
    );
  });
});
