/**
 * Every coding drill is checked in both languages: the reference passes every test, the
 * starter fails at least one, and every classic wrong answer kept in the file fails at least one. Python runs in Pyodide (as in the browser), TypeScript is
 * transpiled with the app's transpiler and run in a fresh V8 context.
 */
import { resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { loadPyodide } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileBank } from '../../scripts/bank/compile';
import type { Question } from '../../src/bank/types';
import { evaluateRun } from '../../src/drills/evaluate-run';
import { runJsTests } from '../../src/drills/js-harness';
import { type PyodideLike, runPythonTests } from '../../src/drills/python-harness';
import { transpileTypeScript } from '../../src/drills/transpile';

const drills = compileBank(resolve('question-bank')).questions.filter(
  (q): q is Question & { drill: NonNullable<Question['drill']> } => q.drill !== undefined,
);

let pyodide: PyodideLike;
beforeAll(async () => {
  pyodide = (await loadPyodide()) as unknown as PyodideLike;
}, 60_000);

function runTypeScript(drill: NonNullable<Question['drill']>, code: string) {
  const context = createContext({ console: { log: () => {} }, structuredClone });
  const outcomes = runJsTests(
    transpileTypeScript(code),
    drill.typescript.function,
    drill.tests.map((t) => t.args),
    (script) => runInContext(script, context, { timeout: 5000, filename: 'solution.js' }),
    context.console as { log: (...a: unknown[]) => void },
  );
  return evaluateRun(drill.tests, outcomes);
}

function runPython(drill: NonNullable<Question['drill']>, code: string) {
  const outcomes = runPythonTests(
    pyodide,
    code,
    drill.python.function,
    drill.tests.map((t) => t.args),
  );
  return evaluateRun(drill.tests, outcomes);
}

function describeFailures(summary: ReturnType<typeof evaluateRun>): string {
  return summary.verdicts
    .filter((v) => !v.passed)
    .map(
      (v) =>
        `test ${v.index + 1}: ${v.outcome.error?.message ?? `got ${JSON.stringify(v.outcome.actual)}, expected ${JSON.stringify(v.test.expected)}`}`,
    )
    .join('; ');
}

describe('coding drills', () => {
  it('exist', () => {
    expect(drills.length).toBeGreaterThan(0);
  });

  describe.each(drills.map((q) => [q.id, q] as const))('%s', (id, question) => {
    const drill = question.drill;
    it('reference passes every test in Python', () => {
      const summary = runPython(drill, drill.python.solution);
      expect(summary.allPassed, `${id} (Python reference): ${describeFailures(summary)}`).toBe(true);
    });
    it('reference passes every test in TypeScript', () => {
      const summary = runTypeScript(drill, drill.typescript.solution);
      expect(summary.allPassed, `${id} (TypeScript reference): ${describeFailures(summary)}`).toBe(true);
    });
    it.each((drill.wrong ?? []).map((w, i) => [i + 1, w] as const))(
      'kept wrong solution %i fails a test',
      (_n, wrong) => {
        if (wrong.python !== undefined) {
          expect(runPython(drill, wrong.python).allPassed, `${id}: wrong Python passes every test (${wrong.why})`).toBe(
            false,
          );
        }
        if (wrong.typescript !== undefined) {
          expect(
            runTypeScript(drill, wrong.typescript).allPassed,
            `${id}: wrong TypeScript passes every test (${wrong.why})`,
          ).toBe(false);
        }
      },
    );
    it('starter fails at least one test in both languages', () => {
      expect(runPython(drill, drill.python.starter).allPassed, `${id}: the Python starter passes every test`).toBe(
        false,
      );
      expect(
        runTypeScript(drill, drill.typescript.starter).allPassed,
        `${id}: the TypeScript starter passes every test`,
      ).toBe(false);
    });
  });
});
