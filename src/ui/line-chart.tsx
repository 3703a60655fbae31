/** A small plain-SVG line chart (0-100 scale). Decorative to screen readers: callers give a table. */
export interface Point {
  key: string;
  label: string;
  value: number;
}

export function LineChart({ points, height = 120, title }: { points: Point[]; height?: number; title: string }) {
  const width = 600;
  const pad = 24;
  if (points.length === 0) return null;
  const x = (i: number) => (points.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (points.length - 1));
  const y = (v: number) => pad / 2 + (1 - v / 100) * (height - pad);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <svg className="chart line-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      {[0, 50, 100].map((v) => (
        <g key={v}>
          <line x1={pad} x2={width - pad / 2} y1={y(v)} y2={y(v)} className="grid-line" />
          <text x={2} y={y(v) + 4} className="axis-label">
            {v}
          </text>
        </g>
      ))}
      <path d={path} className="series" fill="none" />
      {points.map((p, i) => (
        <circle key={p.key} cx={x(i)} cy={y(p.value)} r={3.5} className="series-dot">
          <title>{`${p.label}: ${p.value}`}</title>
        </circle>
      ))}
    </svg>
  );
}
