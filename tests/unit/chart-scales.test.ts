import { describe, expect, it } from 'vitest';
import { heatLevelOf, heatLevels, heatRangeText, monthColumns, niceTicks } from '../../src/progress/chart-scales';

describe('heatmap colour steps', () => {
  it('gives each count its own step when the busiest day had four reviews or fewer', () => {
    const levels = heatLevels(2);
    expect(levels.map(heatRangeText)).toEqual(['0', '1', '2']);
    expect(heatLevelOf(0, levels)).toBe(0);
    expect(heatLevelOf(2, levels)).toBe(2);
  });

  it('splits larger counts into four ranges that cover every count once', () => {
    const levels = heatLevels(13);
    expect(levels.map(heatRangeText)).toEqual(['0', '1–3', '4–6', '7–9', '10–13']);
    for (let c = 0; c <= 13; c++) {
      const level = heatLevelOf(c, levels);
      expect(levels[level].min <= c && c <= levels[level].max).toBe(true);
    }
    expect(heatLevelOf(13, levels)).toBe(4);
  });

  it('has only the empty step when nothing was reviewed', () => {
    expect(heatLevels(0).map(heatRangeText)).toEqual(['0']);
  });
});

describe('axis ticks', () => {
  it('rounds to steps of 1, 2 or 5 and reaches the largest value', () => {
    expect(niceTicks(13)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(200)).toEqual([0, 50, 100, 150, 200]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe('month labels of the heatmap', () => {
  const short = new Intl.DateTimeFormat('en', { month: 'short' });
  const daysFrom = (start: Date, n: number) =>
    Array.from({ length: n }, (_, i) =>
      new Date(start.getFullYear(), start.getMonth(), start.getDate() + i, 4).getTime(),
    );

  it('labels the column where each month starts', () => {
    // Sunday 1 March 2026, first row 0: March at column 0, April 1st (day 31) in column 4.
    const days = daysFrom(new Date(2026, 2, 1), 70);
    const labels = monthColumns(days, 0, (t) => short.format(t));
    expect(labels).toEqual([
      { column: 0, label: 'Mar' },
      { column: 4, label: 'Apr' },
      { column: 8, label: 'May' },
    ]);
  });

  it('drops a partial first month that would crowd the next label', () => {
    // 28 March 2026 is a Saturday (row 6); April starts in the next column.
    const days = daysFrom(new Date(2026, 2, 28), 40);
    const labels = monthColumns(days, 6, (t) => short.format(t));
    expect(labels[0]).toEqual({ column: 1, label: 'Apr' });
    expect(labels.map((l) => l.label)).not.toContain('Mar');
  });
});
