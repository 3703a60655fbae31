/** Plain-SVG charts for the dashboard. Each is an image with a summary label; the page gives the data as a table too. */
import type { DayCount } from './dashboard-figures';

const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** A year of study days as a GitHub-style grid: one column per week, one row per weekday. */
export function Heatmap({ days, label }: { days: DayCount[]; label: string }) {
  const cell = 11;
  const gap = 2;
  const firstWeekday = days.length ? new Date(days[0].day).getDay() : 0;
  const max = Math.max(1, ...days.map((d) => d.count));
  const level = (count: number) => (count === 0 ? 0 : Math.min(4, Math.ceil((count / max) * 4)));
  const weeks = Math.ceil((days.length + firstWeekday) / 7);
  return (
    <svg
      className="chart heatmap"
      viewBox={`0 0 ${weeks * (cell + gap)} ${7 * (cell + gap)}`}
      role="img"
      aria-label={label}
    >
      {days.map((d, i) => {
        const slot = i + firstWeekday;
        return (
          <rect
            key={d.day}
            x={Math.floor(slot / 7) * (cell + gap)}
            y={(slot % 7) * (cell + gap)}
            width={cell}
            height={cell}
            rx={2}
            className={`heat-${level(d.count)}`}
          >
            <title>{`${shortDate.format(d.day)}: ${d.count} review${d.count === 1 ? '' : 's'}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

export function BarChart({ bars, label }: { bars: DayCount[]; label: string }) {
  const width = 600;
  const height = 140;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const step = width / Math.max(1, bars.length);
  return (
    <svg className="chart bar-chart" viewBox={`0 0 ${width} ${height + 16}`} role="img" aria-label={label}>
      {bars.map((b, i) => {
        const h = (b.count / max) * height;
        return (
          <g key={b.day}>
            <rect x={i * step + 1} y={height - h} width={step - 2} height={h} className="bar-rect">
              <title>{`${shortDate.format(b.day)}: ${b.count}`}</title>
            </rect>
            {i % 7 === 0 && (
              <text x={i * step} y={height + 13} className="axis-label">
                {shortDate.format(b.day)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
