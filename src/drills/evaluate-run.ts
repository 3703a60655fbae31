/** Turns a runner's raw outcomes into per-test verdicts (pure). */
import type { DrillTest } from '../bank/types';
import { resultsMatch } from './compare';
import type { CallOutcome } from './run-types';

export interface TestVerdict {
  index: number;
  hidden: boolean;
  passed: boolean;
  test: DrillTest;
  outcome: CallOutcome;
}

export interface RunSummary {
  verdicts: TestVerdict[];
  passed: number;
  failed: number;
  hiddenPassed: number;
  hiddenTotal: number;
  allPassed: boolean;
}

export function evaluateRun(tests: readonly DrillTest[], outcomes: readonly CallOutcome[]): RunSummary {
  const verdicts = tests.map((test, index) => {
    const outcome = outcomes[index] ?? { stdout: '', error: { message: 'The test did not run.' } };
    const passed = !outcome.error && resultsMatch(outcome.actual, test.expected, test.tol);
    return { index, hidden: test.hidden, passed, test, outcome };
  });
  return summariseVerdicts(verdicts);
}

/** The counts every report shows, for any kind of verdict (code or SQL). */
export function summariseVerdicts<V extends { hidden: boolean; passed: boolean }>(verdicts: V[]) {
  const passed = verdicts.filter((v) => v.passed).length;
  const hidden = verdicts.filter((v) => v.hidden);
  return {
    verdicts,
    passed,
    failed: verdicts.length - passed,
    hiddenPassed: hidden.filter((v) => v.passed).length,
    hiddenTotal: hidden.length,
    allPassed: passed === verdicts.length,
  };
}
