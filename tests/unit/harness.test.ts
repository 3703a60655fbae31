/** The drill harnesses on the awkward things user code does: odd return values, mutated inputs, main blocks, exports. */
import { createContext, runInContext } from 'node:vm';
import { loadPyodide } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { runJsTests } from '../../src/drills/js-harness';
import { MODIFIED_INPUT_MESSAGE } from '../../src/drills/plain-values';
import { type PyodideLike, runPythonTests } from '../../src/drills/python-harness';
import { transpileTypeScript } from '../../src/drills/transpile';

let pyodide: PyodideLike;
beforeAll(async () => {
  pyodide = (await loadPyodide()) as unknown as PyodideLike;
}, 60_000);

function runTs(code: string, name: string, argsList: unknown[][]) {
  const context = createContext({ console: { log: () => {} }, structuredClone });
  return runJsTests(
    transpileTypeScript(code),
    name,
    argsList,
    (script) => runInContext(script, context, { timeout: 5000, filename: 'solution.js' }),
    context.console as { log: (...a: unknown[]) => void },
  );
}

describe('Python harness', () => {
  it('reports -inf and nan inside a list per test instead of failing the whole run', () => {
    const code = 'def f(x):\n    return [float("-inf"), float("inf"), float("nan"), x]\n';
    const [outcome] = runPythonTests(pyodide, code, 'f', [[1]]);
    expect(outcome.error).toBeUndefined();
    const [negInf, posInf, nan, one] = outcome.actual as number[];
    expect(negInf).toBe(Number.NEGATIVE_INFINITY);
    expect(posInf).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isNaN(nan)).toBe(true);
    expect(one).toBe(1);
  });

  it('returns tuples as lists, dicts with non-string keys and nested lists', () => {
    const code = 'def f():\n    return (1, 2), {1: (3, 4)}, [[5]]\n';
    const [outcome] = runPythonTests(pyodide, code, 'f', [[]]);
    expect(outcome.actual).toEqual([[1, 2], { 1: [3, 4] }, [[5]]]);
  });

  it('does not run an if __name__ == "__main__" block', () => {
    const code = 'def f():\n    return 1\n\nif __name__ == "__main__":\n    raise SystemExit("main ran")\n';
    const [outcome] = runPythonTests(pyodide, code, 'f', [[]]);
    expect(outcome).toMatchObject({ actual: 1 });
  });

  it('fails a test whose function modified its input', () => {
    const code = 'def f(xs):\n    xs.sort()\n    return xs\n';
    const [outcome] = runPythonTests(pyodide, code, 'f', [[[3, 1, 2]]]);
    expect(outcome.error?.message).toBe(MODIFIED_INPUT_MESSAGE);
  });
});

describe('TypeScript harness', () => {
  it('runs `export function` like a plain function', () => {
    const [outcome] = runTs('export function twice(x: number): number {\n  return 2 * x;\n}\n', 'twice', [[4]]);
    expect(outcome).toMatchObject({ actual: 8 });
  });

  it('keeps line numbers after dropping `export`', () => {
    const [outcome] = runTs('export function boom(): number {\n  throw new Error("no");\n}\n', 'boom', [[]]);
    expect(outcome.error?.line).toBe(2);
  });

  it('fails a test whose function modified its input, NaN included', () => {
    const [sorted] = runTs('function f(xs: number[]) { xs.sort(); return xs; }', 'f', [[[3, 1, 2]]]);
    expect(sorted.error?.message).toBe(MODIFIED_INPUT_MESSAGE);
    const [untouched] = runTs('function f(xs: number[]) { return xs.length; }', 'f', [[[Number.NaN, 1]]]);
    expect(untouched).toMatchObject({ actual: 2 });
  });
});
