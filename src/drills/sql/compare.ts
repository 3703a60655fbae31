/**
 * Compares a query's result set with the expected one (pure).
 *
 * Rules: column names must match, case-insensitively and in the stated order; row order matters
 * only when `ordered` is true (otherwise rows compare as a multiset: duplicates count); numbers
 * are equal within `tol` (|a - e| <= tol + tol * |e|); NULL equals NULL; dates and timestamps
 * compare as canonical ISO strings (see canonicalTemporal); JSON values compare deeply with the
 * same rules; everything else compares exactly.
 */
import type { SqlComparison, SqlResultSet } from './types';
import { canonicalTemporal } from './values';

export const DEFAULT_SQL_TOLERANCE = 1e-6;

export interface CompareOptions {
  ordered?: boolean;
  tol?: number;
}

export function sqlValuesEqual(actual: unknown, expected: unknown, tol = DEFAULT_SQL_TOLERANCE): boolean {
  if (actual === null || actual === undefined || expected === null || expected === undefined) {
    return (actual ?? null) === (expected ?? null);
  }
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (Number.isNaN(actual) || Number.isNaN(expected)) return Number.isNaN(actual) && Number.isNaN(expected);
    if (actual === expected) return true;
    return Math.abs(actual - expected) <= tol + tol * Math.abs(expected);
  }
  if (typeof actual === 'string' && typeof expected === 'string') {
    if (actual === expected) return true;
    const a = canonicalTemporal(actual);
    return a !== undefined && a === canonicalTemporal(expected);
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    return actual.length === expected.length && actual.every((v, i) => sqlValuesEqual(v, expected[i], tol));
  }
  if (
    typeof actual === 'object' &&
    typeof expected === 'object' &&
    !Array.isArray(actual) &&
    !Array.isArray(expected)
  ) {
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(e).length && keys.every((k) => Object.hasOwn(e, k) && sqlValuesEqual(a[k], e[k], tol))
    );
  }
  return actual === expected;
}

export function sqlRowsEqual(actual: readonly unknown[], expected: readonly unknown[], tol = DEFAULT_SQL_TOLERANCE) {
  return actual.length === expected.length && actual.every((v, i) => sqlValuesEqual(v, expected[i], tol));
}

/** Matches rows as multisets; returns the unmatched indexes on both sides. */
function matchUnordered(actual: readonly unknown[][], expected: readonly unknown[][], tol: number) {
  const used = new Uint8Array(actual.length);
  const missing: number[] = [];
  expected.forEach((row, i) => {
    for (let j = 0; j < actual.length; j++) {
      if (!used[j] && sqlRowsEqual(actual[j] as unknown[], row, tol)) {
        used[j] = 1;
        return;
      }
    }
    missing.push(i);
  });
  const unexpected: number[] = [];
  used.forEach((u, j) => {
    if (!u) unexpected.push(j);
  });
  return { missing, unexpected };
}

function matchOrdered(actual: readonly unknown[][], expected: readonly unknown[][], tol: number) {
  const missing: number[] = [];
  const unexpected: number[] = [];
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    const a = actual[i];
    const e = expected[i];
    if (a && e && sqlRowsEqual(a, e, tol)) continue;
    if (e) missing.push(i);
    if (a) unexpected.push(i);
  }
  return { missing, unexpected };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function compareResultSets(
  actual: SqlResultSet,
  expected: SqlResultSet,
  { ordered = false, tol = DEFAULT_SQL_TOLERANCE }: CompareOptions = {},
): SqlComparison {
  const names = (cols: readonly string[]) => cols.map((c) => c.toLowerCase());
  const a = names(actual.columns);
  const e = names(expected.columns);
  const columnsMatch = a.length === e.length && a.every((c, i) => c === e[i]);
  const { missing, unexpected } = ordered
    ? matchOrdered(actual.rows, expected.rows, tol)
    : matchUnordered(actual.rows, expected.rows, tol);
  const rowsMatch = missing.length === 0 && unexpected.length === 0;
  const passed = columnsMatch && rowsMatch;
  let message = '';
  if (!columnsMatch) {
    message = `Columns differ: expected (${expected.columns.join(', ')}), got (${actual.columns.join(', ')}).`;
  } else if (!rowsMatch) {
    if (
      ordered &&
      matchUnordered(actual.rows, expected.rows, tol).missing.length === 0 &&
      actual.rows.length === expected.rows.length
    ) {
      message = 'The rows are right but in the wrong order: check the ORDER BY the prompt asks for.';
    } else {
      const parts: string[] = [];
      if (actual.rows.length !== expected.rows.length) {
        parts.push(`${plural(actual.rows.length, 'row')} instead of ${expected.rows.length}`);
      }
      if (missing.length) parts.push(`${plural(missing.length, 'expected row')} missing`);
      if (unexpected.length) parts.push(`${plural(unexpected.length, 'row')} not expected`);
      message = `${parts.join('; ')}.`;
      message = message[0]?.toUpperCase() + message.slice(1);
    }
  }
  return { passed, columnsMatch, missing, unexpected, message };
}
