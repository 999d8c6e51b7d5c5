import { useState } from 'react';
import { newId } from '../../../../shared/model/ids';
import { removeKpi } from '../../../../shared/model/operations';
import { parsePeriod } from '../../../../shared/model/periods';
import { KPI_DIRECTIONS, type KpiDirection } from '../../../../shared/model/vocabulary';
import type { Kpi, Objective } from '../../../../shared/model/workbook-schema';
import { INDICATORS, type Indicator } from '../../../../shared/reference/catalogue';
import { NumberField, SelectField } from '../../components/fields';
import { Modal } from '../../components/Modal';
import { PeriodField } from '../../components/PeriodField';
import { TextField } from '../../components/TextField';
import { useWorkbookStore } from '../../state/workbook-store';

const DIRECTION_LABELS: Record<KpiDirection, string> = {
  increase: 'Higher is better',
  decrease: 'Lower is better',
  maintain: 'Keep steady',
};
const noPeriod = parsePeriod('');

function blankKpi(name: string, extra: Partial<Kpi> = {}): Kpi {
  return { id: newId('kpi'), name, unit: '', direction: 'increase', baseline: null, target: null, indicatorCode: '', source: '', ...extra };
}

export function KpiEditor(props: { objective: Objective; themeId: string | null }) {
  const edit = useWorkbookStore((s) => s.edit);
  const [picking, setPicking] = useState(false);
  const o = props.objective;
  const update = (kpiId: string, label: string, recipe: (k: Kpi) => void, coalesceKey?: string) =>
    edit(
      label,
      (wb) => {
        const k = wb.objectives.find((x) => x.id === o.id)?.kpis.find((x) => x.id === kpiId);
        if (k) recipe(k);
      },
      coalesceKey ? { coalesceKey: `${kpiId}:${coalesceKey}` } : undefined,
    );

  const addIndicator = (i: Indicator) => {
    edit(`Add KPI ${i.name}`, (wb) => {
      wb.objectives
        .find((x) => x.id === o.id)
        ?.kpis.push(blankKpi(i.name.slice(0, 500), { unit: i.unit.slice(0, 500), direction: i.direction, indicatorCode: [i.framework.replace(/\s*\(.*\)$/, ''), i.code].filter(Boolean).join(' ').slice(0, 500), source: i.framework.slice(0, 500) }));
    });
    setPicking(false);
  };
  const suggested = INDICATORS.filter((i) => props.themeId === null || i.themeIds.includes(props.themeId));

  return (
    <section aria-labelledby={`kpis-${o.id}`}>
      <h3 id={`kpis-${o.id}`}>Key performance indicators</h3>
      {o.kpis.length === 0 && <p className="muted">No KPIs yet. Add the measures the council uses to track this {o.level}.</p>}
      {o.kpis.map((k, index) => (
        <fieldset key={k.id} className="kpi-card">
          <legend>
            KPI {index + 1}: {k.name}
          </legend>
          <TextField
            label="Name"
            required
            value={k.name}
            maxLength={500}
            validate={(v) => (v.trim() ? null : 'Enter a name for the KPI')}
            onCommit={(v) => update(k.id, 'Rename KPI', (x) => void (x.name = v), 'name')}
          />
          <div className="two-columns">
            <TextField label="Unit" value={k.unit} maxLength={500} hint="For example %, people, visits" onCommit={(v) => update(k.id, 'Change KPI unit', (x) => void (x.unit = v), 'unit')} />
            <SelectField
              label="Direction"
              value={k.direction}
              options={KPI_DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))}
              onChange={(v) => update(k.id, 'Change KPI direction', (x) => void (x.direction = v))}
            />
          </div>
          <div className="two-columns">
            <NumberField
              label="Baseline"
              allowEmpty
              value={k.baseline?.value ?? null}
              onCommit={(v) => update(k.id, 'Change KPI baseline', (x) => void (x.baseline = v === null ? null : { value: v, period: x.baseline?.period ?? noPeriod }), 'baseline')}
            />
            {k.baseline && (
              <PeriodField label="Baseline period" value={k.baseline.period} onCommit={(p) => update(k.id, 'Change baseline period', (x) => void (x.baseline && (x.baseline.period = p)), 'baseline-period')} />
            )}
          </div>
          <div className="two-columns">
            <NumberField
              label="Target"
              allowEmpty
              value={k.target?.value ?? null}
              onCommit={(v) => update(k.id, 'Change KPI target', (x) => void (x.target = v === null ? null : { value: v, period: x.target?.period ?? noPeriod }), 'target')}
            />
            {k.target && (
              <PeriodField label="Target period" value={k.target.period} onCommit={(p) => update(k.id, 'Change target period', (x) => void (x.target && (x.target.period = p)), 'target-period')} />
            )}
          </div>
          <div className="two-columns">
            <TextField label="Indicator code" value={k.indicatorCode} maxLength={500} hint="For example PHOF B19" onCommit={(v) => update(k.id, 'Change indicator code', (x) => void (x.indicatorCode = v), 'code')} />
            <TextField label="Source" value={k.source} maxLength={500} onCommit={(v) => update(k.id, 'Change KPI source', (x) => void (x.source = v), 'source')} />
          </div>
          <button type="button" className="button button-secondary" onClick={() => edit(`Delete KPI ${k.name}`, (wb) => removeKpi(wb, o.id, k.id))}>
            Delete KPI<span className="visually-hidden"> {k.name}</span>
          </button>
        </fieldset>
      ))}
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => edit('Add KPI', (wb) => void wb.objectives.find((x) => x.id === o.id)?.kpis.push(blankKpi('New KPI')))}>
          Add KPI
        </button>
        <button type="button" className="button button-secondary" onClick={() => setPicking(true)}>
          Add a national indicator…
        </button>
      </div>
      {picking && (
        <Modal title="Add a national indicator" wide onClose={() => setPicking(false)}>
          <p>
            Recognised indicators (PHOF, ASCOF, ONS, DfE, DWP, DCMS, Arts Council){props.themeId ? ' for this theme' : ''}. Library contribution is our
            judgement: “direct” measures library activity; “contributory” outcomes are influenced by many services.
          </p>
          <ul className="plain-list evidence-list">
            {suggested.map((i) => (
              <li key={i.id} className="evidence-item">
                <div>
                  <strong>{i.name}</strong>
                  <div className="muted">
                    {i.framework}
                    {i.code ? ` ${i.code}` : ''} · {i.unit} · {DIRECTION_LABELS[i.direction].toLowerCase()} · library contribution: {i.contribution}
                  </div>
                </div>
                <button type="button" className="button button-secondary" onClick={() => addIndicator(i)}>
                  Add<span className="visually-hidden"> {i.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </Modal>
      )}
    </section>
  );
}
