/**
 * Deep comparison of a drill's actual result with the expected one: lists compare element by
 * element (Python tuples arrive as lists), numbers within |a - e| <= tol + tol * |e|, objects
 * key by key, everything else exactly. Booleans never equal numbers.
 */
export function resultsMatch(actual: unknown, expected: unknown, tol: number): boolean {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number' || Number.isNaN(actual)) return false;
    if (actual === expected) return true;
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

/** Readable, compact JSON for showing arguments and results. */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}
