import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';

export interface ScorePoint {
  /** ISO date or day. */
  at: string;
  score: number;
}

/**
 * A small SVG line chart of scores over time (0-100 on the y axis). Plain SVG keeps the
 * plugin free of a charting dependency; the points carry titles for hover and screen readers.
 */
export function ScoreHistoryChart(props: {
  points: ScorePoint[];
  title: string;
  height?: number;
}) {
  const theme = useTheme();
  const width = 600;
  const height = props.height ?? 160;
  const pad = 24;
  const points = [...props.points].sort((a, b) => a.at.localeCompare(b.at));
  if (points.length === 0) {
    return <Typography variant="body2">No history yet.</Typography>;
  }
  const x = (i: number) =>
    points.length === 1
      ? width / 2
      : pad + (i * (width - 2 * pad)) / (points.length - 1);
  const y = (score: number) =>
    height - pad - (score / 100) * (height - 2 * pad);
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(p.score)}`)
    .join(' ');
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <svg
      role="img"
      aria-label={`${props.title}: from ${first.score} to ${last.score} over ${points.length} points`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      height={height}
      preserveAspectRatio="none"
    >
      {[0, 50, 100].map(tick => (
        <g key={tick}>
          <line
            x1={pad}
            x2={width - pad}
            y1={y(tick)}
            y2={y(tick)}
            stroke={theme.palette.divider}
            strokeDasharray="4 4"
          />
          <text
            x={2}
            y={y(tick) + 4}
            fontSize={10}
            fill={theme.palette.text.secondary}
          >
            {tick}
          </text>
        </g>
      ))}
      <path
        d={path}
        fill="none"
        stroke={theme.palette.primary.main}
        strokeWidth={2}
      />
      {points.map((p, i) => (
        <circle
          key={`${p.at}-${i}`}
          cx={x(i)}
          cy={y(p.score)}
          r={3}
          fill={theme.palette.primary.main}
        >
          <title>{`${p.at.slice(0, 10)}: ${p.score}`}</title>
        </circle>
      ))}
    </svg>
  );
}
