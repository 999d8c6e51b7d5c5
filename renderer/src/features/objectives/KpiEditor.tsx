import { useState } from 'react';
import { KPI_DIRECTIONS, type KpiDirection } from '../../../../shared/model/vocabulary';
import type { Objective } from '../../../../shared/model/workbook-schema';
import { INDICATORS, type Indicator } from '../../../../shared/reference/catalogue';
import { SelectField } from '../../components/fields';
import { Modal } from '../../components/Modal';
import { TextField } from '../../components/TextField';
import { MeasuredField } from './MeasuredField';
import { addKpiTo, blankKpi, changeKpi, deleteKpi } from './commands';

const DIRECTION_LABELS: Record<KpiDirection, string> = {
  increase: 'Higher is better',
  decrease: 'Lower is better',
  maintain: 'Keep steady',
};

export function KpiEditor(props: { objective: Objective; themeId: string | null }) {
  const [picking, setPicking] = useState(false);
  const o = props.objective;

  const addIndicator = (i: Indicator) => {
    addKpiTo(
      o,
      blankKpi(i.name.slice(0, 500), { unit: i.unit.slice(0, 500), direction: i.direction, indicatorCode: [i.framework.replace(/\s*\(.*\)$/, ''), i.code].filter(Boolean).join(' ').slice(0, 500), source: i.framework.slice(0, 500) }),
      `Add KPI ${i.name}`,
    );
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
            onCommit={(v) => changeKpi(o, k.id, 'Rename KPI', { name: v }, 'name')}
          />
          <div className="two-columns">
            <TextField label="Unit" value={k.unit} maxLength={500} hint="For example %, people, visits" onCommit={(v) => changeKpi(o, k.id, 'Change KPI unit', { unit: v }, 'unit')} />
            <SelectField
              label="Direction"
              value={k.direction}
              options={KPI_DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))}
              onChange={(v) => changeKpi(o, k.id, 'Change KPI direction', { direction: v })}
            />
          </div>
          <MeasuredField label="Baseline" value={k.baseline} onCommit={(v) => changeKpi(o, k.id, 'Change KPI baseline', { baseline: v }, 'baseline')} />
          <MeasuredField label="Target" value={k.target} onCommit={(v) => changeKpi(o, k.id, 'Change KPI target', { target: v }, 'target')} />
          <div className="two-columns">
            <TextField label="Indicator code" value={k.indicatorCode} maxLength={500} hint="For example PHOF B19" onCommit={(v) => changeKpi(o, k.id, 'Change indicator code', { indicatorCode: v }, 'code')} />
            <TextField label="Source" value={k.source} maxLength={500} onCommit={(v) => changeKpi(o, k.id, 'Change KPI source', { source: v }, 'source')} />
          </div>
          <button type="button" className="button button-secondary" onClick={() => deleteKpi(o, k)}>
            Delete KPI<span className="visually-hidden"> {k.name}</span>
          </button>
        </fieldset>
      ))}
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => addKpiTo(o, blankKpi('New KPI'))}>
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
