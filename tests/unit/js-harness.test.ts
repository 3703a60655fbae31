/**
 * The JavaScript harness in a Node vm context (as the worker runs it in its own global scope):
 * what a user sees for their console output, a missing function, odd throws and odd return values.
 */
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { errorLine, formatLogArgs, runJsTests, SOURCE_NAME } from '../../src/drills/js-harness';

function run(code: string, name: string, argsList: unknown[][]) {
  const console = { log: (..._args: unknown[]) => {} };
  const originalLog = console.log;
  const context = createContext({ console, structuredClone });
  const outcomes = runJsTests(
    code,
    name,
    argsList,
    (script) => runInContext(script, context, { filename: SOURCE_NAME }),
    console,
  );
  return { outcomes, logRestored: console.log === originalLog };
}

describe('runJsTests', () => {
  it('keeps each test’s console output apart, and restores console.log afterwards', () => {
    const code = 'function f(x) { console.log("got", x, { x }); return x * 2; }';
    const { outcomes, logRestored } = run(code, 'f', [[1], [2]]);
    expect(outcomes).toEqual([
      { actual: 2, stdout: 'got 1 {"x":1}' },
      { actual: 4, stdout: 'got 2 {"x":2}' },
    ]);
    expect(logRestored).toBe(true);
  });

  it('evaluates the code afresh for every test, so top-level state does not leak', () => {
    const code = 'let calls = 0;\nfunction f() { calls += 1; return calls; }';
    expect(run(code, 'f', [[], [], []]).outcomes.map((o) => o.actual)).toEqual([1, 1, 1]);
  });

  it('asks for the function by name when the code does not define it', () => {
    const { outcomes } = run('const g = () => 1;', 'f', [[]]);
    expect(outcomes[0].error?.message).toBe('Error: Define a function named f.');
  });

  it('reports the user’s line for an error, and its type and message', () => {
    const code = 'function f(xs) {\n  return xs.map((x) => x.y.z);\n}';
    const [outcome] = run(code, 'f', [[[{}]]]).outcomes;
    expect(outcome.error?.message).toMatch(/^TypeError: Cannot read properties of undefined/);
    expect(outcome.error?.line).toBe(2);
  });

  it('shows a thrown non-error as what was thrown, keeping the output printed before it', () => {
    const code = 'function f() { console.log("before"); throw "oops"; }';
    const [outcome] = run(code, 'f', [[]]).outcomes;
    expect(outcome).toMatchObject({ stdout: 'before', error: { message: 'Thrown: oops' } });
    const [thrownObject] = run('function f() { throw { message: 42 }; }', 'f', [[]]).outcomes;
    expect(thrownObject.error?.message).toBe('Error: 42');
  });

  it('returns typed arrays as plain lists, nested ones included, and undefined as it is', () => {
    const code = 'function f() { return { w: new Float64Array([0.5, 1]), rows: [new Int32Array([1, 2])] }; }';
    expect(run(code, 'f', [[]]).outcomes[0].actual).toEqual({ w: [0.5, 1], rows: [[1, 2]] });
    expect(run('function f() {}', 'f', [[]]).outcomes[0]).toEqual({ actual: undefined, stdout: '' });
  });
});

describe('formatLogArgs', () => {
  it('prints strings as they are and other values as JSON', () => {
    expect(formatLogArgs(['a', 1, [1, 2], null, { k: 'v' }])).toBe('a 1 [1,2] null {"k":"v"}');
  });

  it('falls back to String for what JSON cannot print', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(formatLogArgs([circular, 10n])).toBe('[object Object] 10');
  });
});

describe('errorLine', () => {
  it('reads the line from a stack frame in solution.js only', () => {
    expect(errorLine({ stack: 'Error: x\n    at f (solution.js:7:3)' })).toBe(7);
    expect(errorLine({ stack: 'Error: x\n    at f (other.js:7:3)' })).toBeUndefined();
    expect(errorLine('no stack')).toBeUndefined();
    expect(errorLine(null)).toBeUndefined();
  });
});
