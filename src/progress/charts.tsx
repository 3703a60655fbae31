/**
 * Plain-SVG charts for the dashboard. Each is an image with a summary label and a `<title>` on
 * every mark (shown on hover); the page gives the same data as a table too. Text sizes are in
 * viewBox units, so each chart keeps a minimum width (it scrolls sideways on a phone).
 */

import { countOf } from '../ui/plural';
import { ScrollBox } from '../ui/scroll-box';
import { heatLevelOf, heatLevels, heatRangeText, monthColumns, niceTicks } from './chart-scales';
import type { DayCount } from './dashboard-figures';

const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const longDate = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric' });
const shortMonth = new Intl.DateTimeFormat(undefined, { month: 'short' });

const CELL = 11;
const GAP = 2;
const PITCH = CELL + GAP;
/** Row labels of the heatmap, by weekday (0 is Sunday, as `getDay` counts). */
const WEEKDAY_LABELS: Record<number, string> = { 1: 'Mon', 3: 'Wed', 5: 'Fri' };

/** A year of study days as a GitHub-style grid: one column per week, one row per weekday, with a legend. */
export function Heatmap({ days, label }: { days: DayCount[]; label: string }) {
  const left = 30;
  const top = 16;
  const firstRow = days.length ? new Date(days[0].day).getDay() : 0;
  const busiest = Math.max(0, ...days.map((d) => d.count));
  const levels = heatLevels(busiest);
  const weeks = Math.ceil((days.length + firstRow) / 7);
  const months = monthColumns(
    days.map((d) => d.day),
    firstRow,
    (t) => shortMonth.format(t),
  );
  return (
    <figure className="heatmap-figure">
      <ScrollBox label="Reviews a day, last year" startAtEnd>
        <svg
          className="chart heatmap"
          viewBox={`0 0 ${left + weeks * PITCH + 16} ${top + 7 * PITCH}`}
          role="img"
          aria-label={label}
        >
          {months.map((m) => (
            <text key={`${m.column}-${m.label}`} x={left + m.column * PITCH} y={11} className="axis-label">
              {m.label}
            </text>
          ))}
          {Object.entries(WEEKDAY_LABELS).map(([row, name]) => (
            <text key={name} x={0} y={top + Number(row) * PITCH + CELL - 1} className="axis-label">
              {name}
            </text>
          ))}
          {days.map((d, i) => {
            const slot = i + firstRow;
            return (
              <rect
                key={d.day}
                x={left + Math.floor(slot / 7) * PITCH}
                y={top + (slot % 7) * PITCH}
                width={CELL}
                height={CELL}
                rx={2}
                className={`heat-${heatLevelOf(d.count, levels)}`}
              >
                <title>{`${longDate.format(d.day)}: ${countOf(d.count, 'review')}`}</title>
              </rect>
            );
          })}
        </svg>
      </ScrollBox>
      <figcaption className="heat-legend">
        <span className="muted">Reviews a day:</span> <span aria-hidden="true">Less</span>
        <ul aria-label="Colour key">
          {levels.map((l) => (
            <li key={l.level}>
              <svg width="12" height="12" aria-hidden="true" className="heat-swatch">
                <rect width="12" height="12" rx="2" className={`heat-${l.level}`} />
              </svg>
              <span>{heatRangeText(l)}</span>
            </li>
          ))}
        </ul>
        <span aria-hidden="true">More</span>
      </figcaption>
    </figure>
  );
}

/**
 * Reviews falling due per day: bars on a y-axis of reviews, today first. A day is labelled
 * every week; each bar's `<title>` gives its day and count.
 */
export function ForecastChart({ bars, label }: { bars: DayCount[]; label: string }) {
  const width = 600;
  const left = 46;
  const right = 8;
  const top = 10;
  const plot = 140;
  const bottom = 40;
  const ticks = niceTicks(Math.max(0, ...bars.map((b) => b.count)));
  const ceiling = ticks.at(-1) ?? 1;
  const y = (v: number) => top + plot - (v / ceiling) * plot;
  const step = (width - left - right) / Math.max(1, bars.length);
  return (
    <ScrollBox label="Reviews due per day">
      <svg className="chart bar-chart" viewBox={`0 0 ${width} ${top + plot + bottom}`} role="img" aria-label={label}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={width - right} y1={y(t)} y2={y(t)} className="grid-line" />
            <text x={left - 6} y={y(t) + 4} className="axis-label" textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        <text className="axis-title" textAnchor="middle" transform={`translate(12 ${top + plot / 2}) rotate(-90)`}>
          Reviews due
        </text>
        {bars.map((b, i) => {
          const h = (b.count / ceiling) * plot;
          const x = left + i * step;
          const when = i === 0 ? `Today (${shortDate.format(b.day)})` : longDate.format(b.day);
          return (
            <g key={b.day}>
              <rect x={x + 1} y={top + plot - h} width={Math.max(1, step - 2)} height={h} className="bar-rect">
                <title>{`${when}: ${countOf(b.count, 'review')} due`}</title>
              </rect>
              {i % 7 === 0 && (
                <text x={x + step / 2} y={top + plot + 14} className="axis-label" textAnchor="middle">
                  {i === 0 ? 'Today' : shortDate.format(b.day)}
                </text>
              )}
            </g>
          );
        })}
        <line x1={left} x2={width - right} y1={top + plot} y2={top + plot} className="axis-line" />
        <text x={left + (width - left - right) / 2} y={top + plot + 34} className="axis-title" textAnchor="middle">
          Day (the next {bars.length} days)
        </text>
      </svg>
    </ScrollBox>
  );
}
