/** A reused JS/TS runner worker must notice when a run left a trace in its global scope. */
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { findChange, takeFingerprint } from '../../src/drills/global-fingerprint';
import { runJsTests } from '../../src/drills/js-harness';

function freshScope() {
  const context = createContext({ console: { log: () => {} }, structuredClone });
  const scope = runInContext('globalThis', context) as object;
  const run = (code: string) =>
    runJsTests(code, 'f', [[1]], (script) => runInContext(script, context), context.console as { log: () => void });
  return { scope, run, before: takeFingerprint(scope) };
}

describe('global fingerprint', () => {
  it('sees no change after a run that keeps to its own function scope', () => {
    const { scope, run, before } = freshScope();
    const [outcome] = run('var cache = {};\nlet n = 2;\nclass K {}\nfunction f(x) { cache[x] = n; return x * n; }');
    expect(outcome).toMatchObject({ actual: 2 });
    expect(findChange(before, scope)).toBeUndefined();
  });

  it.each([
    ['a sloppy global assignment', 'function f(x) { leaked = x; return x; }'],
    ['a property set on globalThis', 'function f(x) { globalThis.counter = 1; return x; }'],
    ['a deleted global', 'function f(x) { delete globalThis.JSON; return x; }'],
    ['a new method on a built-in prototype', 'function f(x) { Array.prototype.total = function () {}; return x; }'],
    ['a replaced built-in function', 'function f(x) { Math.max = () => 0; return x; }'],
    ['a replaced nested built-in', 'function f(x) { Intl.NumberFormat.prototype.formatToParts = () => []; return x; }'],
    ['a frozen prototype', 'function f(x) { Object.freeze(Object.prototype); return x; }'],
    ['a re-parented prototype', 'function f(x) { Object.setPrototypeOf(Array.prototype, null); return x; }'],
    [
      'a redefined property',
      'function f(x) { Object.defineProperty(Array.prototype, "map", { enumerable: true }); return x; }',
    ],
  ])('notices %s', (_, code) => {
    const { scope, run, before } = freshScope();
    run(code);
    expect(findChange(before, scope)).toBeDefined();
  });

  it('checking only the globals still notices a new or replaced global, and nothing after a clean run', () => {
    const clean = freshScope();
    clean.run('function f(x) { return x; }');
    expect(findChange(clean.before, clean.scope, true)).toBeUndefined();
    const added = freshScope();
    added.run('function f(x) { leaked = x; return x; }');
    expect(findChange(added.before, added.scope, true)).toBeDefined();
    const replaced = freshScope();
    replaced.run('function f(x) { globalThis.JSON = {}; return x; }');
    expect(findChange(replaced.before, replaced.scope, true)).toBeDefined();
  });
});
