import { useState } from 'react';
import { inTreeOrder, objectiveCodes } from '../../../../shared/analysis/hierarchy';
import { partnerOverlap } from '../../../../shared/analysis/partner-overlap';
import { PARTNER_TYPE_LABELS, PARTNER_TYPES, STRENGTHS } from '../../../../shared/model/vocabulary';
import type { Partner } from '../../../../shared/model/workbook-schema';
import { CheckboxGroup, SelectField } from '../../components/fields';
import { SkipLink } from '../../components/SkipLink';
import { TextField } from '../../components/TextField';
import { focusSoon } from '../../components/focus';
import { ask, showStatus, useUiStore } from '../../state/ui-store';
import { NONE, useWorkbookStore } from '../../state/workbook-store';
import { addNewPartner, addObjectiveTo, changePartner, changePartnerObjective, deletePartner, deletePartnerObjective } from './commands';

function PartnerDetails(props: { partner: Partner; onDeleted: () => void }) {
  const p = props.partner;
  const wb = useWorkbookStore((s) => s.workbook)!;
  const codes = objectiveCodes(wb.objectives);
  const councilOptions = inTreeOrder(wb.objectives).map(({ objective }) => ({ value: objective.id, label: `${codes.get(objective.id)} ${objective.title}` }));

  const remove = async () => {
    const choice = await ask({
      title: `Delete “${p.name}”?`,
      body: ['Its objectives and their mapping to the council’s objectives are deleted too. You can undo this with Ctrl+Z.'],
      buttons: [
        { id: 'delete', label: 'Delete', kind: 'danger' },
        { id: 'cancel', label: 'Cancel', kind: 'secondary' },
      ],
      cancelId: 'cancel',
    });
    if (choice !== 'delete') return;
    deletePartner(p);
    props.onDeleted();
    showStatus(`Deleted “${p.name}”.`, { undoable: true });
    focusSoon(
      () => document.querySelector('nav[aria-label="Partners"] .item-button'),
      () => document.querySelector('[aria-label="Add partners"] button'),
    );
  };

  return (
    <div id="partner-details" className="details-panel">
      <h2>{p.name}</h2>
      <SkipLink to="add-partner-objective">Skip to Add one of their objectives</SkipLink>
      <TextField label="Name" required value={p.name} maxLength={500} validate={(v) => (v.trim() ? null : 'Enter a name')} onCommit={(v) => changePartner(p, 'Rename partner', { name: v }, 'name')} />
      <SelectField label="Type of organisation" value={p.type} options={PARTNER_TYPES.map((t) => ({ value: t, label: PARTNER_TYPE_LABELS[t] }))} onChange={(v) => changePartner(p, 'Change partner type', { type: v })} />
      <TextField label="About them" multiline value={p.description} maxLength={20_000} onCommit={(v) => changePartner(p, 'Change partner description', { description: v }, 'description')} />
      <TextField label="Contact" value={p.contact} maxLength={500} hint="Name and role of your contact there." onCommit={(v) => changePartner(p, 'Change contact', { contact: v }, 'contact')} />
      <h3 id="partner-objectives-heading" tabIndex={-1}>
        Their objectives
      </h3>
      <p className="hint">Record what the partner is trying to achieve, and which of the council’s objectives each one shares. The partnership proposal is built from this overlap.</p>
      {p.objectives.map((po, i) => (
        <fieldset key={po.id} id={`partner-objective-${po.id}`} className="kpi-card">
          <legend>
            Objective {i + 1}: {po.title}
          </legend>
          <TextField label="Objective" required value={po.title} maxLength={500} validate={(v) => (v.trim() ? null : 'Enter the objective')} onCommit={(v) => changePartnerObjective(p, po, 'Change partner objective', { title: v }, 'title')} />
          <TextField label="Details" multiline value={po.description} maxLength={20_000} onCommit={(v) => changePartnerObjective(p, po, 'Change partner objective details', { description: v }, 'description')} />
          {councilOptions.length === 0 ? (
            <p className="muted">Add the council’s objectives first to map this onto them.</p>
          ) : (
            <CheckboxGroup legend="Council objectives it shares" options={councilOptions} selected={po.objectiveIds} onChange={(ids) => changePartnerObjective(p, po, 'Map partner objective', { objectiveIds: ids })} />
          )}
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              const next = p.objectives[i + 1] ?? p.objectives[i - 1];
              deletePartnerObjective(p, po);
              showStatus(`Deleted their objective “${po.title}”.`, { undoable: true });
              // On to the next objective's first box, or the list's heading when it was the last.
              focusSoon(
                () => (next ? document.getElementById(`partner-objective-${next.id}`)?.querySelector('input') : null),
                () => document.getElementById('partner-objectives-heading'),
              );
            }}
          >
            Delete objective<span className="visually-hidden"> {po.title}</span>
          </button>
        </fieldset>
      ))}
      <div className="button-row">
        <button
          id="add-partner-objective"
          type="button"
          className="button button-secondary"
          onClick={() => {
            const id = addObjectiveTo(p);
            showStatus(`Added objective ${p.objectives.length + 1} for ${p.name}. Type its title.`);
            focusSoon(() => {
              const input = document.getElementById(`partner-objective-${id}`)?.querySelector('input');
              input?.select();
              return input;
            });
          }}
        >
          Add one of their objectives
        </button>
        <button type="button" className="button button-danger" onClick={() => void remove()}>
          Delete partner
        </button>
      </div>
      <PartnerOverlap partner={p} codes={codes} />
    </div>
  );
}

