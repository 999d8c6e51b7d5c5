/**
 * The Data step: the authority's published 2023/24 library activity (Arts Council England, via Libraries
 * Hacked) per 1,000 residents, compared with a comparator group the officer chooses (rank, median, quartiles,
 * a chart with its figures as a table, the trend by month or quarter), and the service's own imported counts.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { benchmark, ordinal } from '../../../../shared/analysis/benchmark';
import {
  ACTIVITY_EVIDENCE,
  ACTIVITY_MEASURES,
  ACTIVITY_SOURCE,
  ACTIVITY_YEAR,
  loadActivity,
  type ActivityDataset,
  type ActivityMeasureId,
} from '../../../../shared/reference/activity';
import { AUTHORITIES, findAuthority } from '../../../../shared/reference/authorities';
import { librariesFor, type LibraryRecord } from '../../../../shared/reference/libraries';
import { showError, showStatus, useUiStore } from '../../state/ui-store';
import { NONE, useWorkbookStore } from '../../state/workbook-store';
import { citeActivityData } from './commands';
import { ComparatorPicker } from './ComparatorPicker';
import { GRANULARITY_WORDS, monthSpan, rate, whole } from './format';
import { MeasureDetail } from './MeasureDetail';
import { OwnFigures } from './OwnFigures';

export function DataStep() {
  const authority = useWorkbookStore((s) => s.workbook?.authority ?? null);
  const comparator = useWorkbookStore((s) => s.workbook?.libraryData.comparator);
  const figures = useWorkbookStore((s) => s.workbook?.libraryData.figures ?? NONE);
  const services = useWorkbookStore((s) => s.workbook?.services ?? NONE);
  const cited = useWorkbookStore(
    (s) =>
      s.workbook?.evidence.some((e) => e.origin === 'library' && e.libraryRef === ACTIVITY_EVIDENCE.id) ??
      false,
  );
  const setStep = useUiStore((s) => s.setStep);
  const [dataset, setDataset] = useState<ActivityDataset | null>(null);
  const [libraries, setLibraries] = useState<readonly LibraryRecord[]>([]);
  const [measureId, setMeasureId] = useState<ActivityMeasureId>('visits');
  const ids = { published: useId(), measure: useId(), summary: useId() };
  const gss = authority?.gss ?? null;

  useEffect(() => {
    loadActivity().then(setDataset, (e: unknown) =>
      showError(`The activity data could not be loaded: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, []);
  useEffect(() => {
    if (gss) void librariesFor(gss).then(setLibraries);
  }, [gss]);

  const result = useMemo(
    () => (dataset && gss && comparator ? benchmark(gss, comparator, dataset, AUTHORITIES) : null),
    [dataset, gss, comparator],
  );
  const context = useMemo(() => {
    if (!authority) return null;
    const own = services.flatMap((s) => s.branches.map((b) => ({ ref: b.libraryRef, name: b.name })));
    return {
      authority: {
        gss: authority.gss,
        name: authority.name,
        officialName: findAuthority(authority.gss)?.officialName,
      },
      libraries: [...libraries.map((l) => ({ ref: l.ref, name: l.name })), ...own],
    };
  }, [authority, libraries, services]);

  const cite = () => {
    citeActivityData();
    showStatus('The libraries activity data is now in the workbook’s evidence, so documents cite it.');
  };

  const selected = result?.measures.find((m) => m.measure.id === measureId) ?? null;
  const reported = result?.measures.filter((m) => m.own).length ?? 0;

  return (
    <div className="step">
      <h1>Library activity data</h1>
      <p className="lead">
        Know your numbers: your service’s published figures for {ACTIVITY_YEAR.label} compared with similar
        authorities, and your own counts for each library.
      </p>

      {!authority ? (
        <section className="panel">
          <p>Choose the library authority first; its published figures are then shown here.</p>
          <button type="button" className="button button-secondary" onClick={() => setStep('authority')}>
            Go to the Authority step
          </button>
        </section>
      ) : (
        <section className="panel" aria-labelledby={ids.published}>
          <h2 id={ids.published}>
            Published figures for {authority.name}, {ACTIVITY_YEAR.label}
          </h2>
          <p>
            Source: {ACTIVITY_SOURCE.short}. Authorities report to Arts Council England voluntarily, so some
            measures are missing for some authorities: a missing figure is shown as not reported, never as
            zero. Per-1,000 figures use the dataset’s resident population.
          </p>
          {!dataset || !result ? (
            <p aria-live="polite">Loading the activity data…</p>
          ) : (
            <>
              <p>
                Residents (the dataset’s population):{' '}
                {result.population === null ? 'not given' : whole(result.population)}.{' '}
                {cited ? (
                  'Documents cite this dataset (it is in the evidence).'
                ) : (
                  <button type="button" className="link-button" onClick={cite}>
                    Add the dataset to the evidence, so documents cite it
                  </button>
                )}
              </p>
              <ComparatorPicker
                gss={authority.gss}
                kind={comparator!.kind}
                chosen={comparator!.chosen}
                group={result.comparators}
              />

              {reported === 0 ? (
                <p className="panel panel-warning">
                  {authority.name} reported no figures to the {ACTIVITY_YEAR.label} libraries activity data,
                  so there is nothing to compare. You can still import your own figures below.
                </p>
              ) : (
                <div className="table-scroll" role="region" aria-labelledby={ids.summary} tabIndex={0}>
                  <table className="data-table">
                    <caption id={ids.summary}>
                      {authority.name}’s measures, {ACTIVITY_YEAR.label}, against{' '}
                      {result.comparators.label.toLowerCase()} (
                      {result.comparators.members.length === 1
                        ? '1 authority'
                        : `${result.comparators.members.length} authorities`}
                      )
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Measure</th>
                        <th scope="col">Total</th>
                        <th scope="col">Per 1,000 residents</th>
                        <th scope="col">Per 1,000 children (0 to 17)</th>
                        <th scope="col">Per 1,000 adults</th>
                        <th scope="col">Period</th>
                        <th scope="col">Rank</th>
                        <th scope="col">Comparators’ median (quartiles)</th>
                      </tr>
                    </thead>
                    <tbody>
                      {result.measures.map((m) => (
                        <tr key={m.measure.id}>
                          <th scope="row">{m.measure.label}</th>
                          {m.own ? (
                            <>
                              <td>{whole(m.own.value)}</td>
                              <td>{rate(m.own.perThousand)}</td>
                              <td>
                                {m.measure.ageSpecific ? rate(m.own.perThousandChildren) : 'Not split by age'}
                              </td>
                              <td>
                                {m.measure.ageSpecific ? rate(m.own.perThousandAdults) : 'Not split by age'}
                              </td>
                              <td>
                                {monthSpan(m.own.figure.start, m.own.figure.end)},{' '}
                                {GRANULARITY_WORDS[m.own.figure.granularity]}
                                {m.own.figure.months < 12 && ` (${m.own.figure.months} of 12 months)`}
                              </td>
                            </>
                          ) : (
                            <td colSpan={5}>Not reported for {ACTIVITY_YEAR.label}</td>
                          )}
                          <td>{m.rank ? `${ordinal(m.rank.position)} of ${m.rank.of}` : 'Not ranked'}</td>
                          <td>
                            {m.group
                              ? `${rate(m.group.median)} (${rate(m.group.lowerQuartile)} to ${rate(m.group.upperQuartile)})`
                              : 'No comparator figures'}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <p className="hint">
                Rank 1 is the highest per 1,000 residents, among the authority and its comparators with
                figures for all twelve months. The median and quartiles are of the comparators alone, by
                linear interpolation between the closest ranks (as Excel’s QUARTILE.INC). Figures per 1,000
                children (aged 0 to 17) and adults count only what the authority attributed to an age group, so
                they understate where much is recorded without one.
              </p>

              <div className="field">
                <label htmlFor={ids.measure}>Measure to compare in detail</label>
                <select
                  id={ids.measure}
                  value={measureId}
                  onChange={(e) => setMeasureId(e.target.value as ActivityMeasureId)}
                >
                  {ACTIVITY_MEASURES.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.label}
                    </option>
                  ))}
                </select>
              </div>
              {selected && <MeasureDetail comparison={selected} authorityName={authority.name} />}
            </>
          )}
        </section>
      )}

      <OwnFigures figures={figures} context={context} />
    </div>
  );
}
