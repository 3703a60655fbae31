/**
 * A small plain-SVG line chart on a 0-100 scale, with a labelled y-axis, x labels and each point's
 * value written beside it (and in its `<title>`, shown on hover). A point without a value leaves a
 * gap in the line. An image with a summary label: callers give the data as a table too.
 */
import { ScrollBox } from './scroll-box';

export interface Point {
  key: string;
  /** Full label for the point's title, e.g. "Week of 3 Nov". */
  label: string;
  /** Short x-axis label, e.g. "3 Nov"; shown on every `labelEvery`-th point, counted back from the last. */
  tick: string;
  value?: number;
}

export function LineChart({
  points,
  title,
  yTitle,
  xTitle,
  unit = '%',
  labelEvery = 1,
}: {
  points: Point[];
  title: string;
  yTitle: string;
  xTitle: string;
  /** Written after each value and tick, e.g. "%". */
  unit?: string;
  labelEvery?: number;
}) {
  const width = 600;
  const left = 58;
  const right = 24;
  const top = 26;
  const plot = 130;
  const bottom = 40;
  if (points.length === 0) return null;
  // Points sit inset from the axis so the first value label clears the tick labels.
  const inset = 18;
  const x = (i: number) =>
    points.length === 1
      ? left + (width - left - right) / 2
      : left + inset + (i * (width - left - right - 2 * inset)) / (points.length - 1);
  const y = (v: number) => top + (1 - v / 100) * plot;
  let path = '';
  let drawing = false;
  points.forEach((p, i) => {
    if (p.value === undefined) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)} `;
    drawing = true;
  });
  return (
    <ScrollBox label={`${yTitle} chart`} startAtEnd>
      <svg className="chart line-chart" viewBox={`0 0 ${width} ${top + plot + bottom}`} role="img" aria-label={title}>
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v}>
            <line x1={left} x2={width - right} y1={y(v)} y2={y(v)} className="grid-line" />
            <text x={left - 6} y={y(v) + 4} className="axis-label" textAnchor="end">
              {`${v}${unit}`}
            </text>
          </g>
        ))}
        <text className="axis-title" textAnchor="middle" transform={`translate(12 ${top + plot / 2}) rotate(-90)`}>
          {yTitle}
        </text>
        {points.map((p, i) =>
          (points.length - 1 - i) % labelEvery === 0 ? (
            <text key={p.key} x={x(i)} y={top + plot + 16} className="axis-label" textAnchor="middle">
              {p.tick}
            </text>
          ) : null,
        )}
        <text x={left + (width - left - right) / 2} y={top + plot + 36} className="axis-title" textAnchor="middle">
          {xTitle}
        </text>
        <path d={path.trim()} className="series" fill="none" />
        {points.map((p, i) =>
          p.value === undefined ? null : (
            <g key={p.key}>
              <circle cx={x(i)} cy={y(p.value)} r={4} className="series-dot">
                <title>{`${p.label}: ${p.value}${unit}`}</title>
              </circle>
              <text x={x(i)} y={y(p.value) - 9} className="value-label" textAnchor="middle">
                {`${p.value}${unit}`}
              </text>
            </g>
          ),
        )}
      </svg>
    </ScrollBox>
  );
}
