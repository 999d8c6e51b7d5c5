/** Each KPI with results over time: the documents' chart (baseline, results, target) and its figures as a table. */
import { useId } from 'react';
import type { KpiProgress } from '../../../../shared/analysis/progress';
import { renderChartSvg } from '../../../../shared/documents/charts/render-chart-svg';
import { kpiChartAlt, kpiChartSpec, kpiNumber } from '../../../../shared/documents/template/progress-blocks';

function KpiChart(props: { k: KpiProgress }) {
  const { kpi, history } = props.k;
  const captionId = useId();
  const svg = renderChartSvg(kpiChartSpec(props.k), 640).svg;
  return (
    <details className="kpi-chart">
      <summary>{kpi.name}</summary>
      <figure className="chart">
        <div
          className="chart-image"
          role="img"
          aria-label={kpiChartAlt(props.k)}
          dangerouslySetInnerHTML={{ __html: svg }}
        />
        <figcaption>{kpi.name} over time, with its baseline and target</figcaption>
      </figure>
      <div className="table-scroll">
        <table className="data-table" aria-labelledby={captionId}>
          <caption id={captionId}>{kpi.name}: the figures in the chart</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Figure</th>
              <th scope="col">What it is</th>
              <th scope="col">Source and note</th>
            </tr>
          </thead>
          <tbody>
            {kpi.baseline && (
              <tr>
                <th scope="row">{kpi.baseline.period.label || 'Not given'}</th>
                <td>{kpiNumber(kpi.baseline.value)}</td>
                <td>Baseline</td>
                <td>{kpi.source}</td>
              </tr>
            )}
            {history.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.period.label}</th>
                <td>{kpiNumber(r.value)}</td>
                <td>{r.state === 'confirmed' ? 'Result, confirmed' : 'Result, provisional'}</td>
                <td>{[r.source, r.note].filter(Boolean).join('. ')}</td>
              </tr>
            ))}
            {kpi.target && (
              <tr>
                <th scope="row">{kpi.target.period.label || 'Not given'}</th>
                <td>{kpiNumber(kpi.target.value)}</td>
                <td>Target</td>
                <td>{kpi.source}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export function KpiCharts(props: { kpis: readonly KpiProgress[] }) {
  const shown = props.kpis.filter((k) => k.history.length > 0);
  return (
    <section className="panel" aria-labelledby="kpi-charts-heading">
      <h2 id="kpi-charts-heading">Each KPI over time</h2>
      {shown.length === 0 ? (
        <p>No KPI has a result yet.</p>
      ) : (
        shown.map((k) => <KpiChart key={k.kpi.id} k={k} />)
      )}
    </section>
  );
}
