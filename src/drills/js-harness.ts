/**
 * Runs JavaScript drill code on each test's arguments, in whatever global scope it is given
 * (a Worker in the browser, a vm context in Node). The code is evaluated afresh for every test
 * so no state leaks between tests, and its stack frames are named `solution.js` so an error can
 * point at the user's line.
 */
import { MODIFIED_INPUT_MESSAGE } from './plain-values';
import type { CallOutcome } from './run-types';

export const SOURCE_NAME = 'solution.js';

export function errorLine(error: unknown): number | undefined {
  const stack = (error as Error)?.stack ?? '';
  const match = new RegExp(`${SOURCE_NAME.replace('.', '\\.')}:(\\d+):\\d+`).exec(stack);
  return match ? Number(match[1]) : undefined;
}

/** Formats console arguments the way a developer expects to read them. */
export function formatLogArgs(args: unknown[]): string {
  return args
    .map((arg) => {
      if (typeof arg === 'string') return arg;
      try {
        return JSON.stringify(arg);
      } catch {
        return String(arg);
      }
    })
    .join(' ');
}

/**
 * `evaluate` runs a script in the target global scope and returns its completion value.
 * `console` is the scope's console, whose log is redirected while each test runs.
 */
export function runJsTests(
  code: string,
  functionName: string,
  argsList: unknown[][],
  evaluate: (script: string) => unknown,
  console: { log: (...args: unknown[]) => void },
): CallOutcome[] {
  const outcomes: CallOutcome[] = [];
  const originalLog = console.log;
  for (const args of argsList) {
    const lines: string[] = [];
    console.log = (...parts: unknown[]) => lines.push(formatLogArgs(parts));
    try {
      const fn = evaluate(
        `(function () {\n${code}\n;return typeof ${functionName} === 'function' ? ${functionName} : undefined;\n})()\n//# sourceURL=${SOURCE_NAME}`,
      ) as ((...a: unknown[]) => unknown) | undefined;
      if (typeof fn !== 'function') throw new Error(`Define a function named ${functionName}.`);
      // Arguments are copied so a function that mutates its input cannot change later tests.
      const given = structuredClone(args);
      const actual = fn(...given);
      if (!sameValue(given, args)) throw new ModifiedInputError();
      outcomes.push({ actual: toJsonSafe(actual), stdout: lines.join('\n') });
    } catch (error) {
      const line = errorLine(error);
      // The wrapper adds one line before the user's code.
      outcomes.push({
        stdout: lines.join('\n'),
        error: { message: errorMessage(error), line: line === undefined ? undefined : line - 1 },
      });
    } finally {
      console.log = originalLog;
    }
  }
  return outcomes;
}

class ModifiedInputError extends Error {
  constructor() {
    super(MODIFIED_INPUT_MESSAGE);
    this.name = 'InputModified';
  }
}

/** Structural equality that treats NaN as equal to itself (JSON.stringify would not). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    Array.isArray(a) === Array.isArray(b) &&
    keysA.length === keysB.length &&
    keysA.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

function errorMessage(error: unknown): string {
  if (error instanceof ModifiedInputError) return error.message;
  // Not `instanceof Error`: errors from another realm (a vm context) are Errors of that realm.
  if (error && typeof error === 'object' && 'message' in error) {
    const { name, message } = error as { name?: string; message: unknown };
    return `${name ?? 'Error'}: ${String(message)}`;
  }
  return `Thrown: ${String(error)}`;
}

/** Typed arrays, Infinity and undefined become plain JSON-like values so they can be compared and shown. */
function toJsonSafe(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(toJsonSafe);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSafe(v)]));
  }
  return value;
}
