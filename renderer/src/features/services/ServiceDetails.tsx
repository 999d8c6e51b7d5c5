import { useEffect, useId, useState } from 'react';
import { parsePeriod } from '../../../../shared/model/periods';
import { AMBITION_OUTCOMES, UNIVERSAL_OFFERS, type AmbitionOutcomeId } from '../../../../shared/model/vocabulary';
import type { Service } from '../../../../shared/model/workbook-schema';
import { librariesFor, type LibraryRecord } from '../../../../shared/reference/libraries';
import { CheckboxGroup, NumberField, SelectField } from '../../components/fields';
import { PeriodField } from '../../components/PeriodField';
import { TextField } from '../../components/TextField';
import { ask, showStatus } from '../../state/ui-store';
import { useWorkbookStore } from '../../state/workbook-store';
import { AttachedEvidence } from '../evidence/AttachedEvidence';
import { focusSoon } from '../../components/focus';
import { addFigure, changeFigure, changeService, deleteFigure, deleteService } from './commands';

function Branches(props: { service: Service; gss: string | null }) {
  const [libraries, setLibraries] = useState<readonly LibraryRecord[] | null>(null);
  const [custom, setCustom] = useState('');
  const customId = useId();
  useEffect(() => {
    let live = true;
    if (props.gss) void librariesFor(props.gss).then((l) => live && setLibraries(l));
    return () => {
      live = false;
    };
  }, [props.gss]);
  const s = props.service;
  const chosen = new Set(s.branches.map((b) => b.libraryRef || `name:${b.name}`));
  const customBranches = s.branches.filter((b) => !b.libraryRef);

  const setFromDataset = (refs: string[]) =>
    changeService(s, 'Change branches', {
      branches: [...(libraries ?? []).filter((l) => refs.includes(l.ref)).map((l) => ({ libraryRef: l.ref, name: l.name })), ...customBranches],
    });

  return (
    <fieldset className="field-group">
      <legend>Branches delivering it</legend>
      {!props.gss ? (
        <p className="muted">Choose the library authority (Authority step) to pick from its libraries.</p>
      ) : libraries === null ? (
        <p className="muted">Loading the authority’s libraries…</p>
      ) : libraries.length === 0 ? (
        <p className="muted">The 2023 dataset lists no open libraries for this authority; add branches by name below.</p>
      ) : (
        <>
          <div className="button-row">
            <button type="button" className="button button-secondary" onClick={() => setFromDataset(libraries.map((l) => l.ref))}>
              All {libraries.length} libraries
            </button>
            <button type="button" className="button button-secondary" onClick={() => setFromDataset([])}>
              None
            </button>
          </div>
          <CheckboxGroup
            legend={`Libraries open in 2023 (${s.branches.filter((b) => b.libraryRef).length} of ${libraries.length} chosen)`}
            columns
            options={libraries.map((l) => ({
              value: l.ref,
              label: (
                <>
                  {l.name} <span className="muted">{[l.postcode, l.operation].filter(Boolean).join(' · ')}</span>
                </>
              ),
            }))}
            selected={libraries.map((l) => l.ref).filter((r) => chosen.has(r))}
            onChange={setFromDataset}
          />
        </>
      )}
      {customBranches.length > 0 && (
        <ul className="plain-list">
          {customBranches.map((b) => (
            <li key={b.name} className="evidence-item">
              <span>{b.name}</span>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => changeService(s, 'Remove branch', { branches: s.branches.filter((y) => y.libraryRef || y.name !== b.name) })}
              >
                Remove<span className="visually-hidden"> {b.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="inline-add">
        <div className="field">
          <label htmlFor={customId}>Another place (mobile library, outreach venue…)</label>
          <input id={customId} type="text" maxLength={500} value={custom} onChange={(e) => setCustom(e.target.value)} />
        </div>
        <button
          type="button"
          className="button button-secondary"
          disabled={custom.trim() === '' || chosen.has(`name:${custom.trim()}`)}
          onClick={() => {
            const name = custom.trim();
            changeService(s, 'Add branch', { branches: [...s.branches, { libraryRef: '', name }] });
            setCustom('');
          }}
        >
          Add place
        </button>
      </div>
    </fieldset>
  );
}

function Measures(props: { service: Service }) {
  const s = props.service;
  return (
    <section aria-labelledby={`measures-${s.id}`}>
      <h3 id={`measures-${s.id}`} tabIndex={-1}>
        Reach and usage figures
      </h3>
      <p className="hint">Each figure keeps its period and source, all the way into the documents.</p>
      {s.measures.map((m, i) => (
        <fieldset key={m.id} id={`measure-${m.id}`} className="kpi-card">
          <legend>
            Figure {i + 1}: {m.label}
          </legend>
          <TextField label="What is counted" required value={m.label} maxLength={500} validate={(v) => (v.trim() ? null : 'Describe what is counted')} onCommit={(v) => changeFigure(s, m.id, 'Change figure', { label: v }, 'label')} hint="For example “Children taking part”, “Sessions held”" />
          <div className="two-columns">
            <NumberField label="Value" value={m.value} onCommit={(v) => changeFigure(s, m.id, 'Change figure value', { value: v ?? 0 }, 'value')} />
            <TextField label="Unit" value={m.unit} maxLength={500} onCommit={(v) => changeFigure(s, m.id, 'Change figure unit', { unit: v }, 'unit')} />
          </div>
          <div className="two-columns">
            <PeriodField label="Period" value={m.period} onCommit={(p) => changeFigure(s, m.id, 'Change figure period', { period: p }, 'period')} />
            <TextField label="Source" value={m.source} maxLength={500} hint="For example “Library management system”, “ACE activity data 2023/24”" onCommit={(v) => changeFigure(s, m.id, 'Change figure source', { source: v }, 'source')} />
          </div>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              const next = s.measures[i + 1] ?? s.measures[i - 1];
              deleteFigure(s, m.id);
              showStatus(`Deleted the figure “${m.label}”.`, { undoable: true });
              focusSoon(
                () => (next ? document.getElementById(`measure-${next.id}`)?.querySelector('input') : null),
                () => document.getElementById(`measures-${s.id}`),
              );
            }}
          >
            Delete figure<span className="visually-hidden"> {m.label}</span>
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          const id = addFigure(s);
          showStatus(`Added figure ${s.measures.length + 1}. Say what is counted.`);
          // Straight into the new figure's first box, its placeholder text selected to type over.
          focusSoon(() => {
            const input = document.getElementById(`measure-${id}`)?.querySelector('input');
            input?.select();
            return input;
          });
        }}
      >
        Add a figure
      </button>
    </section>
  );
}

export function ServiceDetails(props: { service: Service; onDeleted: () => void }) {
  const s = props.service;
  const gss = useWorkbookStore((st) => st.workbook?.authority?.gss ?? null);
  const links = useWorkbookStore((st) => st.workbook?.alignments.filter((a) => a.serviceId === s.id && a.strength > 0).length ?? 0);

  const remove = async () => {
    const choice = await ask({
      title: `Delete “${s.name}”?`,
      body: [links > 0 ? `Its ${links} link${links === 1 ? '' : 's'} to council objectives will be removed too.` : 'It has no links to objectives.', 'You can undo this with Ctrl+Z.'],
      buttons: [
        { id: 'delete', label: 'Delete', kind: 'danger' },
        { id: 'cancel', label: 'Cancel', kind: 'secondary' },
      ],
      cancelId: 'cancel',
    });
    if (choice !== 'delete') return;
    deleteService(s);
    props.onDeleted();
    showStatus(`Deleted “${s.name}”. Undo with Ctrl+Z.`);
  };

  return (
    <div id="service-details" className="details-panel">
      <h2>{s.name}</h2>
      <TextField label="Name" required value={s.name} maxLength={500} validate={(v) => (v.trim() ? null : 'Enter a name')} onCommit={(v) => changeService(s, 'Rename service', { name: v }, 'name')} />
      <TextField label="Description" multiline value={s.description} maxLength={20_000} onCommit={(v) => changeService(s, 'Change description', { description: v }, 'description')} />
      <SelectField label="Universal Library Offer" value={s.offer} options={UNIVERSAL_OFFERS.map((o) => ({ value: o, label: o }))} onChange={(v) => changeService(s, 'Change offer', { offer: v })} />
      <CheckboxGroup<AmbitionOutcomeId>
        legend="Ambition outcomes it serves"
        hint="The seven outcomes of Libraries Deliver: Ambition. The first one ticked is treated as the main one."
        options={AMBITION_OUTCOMES.map((o) => ({ value: o.id, label: `${o.id}. ${o.name}` }))}
        selected={s.outcomes}
        onChange={(v) => changeService(s, 'Change outcomes', { outcomes: [...s.outcomes.filter((o) => v.includes(o)), ...v.filter((o) => !s.outcomes.includes(o))] })}
      />
      <TextField
        label="Target groups"
        multiline
        hint="One group per line."
        value={s.targetGroups.join('\n')}
        maxLength={20_000}
        onCommit={(v) => changeService(s, 'Change target groups', { targetGroups: v.split('\n').map((t) => t.trim().slice(0, 500)).filter(Boolean).slice(0, 100) }, 'groups')}
      />
      <Branches service={s} gss={gss} />
      <Measures service={s} />
      <fieldset className="field-group">
        <legend>Resources</legend>
        <div className="two-columns">
          <NumberField label="Annual cost" unit="£" allowEmpty min={0} value={s.cost?.amount ?? null} onCommit={(v) => changeService(s, 'Change cost', { cost: v === null ? null : { amount: v, period: s.cost?.period ?? parsePeriod(''), source: s.cost?.source ?? '' } }, 'cost')} />
          {s.cost && <PeriodField label="Cost period" value={s.cost.period} onCommit={(p) => s.cost && changeService(s, 'Change cost period', { cost: { ...s.cost, period: p } }, 'cost-period')} />}
        </div>
        {s.cost && <TextField label="Cost source" value={s.cost.source} maxLength={500} onCommit={(v) => s.cost && changeService(s, 'Change cost source', { cost: { ...s.cost, source: v } }, 'cost-source')} />}
        <div className="two-columns">
          <NumberField label="Staff" unit="full-time equivalent" allowEmpty min={0} value={s.staffFte} onCommit={(v) => changeService(s, 'Change staff', { staffFte: v }, 'fte')} />
          <NumberField label="Volunteers" allowEmpty min={0} value={s.volunteers} onCommit={(v) => changeService(s, 'Change volunteers', { volunteers: v }, 'volunteers')} />
        </div>
      </fieldset>
      <AttachedEvidence heading="Evidence about this service" ids={s.evidenceIds} what={`“${s.name}”`} holder={{ kind: 'service', serviceId: s.id }} {...(s.catalogueRef ? { serviceRef: s.catalogueRef } : {})} />
      <div className="button-row">
        <button type="button" className="button button-danger" onClick={() => void remove()}>
          Delete service
        </button>
      </div>
    </div>
  );
}
