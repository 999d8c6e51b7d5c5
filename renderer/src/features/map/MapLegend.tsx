import { STRENGTH_WEIGHT } from '../../../../shared/analysis/coverage';
import { STRENGTHS, type Strength } from '../../../../shared/model/vocabulary';

const ORDER: readonly Strength[] = [3, 2, 1, 0];

/**
 * The key to the map: the strength colours (the same scale as the Review step's charts), the marks a cell
 * can carry, and what the summary column and row count.
 */
export function MapLegend() {
  return (
    <section aria-labelledby="map-legend-heading">
      <h2 id="map-legend-heading" className="visually-hidden">
        Key to the map
      </h2>
      <ul className="map-legend">
        {ORDER.map((s) => (
          <li key={s}>
            <span className={`legend-swatch map-cell strength-${s}`} aria-hidden="true">
              {s === 0 ? '–' : STRENGTHS[s].symbol} {s}
            </span>
            {STRENGTHS[s].label}
          </li>
        ))}
        <li>
          <span className="legend-swatch map-cell unassessed" aria-hidden="true" />
          Not assessed (blank)
        </li>
        <li>
          <span className="legend-swatch map-cell unassessed suggested" aria-hidden="true">
            ○?
          </span>
          Suggested, not yet accepted
        </li>
        <li>
          <span className="legend-swatch map-cell strength-2 unevidenced" aria-hidden="true">
            ○ 2
          </span>
          Corner triangle: a medium or strong link with no evidence yet
        </li>
        <li>
          <span className="legend-swatch map-cell strength-3" aria-hidden="true">
            <span className="cell-evidence">E</span>
          </span>
          Evidence attached
        </li>
        <li>
          “Links (score)”: how many objectives the service contributes to, and a score counting strong {STRENGTH_WEIGHT[3]}, medium{' '}
          {STRENGTH_WEIGHT[2]} and weak {STRENGTH_WEIGHT[1]}
        </li>
      </ul>
    </section>
  );
}
