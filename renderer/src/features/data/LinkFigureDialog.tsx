/** Uses a year's total of the service's own figures as a service's reach figure or a KPI's baseline, with its period and source. */
import { useId, useState } from 'react';
import type { OwnYearTotal } from '../../../../shared/model/own-figure-links';
import { OWN_MEASURE_LABELS } from '../../../../shared/import/own-figures';
import {
  totalPeriod,
  totalSource,
} from '../../../../shared/model/own-figure-links';
import { Modal } from '../../components/Modal';
import { takeTotalAsBaseline, takeTotalAsReach } from './commands';
import { showStatus } from '../../state/ui-store';
import { useWorkbookStore } from '../../state/workbook-store';

export function LinkFigureDialog(props: { total: OwnYearTotal; onClose: () => void }) {
  const { total } = props;
  const wb = useWorkbookStore((s) => s.workbook)!;
  const ids = { service: useId(), kpi: useId() };
  const [target, setTarget] = useState<'service' | 'kpi'>('service');
  const [serviceId, setServiceId] = useState(wb.services[0]?.id ?? '');
  const kpis = wb.objectives.flatMap((o) => o.kpis.map((k) => ({ objective: o, kpi: k })));
  const [kpiId, setKpiId] = useState(kpis[0]?.kpi.id ?? '');
  const label = OWN_MEASURE_LABELS[total.measure];
  const period = totalPeriod(total);
  const source = totalSource(total);

  const apply = () => {
    if (target === 'service') {
      const service = wb.services.find((s) => s.id === serviceId);
      if (!service) return;
      takeTotalAsReach(total, label, serviceId, service.name);
      showStatus(`${label}, ${total.year}, added to ${service.name}’s reach figures.`);
    } else {
      const found = kpis.find((k) => k.kpi.id === kpiId);
      if (!found) return;
      takeTotalAsBaseline(total, label, kpiId, found.kpi.name);
      showStatus(`${label}, ${total.year}, is now the baseline of “${found.kpi.name}”.`);
    }
    props.onClose();
  };

  const possible = target === 'service' ? wb.services.length > 0 : kpis.length > 0;
  return (
    <Modal
      title={`Use ${label.toLowerCase()}, ${total.year}: ${total.total.toLocaleString('en-GB')}`}
      onClose={props.onClose}
      actions={
        <>
          <button type="button" className="button button-primary" disabled={!possible} onClick={apply}>
            Use this figure
          </button>
          <button type="button" className="button button-secondary" onClick={props.onClose}>
            Cancel
          </button>
        </>
      }
    >
      <fieldset className="field field-wide">
        <legend>Use it as</legend>
        <label className="radio">
          <input
            type="radio"
            name="link-target"
            checked={target === 'service'}
            onChange={() => setTarget('service')}
          />{' '}
          A service’s reach figure
        </label>
        <label className="radio">
          <input
            type="radio"
            name="link-target"
            checked={target === 'kpi'}
            onChange={() => setTarget('kpi')}
          />{' '}
          A KPI’s baseline
        </label>
      </fieldset>
      {target === 'service' ? (
        wb.services.length === 0 ? (
          <p>The workbook has no services yet: add them in the Services step.</p>
        ) : (
          <div className="field">
            <label htmlFor={ids.service}>Service</label>
            <select id={ids.service} value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
              {wb.services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )
      ) : kpis.length === 0 ? (
        <p>No objective has a KPI yet: add KPIs in the Objectives step.</p>
      ) : (
        <div className="field">
          <label htmlFor={ids.kpi}>KPI</label>
          <select id={ids.kpi} value={kpiId} onChange={(e) => setKpiId(e.target.value)}>
            {kpis.map(({ objective, kpi }) => (
              <option key={kpi.id} value={kpi.id}>
                {kpi.name} ({objective.title})
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="hint">
        Period {period.label}; source “{source}”.
      </p>
    </Modal>
  );
}
