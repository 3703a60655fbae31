/** Scales and labels for the dashboard's charts, as plain functions of plain data (no React). */

/** One colour step of the heatmap: the reviews a day it stands for, from `min` to `max` inclusive. */
export interface HeatLevel {
  level: number;
  min: number;
  max: number;
}

/**
 * The heatmap's colour steps for a busiest day of `busiest` reviews: level 0 is a day without
 * reviews; levels 1-4 split 1..busiest into equal ranges (one count a level when busiest <= 4).
 */
export function heatLevels(busiest: number): HeatLevel[] {
  const levels: HeatLevel[] = [{ level: 0, min: 0, max: 0 }];
  if (busiest <= 0) return levels;
  if (busiest <= 4) {
    for (let c = 1; c <= busiest; c++) levels.push({ level: c, min: c, max: c });
    return levels;
  }
  for (let k = 1; k <= 4; k++) {
    levels.push({ level: k, min: Math.floor(((k - 1) * busiest) / 4) + 1, max: Math.floor((k * busiest) / 4) });
  }
  return levels;
}

/** The colour step of a day with `count` reviews. */
export function heatLevelOf(count: number, levels: readonly HeatLevel[]): number {
  for (const l of levels) if (count >= l.min && count <= l.max) return l.level;
  return levels.at(-1)?.level ?? 0;
}

/** "0", "3", "4–6": a level's range as the legend writes it. */
export function heatRangeText(level: HeatLevel): string {
  return level.min === level.max ? String(level.min) : `${level.min}–${level.max}`;
}

/** Round axis ticks from 0 to at least `max` (steps of 1, 2, 5 × 10^n), about `target` of them. */
export function niceTicks(max: number, target = 4): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const wholeStep = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let v = 0; v < max + wholeStep; v += wholeStep) {
    ticks.push(v);
    if (v >= max) break;
  }
  return ticks;
}

/**
 * Where each month starts in a week-column grid whose first day sits in row `firstRow`: the
 * column of the first day of every month shown, with a short name. A month that starts within
 * `minGap` columns of the previous label is left out so labels never overlap.
 */
export function monthColumns(
  days: readonly number[],
  firstRow: number,
  format: (time: number) => string,
  minGap = 3,
): { column: number; label: string }[] {
  const labels: { column: number; label: string }[] = [];
  let lastMonth = -1;
  days.forEach((time, i) => {
    const month = new Date(time).getMonth();
    if (month === lastMonth) return;
    lastMonth = month;
    // The first column begins mid-month unless the grid starts on a 1st; still name it if there is room.
    const column = Math.floor((i + firstRow) / 7);
    const previous = labels.at(-1);
    if (previous && column - previous.column < minGap) {
      // A partial first month yields to the full month after it.
      if (labels.length === 1 && i > 0) labels[0] = { column, label: format(time) };
      return;
    }
    labels.push({ column, label: format(time) });
  });
  return labels;
}