/** Where the partner's objectives meet the council's, and which library services already contribute there. */
function PartnerOverlap(props: { partner: Partner; codes: ReadonlyMap<string, string> }) {
  const wb = useWorkbookStore((s) => s.workbook)!;
  const rows = partnerOverlap(wb, props.partner);
  const headingId = `overlap-${props.partner.id}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Where {props.partner.name} and the council meet</h3>
      {rows.length === 0 ? (
        <p className="muted">Add their objectives above to see where they meet the council’s.</p>
      ) : (
        <>
          <p className="hint">
            A service counts with its strongest link to a shared objective or an outcome beneath it, as the documents count it. The partnership
            proposal is built from this.
          </p>
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{props.partner.name} objective</th>
                  <th scope="col">Council objectives it shares</th>
                  <th scope="col">Library services contributing (strength)</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.partnerObjectiveId}>
                    <th scope="row">{r.partnerObjective}</th>
                    <td>{r.councilObjectives.length === 0 ? 'Not mapped yet' : r.councilObjectives.map((o) => `${props.codes.get(o.id) ?? ''} ${o.title}`.trim()).join('; ')}</td>
                    <td>
                      {r.councilObjectives.length === 0
                        ? '–'
                        : r.services.length === 0
                          ? 'No library service is linked to these yet: a gap to discuss with them'
                          : r.services.map((x) => `${x.name} (${STRENGTHS[x.strength].label.toLowerCase()})`).join('; ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

export function PartnersStep() {
  const partners = useWorkbookStore((s) => s.workbook?.partners ?? NONE);
  const focusRequest = useUiStore((s) => s.focusRequest);
  const [selectedId, setSelectedId] = useState<string | null>(focusRequest?.kind === 'partner' ? focusRequest.id : (partners[0]?.id ?? null));
  const selected = partners.find((p) => p.id === selectedId) ?? null;
  return (
    <div className="step">
      <h1>Partners</h1>
      <p className="lead">
        Partner organisations (the NHS, DWP, schools, the voluntary sector, Arts Council England) and their own objectives, mapped to the
        council’s. Each partner’s page shows where its objectives meet the council’s and which library services already contribute there: where a joint offer is strongest. The partnership proposal is built from it.
      </p>
      <div className="toolbar" role="toolbar" aria-label="Add partners">
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            const p = addNewPartner();
            setSelectedId(p.id);
            requestAnimationFrame(() => document.getElementById('partner-details')?.querySelector<HTMLInputElement>('input')?.select());
          }}
        >
          Add a partner
        </button>
      </div>
      <div className="split">
        <nav className="split-list" aria-label="Partners">
          {partners.length === 0 ? (
            <p className="muted">No partners yet.</p>
          ) : (
            <ul className="plain-list item-list">
              {partners.map((p) => (
                <li key={p.id}>
                  <button type="button" className={`item-button${p.id === selectedId ? ' selected' : ''}`} aria-current={p.id === selectedId ? 'true' : undefined} onClick={() => setSelectedId(p.id)}>
                    {p.name}
                    <span className="muted item-sub">{PARTNER_TYPE_LABELS[p.type]}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </nav>
        <div className="split-details">
          {selected ? <PartnerDetails key={selected.id} partner={selected} onDeleted={() => setSelectedId(null)} /> : <p className="muted">Select a partner to edit it.</p>}
        </div>
      </div>
    </div>
  );
}
