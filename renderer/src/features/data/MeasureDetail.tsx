/** One measure against the comparator group (chart and its figures), and its trend by month or quarter. */
import { useId } from 'react';
import { ordinal, type MeasureComparison } from '../../../../shared/analysis/benchmark';
import { BarChart } from './BarChart';
import { GRANULARITY_WORDS, periodLabel, rate, whole } from './format';

export function MeasureDetail(props: { comparison: MeasureComparison; authorityName: string }) {
  const { comparison: m, authorityName } = props;
  const ids = { compare: useId(), trend: useId() };
  const label = m.measure.label;
  const ranked = m.rows.filter((r) => r.perThousand !== null);
  const alt = `Bar chart of ${m.measure.phrase} per 1,000 residents, 2023/24: ${m.rows
    .map(
      (r) =>
        `${r.name}${r.self ? ' (this authority)' : ''} ${r.perThousand === null ? 'not reported' : rate(r.perThousand)}`,
    )
    .join('; ')}.${m.group ? ` Comparators’ median ${rate(m.group.median)}.` : ''}`;
  const periodic = m.own?.figure.periodic ?? [];
  const trendAlt = `Bar chart of ${authorityName}’s ${m.measure.phrase} ${GRANULARITY_WORDS[m.own?.figure.granularity ?? 'month']}: ${periodic
    .map((p) => `${periodLabel(p.period)} ${whole(p.value)}`)
    .join('; ')}.`;
  return (
    <>
      <h3 id={ids.compare}>{label} per 1,000 residents</h3>
      {ranked.length === 0 ? (
        <p>None of these authorities reported {m.measure.phrase} for 2023/24.</p>
      ) : (
        <div className="chart">
          <div className="chart-image">
            <BarChart
              bars={m.rows.map((r) => ({
                label: `${r.name}${r.self ? ' (this authority)' : ''}`,
                value: r.perThousand,
                highlight: r.self,
              }))}
              alt={alt}
              format={rate}
              reference={
                m.group
                  ? { value: m.group.median, label: `Comparators’ median ${rate(m.group.median)}` }
                  : null
              }
            />
          </div>
        </div>
      )}
      <table className="data-table" aria-labelledby={ids.compare}>
        <thead>
          <tr>
            <th scope="col">Authority</th>
            <th scope="col">Code</th>
            <th scope="col">Total</th>
            <th scope="col">Per 1,000 residents</th>
            <th scope="col">Months covered</th>
          </tr>
        </thead>
        <tbody>
          {m.rows.map((r) => (
            <tr key={r.gss} className={r.self ? 'row-self' : undefined}>
              <th scope="row">
                {r.name}
                {r.self && ' (this authority)'}
              </th>
              <td>{r.gss}</td>
              <td>{r.value === null ? 'Not reported' : whole(r.value)}</td>
              <td>{rate(r.perThousand)}</td>
              <td>
                {r.months === null ? '–' : r.months === 12 ? 'All 12' : `${r.months} of 12 (not ranked)`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {m.rank
          ? `${authorityName} ranks ${ordinal(m.rank.position)} of ${m.rank.of} (1st is the highest per 1,000 residents). `
          : `${authorityName} is not ranked on ${m.measure.phrase}${m.own ? ': its figures cover part of the year' : ': it did not report them'}. `}
        {m.group
          ? `The comparators’ median is ${rate(m.group.median)} per 1,000 residents; the middle half lie between ${rate(m.group.lowerQuartile)} and ${rate(m.group.upperQuartile)} (${m.group.count} with a full-year figure).`
          : 'No comparator has a full-year figure, so there is no median.'}
      </p>

      <h3 id={ids.trend}>
        {authorityName}’s {m.measure.phrase} through the year
      </h3>
      {!m.own ? (
        <p>No figures were reported, so there is no trend to show.</p>
      ) : periodic.length === 0 ? (
        <p>
          {authorityName} reported one figure for the whole year, so there is no trend by month or quarter.
        </p>
      ) : (
        <>
          <div className="chart">
            <div className="chart-image">
              <BarChart
                bars={periodic.map((p) => ({ label: periodLabel(p.period), value: p.value }))}
                alt={trendAlt}
                format={whole}
              />
            </div>
          </div>
          <table className="data-table" aria-labelledby={ids.trend}>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">{label}</th>
              </tr>
            </thead>
            <tbody>
              {periodic.map((p) => (
                <tr key={p.period}>
                  <th scope="row">{periodLabel(p.period)}</th>
                  <td>{whole(p.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
