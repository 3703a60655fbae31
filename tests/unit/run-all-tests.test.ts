/**
 * A mock's final coding answer is checked against every test of its drill (hidden ones too), in
 * the language it was written in; the counts feed the mock's self-assessment. Runners are faked.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Drill, Question, SqlDrill } from '../../src/bank/types';
import type { RunResult } from '../../src/drills/code-runner';
import type { SqlRunResult } from '../../src/drills/sql/sql-runner';
import { questionSummary } from '../support/question';

const runners = vi.hoisted(() => ({
  code: { result: undefined as unknown, calls: [] as unknown[][] },
  sql: { result: undefined as unknown, calls: [] as unknown[] },
}));

vi.mock('../../src/drills/code-runner', () => ({
  codeRunner: {
    run: (...args: unknown[]) => {
      runners.code.calls.push(args);
      return { result: Promise.resolve(runners.code.result), stop: () => {} };
    },
  },
}));
vi.mock('../../src/drills/sql-work', () => ({
  sqlRunner: {
    run: (input: unknown) => {
      runners.sql.calls.push(input);
      return { result: Promise.resolve(runners.sql.result), stop: () => {} };
    },
  },
}));

import { runAllTests } from '../../src/drills/run-all-tests';

const spec = (name: string) => ({ function: name, signature: '', starter: '', solution: '', solutionHtml: '' });
const drill: Drill = {
  python: spec('add_up'),
  typescript: spec('addUp'),
  timeLimitMs: 3000,
  tests: [
    { args: [1, 2], expected: 3, hidden: false, tol: 0 },
    { args: [2, 2], expected: 4, hidden: true, tol: 0 },
    { args: [0.1, 0.2], expected: 0.3, hidden: true, tol: 1e-9 },
  ],
};
const sqlDrill: SqlDrill = {
  schema: 'CREATE TABLE t (a int);',
  schemaHtml: '',
  tables: [],
  starter: '',
  solution: '',
  solutionHtml: '',
  timeLimitMs: 4000,
  tests: [
    { data: {}, expected: { columns: ['n'], rows: [[0]] }, ordered: false, hidden: false, tol: 0 },
    { data: {}, expected: { columns: ['n'], rows: [[1]] }, ordered: true, hidden: true, tol: 0.5 },
  ],
};
const question = (extra: Partial<Question>): Question =>
  ({ ...questionSummary('q', 'topic', { kind: 'coding' }), ...extra }) as Question; // the fields a run reads

beforeEach(() => {
  runners.code = { result: undefined, calls: [] };
  runners.sql = { result: undefined, calls: [] };
});

describe('a code answer', () => {
  it('runs every test with the language’s function name and the drill’s time limit', async () => {
    runners.code.result = {
      kind: 'done',
      ms: 5,
      outcomes: [
        { actual: 3, stdout: '' },
        { actual: 4, stdout: '' },
        { actual: 0.30000000000000004, stdout: '' },
      ],
    } satisfies RunResult;
    const summary = await runAllTests(question({ drill }), 'python', 'def add_up(a, b): return a + b');
    expect(summary).toEqual({ passed: 3, total: 3, allPassed: true });
    expect(runners.code.calls).toEqual([['python', 'def add_up(a, b): return a + b', 'add_up', drill.tests, 3000]]);
  });

  it('counts the passes when some tests fail', async () => {
    runners.code.result = {
      kind: 'done',
      ms: 5,
      outcomes: [
        { actual: 3, stdout: '' },
        { actual: 5, stdout: '' },
        { stdout: '', error: { message: 'boom' } },
      ],
    } satisfies RunResult;
    expect(await runAllTests(question({ drill }), 'typescript', 'x')).toEqual({
      passed: 1,
      total: 3,
      allPassed: false,
    });
    expect(runners.code.calls[0][2]).toBe('addUp');
  });

  it('passes nothing when the run timed out or failed', async () => {
    for (const result of [
      { kind: 'timeout', limitMs: 3000 },
      { kind: 'failed', message: 'crashed' },
    ] satisfies RunResult[]) {
      runners.code.result = result;
      expect(await runAllTests(question({ drill }), 'python', 'x')).toEqual({
        passed: 0,
        total: 3,
        allPassed: false,
      });
    }
  });

  it('has nothing to run for a question without a drill in that language', async () => {
    expect(await runAllTests(question({}), 'python', 'x')).toEqual({ passed: 0, total: 0, allPassed: false });
    expect(await runAllTests(question({ drill }), 'sql', 'SELECT 1')).toEqual({
      passed: 0,
      total: 0,
      allPassed: false,
    });
    expect(runners.code.calls).toHaveLength(0);
    expect(runners.sql.calls).toHaveLength(0);
  });
});

describe('a SQL answer', () => {
  const outcome = (rows: unknown[][], passed: boolean) => ({
    columns: [{ name: 'n', type: 'integer' }],
    rows,
    rowCount: rows.length,
    truncated: false,
    ms: 1,
    comparison: { passed, columnsMatch: true, missing: [], unexpected: [], message: '' },
  });

  it('runs the query on every test’s data with its schema and time limit', async () => {
    runners.sql.result = {
      kind: 'done',
      ms: 3,
      outcomes: [outcome([[0]], true), outcome([[2]], false)],
    } satisfies SqlRunResult;
    const summary = await runAllTests(question({ sqlDrill }), 'sql', 'SELECT count(*) AS n FROM t');
    expect(summary).toEqual({ passed: 1, total: 2, allPassed: false });
    expect(runners.sql.calls).toEqual([
      {
        query: 'SELECT count(*) AS n FROM t',
        schema: 'CREATE TABLE t (a int);',
        tests: sqlDrill.tests.map(({ data, expected, ordered, tol }) => ({ data, expected, ordered, tol })),
        timeLimitMs: 4000,
      },
    ]);
  });

  it('passes nothing when the query was stopped or timed out', async () => {
    runners.sql.result = { kind: 'timeout', limitMs: 4000 } satisfies SqlRunResult;
    expect(await runAllTests(question({ sqlDrill }), 'sql', 'SELECT pg_sleep(10)')).toEqual({
      passed: 0,
      total: 2,
      allPassed: false,
    });
  });
});
