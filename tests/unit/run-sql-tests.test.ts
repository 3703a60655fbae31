/**
 * What a SQL drill's user sees when something other than their query goes wrong, on PGlite (the
 * Postgres the browser runs): a broken schema or test data is reported as the drill's fault, a
 * runtime error carries Postgres's code, and error positions are placed on the right line and
 * column. One PGlite instance serves the file; each test's data lives in a rolled-back transaction.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineAndColumn, resetDatabase, runSqlTests, toSqlError } from '../../src/drills/sql/run-sql-tests';

let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create();
}, 60_000);
afterAll(async () => {
  await db?.close();
});

const schema = 'CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL);';
const data = { t: { columns: ['id', 'name'], rows: [[1, 'a']] } };

describe('problems that are the drill’s, not the query’s', () => {
  it('a schema that does not load fails every test with a setup message', async () => {
    const outcomes = await runSqlTests(db, 'SELECT 1', [{ data: {} }, { data: {} }], {
      schema: 'CREATE TABLE broken (id int,,);',
    });
    expect(outcomes).toHaveLength(2);
    for (const o of outcomes) {
      expect(o.error?.kind).toBe('setup');
      expect(o.error?.message).toMatch(/^The drill's schema failed to load: syntax error/);
    }
    // The next drill's schema still loads.
    const [ok] = await runSqlTests(db, 'SELECT count(*) FROM t', [{ data }], { schema });
    expect(ok.rows).toEqual([[1]]);
  });

  it('rows of the wrong length are reported without touching the database', async () => {
    const bad = { t: { columns: ['id', 'name'], rows: [[1, 'a'], [2]] } };
    const [o, good] = await runSqlTests(db, 'SELECT count(*) FROM t', [{ data: bad }, { data }], { schema });
    expect(o.error).toEqual({
      kind: 'setup',
      message: "The test's data is malformed: table t, row 2: 1 values for 2 columns",
    });
    expect(good.rows).toEqual([[1]]);
  });

  it('rows the schema rejects are reported as data that failed to load, and roll back', async () => {
    const nulls = { t: { columns: ['id', 'name'], rows: [[1, null]] } };
    const [o, after] = await runSqlTests(db, 'SELECT count(*) FROM t', [{ data: nulls }, { data: {} }], { schema });
    expect(o.error?.kind).toBe('setup');
    expect(o.error?.message).toMatch(/^The test's data failed to load: null value in column "name"/);
    expect(after.rows).toEqual([[0]]);
  });

  it('a new drill replaces the previous drill’s tables, and a reset empties the database', async () => {
    await runSqlTests(db, 'SELECT 1', [{ data: {} }], { schema });
    const [other] = await runSqlTests(db, 'SELECT count(*) FROM t', [{ data: {} }], {
      schema: 'CREATE TABLE u (x int);',
    });
    expect(other.error?.message).toMatch(/relation "t" does not exist/);
    await resetDatabase(db);
    const tables = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.rows[0].n).toBe(0);
    // After a reset the same schema is applied again rather than assumed.
    const [back] = await runSqlTests(db, 'SELECT count(*) FROM u', [{ data: {} }], {
      schema: 'CREATE TABLE u (x int);',
    });
    expect(back.rows).toEqual([[0]]);
  });
});

describe('the query’s own errors and results', () => {
  it('a runtime error carries its kind and SQLSTATE', async () => {
    const [o] = await runSqlTests(db, 'SELECT id / 0 FROM t', [{ data }], { schema });
    expect(o.error).toMatchObject({ kind: 'runtime', code: '22012', message: 'division by zero' });
    expect(o.rows).toEqual([]);
  });

  it('names column types Postgres knows beyond the built-in list', async () => {
    const [o] = await runSqlTests(db, "SELECT point(1, 2) AS p, '1.2.3.4'::inet AS ip", [{ data: {} }], { schema });
    expect(o.columns).toEqual([
      { name: 'p', type: 'point' },
      { name: 'ip', type: 'inet' },
    ]);
  });

  it('may write when the options allow it (for the bench), still rolled back after each test', async () => {
    const [o, after] = await runSqlTests(
      db,
      "INSERT INTO t VALUES (9, 'z') RETURNING id",
      [{ data: {} }, { data: {} }],
      { schema, readOnly: false },
    );
    expect(o.rows).toEqual([[9]]);
    expect(after.rows).toEqual([[9]]); // the first insert did not survive into the second test
  });
});

describe('error positions', () => {
  it('finds the line and column of Postgres’s character position, the column counted as the editor counts it', () => {
    expect(lineAndColumn('SELECT x', 8)).toEqual({ line: 1, column: 8 });
    expect(lineAndColumn('SELECT\n  x', 10)).toEqual({ line: 2, column: 3 });
    // Postgres counts the emoji as one character; the editor's column (UTF-16) counts it as two.
    expect(lineAndColumn("SELECT '😀', x", 13)).toEqual({ line: 1, column: 14 });
    expect(lineAndColumn('x', 0)).toEqual({ line: 1, column: 1 });
  });

  it('turns any error into a message, with a position only when Postgres gave a usable one', () => {
    expect(toSqlError(new Error('boom'), 'SELECT 1')).toEqual({ message: 'boom', kind: 'runtime' });
    expect(toSqlError('plain text', 'SELECT 1')).toEqual({ message: 'plain text', kind: 'runtime' });
    expect(toSqlError({ message: 'x', position: '', code: '42601' }, 'SELECT 1')).toEqual({
      message: 'x',
      kind: 'syntax',
      code: '42601',
    });
    expect(toSqlError({ message: 'x', position: 'abc' }, 'SELECT 1')).toEqual({ message: 'x', kind: 'runtime' });
    expect(toSqlError({ message: 'x', position: '3' }, 'SELECT 1')).toMatchObject({ position: 3, line: 1, column: 3 });
    expect(toSqlError({ message: 'cannot execute UPDATE in a read-only transaction', code: '25006' }, 'q')).toEqual({
      kind: 'refused',
      code: '25006',
      message:
        'This drill asks for a query that only reads the tables; Postgres refused it: cannot execute UPDATE in a read-only transaction.',
    });
  });
});
