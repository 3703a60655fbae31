import { describe, expect, it } from 'vitest';
import { compareResultSets, sqlValuesEqual } from '../../src/drills/sql/compare';
import { canonicalTemporal, sqlLiteral } from '../../src/drills/sql/values';

const set = (columns: string[], rows: unknown[][]) => ({ columns, rows });

describe('compareResultSets', () => {
  it('ignores row order unless ordered, and counts duplicates', () => {
    const expected = set(['a'], [[1], [2], [2]]);
    expect(compareResultSets(set(['a'], [[2], [1], [2]]), expected).passed).toBe(true);
    const dup = compareResultSets(set(['a'], [[2], [1], [1]]), expected);
    expect(dup.passed).toBe(false);
    expect(dup.missing).toEqual([2]);
    expect(dup.unexpected).toEqual([2]);
  });

  it('with ordered: true, marks the rows out of place and says the order is wrong', () => {
    const r = compareResultSets(set(['a'], [[2], [1]]), set(['a'], [[1], [2]]), { ordered: true });
    expect(r.passed).toBe(false);
    expect(r.missing).toEqual([0, 1]);
    expect(r.unexpected).toEqual([0, 1]);
    expect(r.message).toMatch(/wrong order/);
  });

  it('matches column names case-insensitively and in order', () => {
    expect(compareResultSets(set(['Country', 'N'], [['UK', 1]]), set(['country', 'n'], [['UK', 1]])).passed).toBe(true);
    const swapped = compareResultSets(set(['n', 'country'], [[1, 'UK']]), set(['country', 'n'], [['UK', 1]]));
    expect(swapped.passed).toBe(false);
    expect(swapped.columnsMatch).toBe(false);
    expect(swapped.message).toMatch(/Columns differ/);
  });

  it('reports missing and unexpected rows with counts', () => {
    const r = compareResultSets(set(['a'], [[1], [3], [4]]), set(['a'], [[1], [2]]));
    expect(r.missing).toEqual([1]);
    expect(r.unexpected).toEqual([1, 2]);
    expect(r.message).toBe('3 rows instead of 2; 1 expected row missing; 2 rows not expected.');
  });

  it('passes an empty result against an empty expectation', () => {
    expect(compareResultSets(set(['a'], []), set(['a'], [])).passed).toBe(true);
    expect(compareResultSets(set(['a'], [[1]]), set(['a'], [])).unexpected).toEqual([0]);
  });
});

describe('sqlValuesEqual', () => {
  it('compares numbers with tolerance, relative and absolute', () => {
    expect(sqlValuesEqual(0.3333333, 1 / 3)).toBe(true);
    expect(sqlValuesEqual(0.333, 1 / 3)).toBe(false);
    expect(sqlValuesEqual(0.333, 1 / 3, 1e-2)).toBe(true);
    expect(sqlValuesEqual(1_000_000.5, 1_000_000)).toBe(true);
    expect(sqlValuesEqual(2, 2.5)).toBe(false); // integer division
  });

  it('treats NULL as equal to NULL only', () => {
    expect(sqlValuesEqual(null, null)).toBe(true);
    expect(sqlValuesEqual(null, 0)).toBe(false);
    expect(sqlValuesEqual('', null)).toBe(false);
  });

  it('compares dates and timestamps as ISO strings', () => {
    expect(sqlValuesEqual('2024-03-01', '2024-03-01')).toBe(true);
    expect(sqlValuesEqual('2024-03-01T10:00:00', '2024-03-01 10:00:00')).toBe(true);
    expect(sqlValuesEqual('2024-03-01T08:00:00Z', '2024-03-01 10:00:00+02')).toBe(true);
    expect(sqlValuesEqual('2024-03-01T10:00:00Z', '2024-03-01T10:00:00')).toBe(false);
    expect(sqlValuesEqual('2024-03-01', '2024-03-02')).toBe(false);
  });

  it('does not equate a number with its text', () => {
    expect(sqlValuesEqual('1', 1)).toBe(false);
    expect(sqlValuesEqual(true, 1)).toBe(false);
  });

  it('compares JSON values deeply', () => {
    expect(sqlValuesEqual({ a: [1, 2], b: null }, { b: null, a: [1, 2] })).toBe(true);
    expect(sqlValuesEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sqlValuesEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});

describe('canonicalTemporal', () => {
  it('normalises separators, fractions and offsets to UTC', () => {
    expect(canonicalTemporal('2024-03-10 06:30:00+00')).toBe('2024-03-10T06:30:00Z');
    expect(canonicalTemporal('2024-03-10T01:30:00-05:00')).toBe('2024-03-10T06:30:00Z');
    expect(canonicalTemporal('2024-03-10 23:30:00-05:30')).toBe('2024-03-11T05:00:00Z');
    expect(canonicalTemporal('2024-03-10 06:30:00.250000')).toBe('2024-03-10T06:30:00.25');
    expect(canonicalTemporal('2024-03-10 06:30')).toBe('2024-03-10T06:30:00');
    expect(canonicalTemporal('not a date')).toBeUndefined();
  });
});

describe('sqlLiteral', () => {
  it('quotes strings, JSON and NULL', () => {
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(2.5)).toBe('2.5');
    expect(sqlLiteral({ k: "it's" })).toBe(`'{"k":"it''s"}'`);
    expect(sqlLiteral(false)).toBe('FALSE');
  });
});
