/** Per-test verdicts for a SQL run, the SQL counterpart of ../evaluate-run (pure). */
import { summariseVerdicts } from '../evaluate-run';
import type { SqlOutcome } from './types';

export interface SqlTestVerdict<T extends { hidden: boolean } = { hidden: boolean }> {
  index: number;
  hidden: boolean;
  passed: boolean;
  test: T;
  outcome: SqlOutcome;
}

export interface SqlRunSummary<T extends { hidden: boolean } = { hidden: boolean }> {
  verdicts: SqlTestVerdict<T>[];
  passed: number;
  failed: number;
  hiddenPassed: number;
  hiddenTotal: number;
  allPassed: boolean;
}

/** A test passes when the query ran without error and its result matched the expected one. */
export function evaluateSqlRun<T extends { hidden: boolean }>(
  tests: readonly T[],
  outcomes: readonly SqlOutcome[],
): SqlRunSummary<T> {
  const verdicts = tests.map((test, index) => {
    const outcome: SqlOutcome = outcomes[index] ?? {
      columns: [],
      rows: [],
      rowCount: 0,
      truncated: false,
      ms: 0,
      error: { message: 'The test did not run.', kind: 'runtime' },
    };
    const passed = !outcome.error && outcome.comparison?.passed === true;
    return { index, hidden: test.hidden, passed, test, outcome };
  });
  return summariseVerdicts(verdicts);
}
