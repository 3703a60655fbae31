/**
 * Deep comparison of a drill's actual result with the expected one: lists compare element by
 * element (Python tuples arrive as lists), numbers within |a - e| <= tol + tol * |e|, objects
 * key by key, everything else exactly. Booleans never equal numbers.
 */
export function resultsMatch(actual: unknown, expected: unknown, tol: number): boolean {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number' || Number.isNaN(actual)) return false;
    if (actual === expected) return true;
    // Infinity - anything is Infinity, which a nonzero tolerance would otherwise accept.
    if (!Number.isFinite(expected)) return false;
    return Math.abs(actual - expected) <= tol + tol * Math.abs(expected);
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, i) => resultsMatch(actual[i], item, tol))
    );
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const expectedKeys = Object.keys(expected);
    const actualKeys = Object.keys(actual);
    return (
      expectedKeys.length === actualKeys.length &&
      expectedKeys.every(
        (key) =>
          Object.hasOwn(actual, key) &&
          resultsMatch((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], tol),
      )
    );
  }
  return actual === expected;
}

/** Readable, compact JSON for showing arguments and results; long floats keep 10 significant digits. */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value, (_, v) => {
    if (typeof v !== 'number') return v;
    if (!Number.isFinite(v)) return String(v);
    return Number.isInteger(v) ? v : Number(v.toPrecision(10));
  });
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

/** Whether a value holds a non-integer number, i.e. whether the test's tolerance matters for it. */
export function hasFloats(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isInteger(value);
  if (Array.isArray(value)) return value.some(hasFloats);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasFloats);
  return false;
}
