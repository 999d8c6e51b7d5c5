/**
 * A horizontal bar chart drawn from the figures it is given, so the picture and its table always agree. The
 * authority's own bar is marked in words ("this authority") and by a pattern as well as its colour.
 */
import { useId } from 'react';

export interface Bar {
  readonly label: string;
  readonly value: number | null;
  readonly highlight?: boolean;
}

const LABEL_W = 230;
const PLOT_W = 360;
const BAR_H = 18;
const GAP = 8;

export function BarChart(props: {
  bars: readonly Bar[];
  alt: string;
  format: (n: number) => string;
  reference?: { value: number; label: string } | null;
}) {
  const patternId = useId().replace(/:/g, '');
  const max = Math.max(1, ...props.bars.map((b) => b.value ?? 0), props.reference?.value ?? 0);
  const height = props.bars.length * (BAR_H + GAP) + GAP + (props.reference ? 18 : 0);
  const x = (v: number) => LABEL_W + (v / max) * PLOT_W;
  return (
    <svg
      className="bar-chart"
      role="img"
      aria-label={props.alt}
      viewBox={`0 0 ${LABEL_W + PLOT_W + 110} ${height}`}
      width="100%"
    >
      <defs>
        <pattern
          id={patternId}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill="#0b57a4" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="2" />
        </pattern>
      </defs>
      {props.bars.map((b, i) => {
        const y = GAP + i * (BAR_H + GAP);
        return (
          <g key={`${b.label}-${i}`}>
            <text
              x={LABEL_W - 8}
              y={y + BAR_H - 5}
              textAnchor="end"
              fontSize="12"
              fontWeight={b.highlight ? 700 : 400}
              fill="#1b1f24"
            >
              {b.label.length > 34 ? `${b.label.slice(0, 33)}…` : b.label}
            </text>
            {b.value === null ? (
              <text x={LABEL_W + 4} y={y + BAR_H - 5} fontSize="12" fill="#4b5563">
                not reported
              </text>
            ) : (
              <>
                <rect
                  x={LABEL_W}
                  y={y}
                  width={Math.max(1, x(b.value) - LABEL_W)}
                  height={BAR_H}
                  fill={b.highlight ? `url(#${patternId})` : '#6b7280'}
                  stroke="#1b1f24"
                  strokeWidth={b.highlight ? 1.5 : 0}
                />
                <text x={x(b.value) + 6} y={y + BAR_H - 5} fontSize="12" fill="#1b1f24">
                  {props.format(b.value)}
                </text>
              </>
            )}
          </g>
        );
      })}
      {props.reference && (
        <g>
          <line
            x1={x(props.reference.value)}
            x2={x(props.reference.value)}
            y1={GAP / 2}
            y2={height - 16}
            stroke="#1b1f24"
            strokeDasharray="4 3"
          />
          <text x={x(props.reference.value)} y={height - 4} fontSize="11" textAnchor="middle" fill="#1b1f24">
            {props.reference.label}
          </text>
        </g>
      )}
    </svg>
  );
}
