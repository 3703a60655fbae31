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

  it('compiles the solution once per run, not once per test', () => {
    // Counts compile() calls on the solution by wrapping the builtin the harness looks up
    // (runPython itself compiles too, under another file name).
    pyodide.runPython(
      'import builtins\n_real_compile = builtins.compile\n_compiles = []\n' +
        'def _counting_compile(*a, **k):\n    if a[1:2] == ("solution.py",):\n        _compiles.append(1)\n' +
        '    return _real_compile(*a, **k)\n' +
        'builtins.compile = _counting_compile\n',
    );
    try {
      const code = 'def f(x):\n    return x + 1\n';
      const outcomes = runPythonTests(pyodide, code, 'f', [[1], [2], [3]]);
      expect(outcomes.map((o) => o.actual)).toEqual([2, 3, 4]);
      runPythonTests(pyodide, code, 'f', [[1], [2], [3]]);
      expect(pyodide.runPython('len(_compiles)')).toBe(2);
    } finally {
      pyodide.runPython('builtins.compile = _real_compile');
    }
  });

  it('runs the solution in fresh globals for every test, run after run', () => {
    const code = 'calls = []\ndef f():\n    calls.append(1)\n    return len(calls)\n';
    expect(runPythonTests(pyodide, code, 'f', [[], [], []]).map((o) => o.actual)).toEqual([1, 1, 1]);
    expect(runPythonTests(pyodide, code, 'f', [[], []]).map((o) => o.actual)).toEqual([1, 1]);
  });

  it('runs the edited code after an edit, and the old code again after undoing it', () => {
    const before = 'def f():\n    return "before"\n';
    const after = 'def f():\n    return "after"\n';
    expect(runPythonTests(pyodide, before, 'f', [[]])[0].actual).toBe('before');
    expect(runPythonTests(pyodide, after, 'f', [[]])[0].actual).toBe('after');
    expect(runPythonTests(pyodide, before, 'f', [[], []]).map((o) => o.actual)).toEqual(['before', 'before']);
  });

  it('reports a syntax error with its line on every test', () => {
    const outcomes = runPythonTests(pyodide, 'def f():\n    return (\n', 'f', [[], []]);
    expect(outcomes).toHaveLength(2);
    for (const outcome of outcomes) {
      expect(outcome.error?.message).toMatch(/^SyntaxError/);
      expect(outcome.error?.line).toBe(2);
    }
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
