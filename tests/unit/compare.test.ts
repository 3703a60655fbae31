/**
 * Whether a drill's answer matches the expected value (tests and the Custom tab's comparison with
 * the reference solution), and how values are shown in the run report.
 */
import { describe, expect, it } from 'vitest';
import { formatValue, hasFloats, resultsMatch } from '../../src/drills/compare';

describe('resultsMatch', () => {
  it('accepts numbers within the relative-plus-absolute tolerance, and no further', () => {
    expect(resultsMatch(1.0000001, 1, 1e-6)).toBe(true);
    expect(resultsMatch(1000.0009, 1000, 1e-6)).toBe(true); // 1e-6 + 1e-3
    expect(resultsMatch(1000.0011, 1000, 1e-6)).toBe(false);
    expect(resultsMatch(0.1 + 0.2, 0.3, 0)).toBe(false);
    expect(resultsMatch(0.1 + 0.2, 0.3, 1e-9)).toBe(true);
  });

  it('never matches NaN, a string, or a boolean against a number', () => {
    expect(resultsMatch(Number.NaN, 1, 1)).toBe(false);
    expect(resultsMatch('1', 1, 0)).toBe(false);
    expect(resultsMatch(true, 1, 0)).toBe(false);
    expect(resultsMatch(1, true, 0)).toBe(false);
  });

  it('matches infinities only with the same infinity, whatever the tolerance', () => {
    expect(resultsMatch(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 1e-6)).toBe(true);
    expect(resultsMatch(Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e-6)).toBe(true);
    // The reference overflowing to Infinity is not matched by a large finite answer, nor by -Infinity.
    expect(resultsMatch(1e308, Number.POSITIVE_INFINITY, 1e-6)).toBe(false);
    expect(resultsMatch(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, 1e-6)).toBe(false);
    expect(resultsMatch(Number.POSITIVE_INFINITY, 1e308, 1e-6)).toBe(false);
  });

  it('compares lists element by element, so a Python tuple (sent as a list) matches', () => {
    expect(resultsMatch([1, [2, 3.0000001]], [1, [2, 3]], 1e-6)).toBe(true);
    expect(resultsMatch([1, 2], [1, 2, 3], 0)).toBe(false);
    expect(resultsMatch([1, 2, 3], [1, 2], 0)).toBe(false);
    expect(resultsMatch([2, 1], [1, 2], 0)).toBe(false);
    expect(resultsMatch({ 0: 1, 1: 2 }, [1, 2], 0)).toBe(false);
  });

  it('compares objects key by key: same keys, matching values', () => {
    expect(resultsMatch({ a: 1, b: [0.5] }, { b: [0.5000001], a: 1 }, 1e-6)).toBe(true);
    expect(resultsMatch({ a: 1 }, { a: 1, b: 2 }, 0)).toBe(false);
    expect(resultsMatch({ a: 1, c: 2 }, { a: 1, b: 2 }, 0)).toBe(false);
    expect(resultsMatch({ a: 2 }, { a: 1 }, 0)).toBe(false);
    expect(resultsMatch(null, { a: 1 }, 0)).toBe(false);
    expect(resultsMatch([1], { 0: 1 }, 0)).toBe(false);
  });

  it('compares everything else exactly', () => {
    expect(resultsMatch('abc', 'abc', 0)).toBe(true);
    expect(resultsMatch('abc', 'abd', 0)).toBe(false);
    expect(resultsMatch(null, null, 0)).toBe(true);
    expect(resultsMatch(undefined, null, 0)).toBe(false);
    expect(resultsMatch(false, false, 0)).toBe(true);
    expect(resultsMatch(0, false, 0)).toBe(false);
  });
});

describe('formatValue', () => {
  it('writes compact JSON with floats cut to 10 significant digits', () => {
    expect(formatValue([1, 0.1 + 0.2, 'a'])).toBe('[1,0.3,"a"]');
    expect(formatValue({ x: 2 / 3 })).toBe('{"x":0.6666666667}');
    expect(formatValue(12345678901234)).toBe('12345678901234');
  });

  it('shows what JSON cannot: undefined and non-finite numbers', () => {
    expect(formatValue(undefined)).toBe('undefined');
    expect(formatValue([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN])).toBe(
      '["Infinity","-Infinity","NaN"]',
    );
  });

  it('shortens long values to 400 characters and an ellipsis', () => {
    const text = formatValue(Array.from({ length: 500 }, (_, i) => i));
    expect(text).toHaveLength(401);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('hasFloats (whether the tolerance matters)', () => {
  it('finds a non-integer anywhere in a value', () => {
    expect(hasFloats(1)).toBe(false);
    expect(hasFloats(1.5)).toBe(true);
    expect(hasFloats([1, [2, { a: 0.25 }]])).toBe(true);
    expect(hasFloats({ a: [1, 2], b: 'x', c: null })).toBe(false);
    expect(hasFloats('1.5')).toBe(false);
  });
});
