import { useId } from 'react';
import type { Suggestion } from '../../../../shared/analysis/suggestions';
import { objectiveWithDescendants } from '../../../../shared/model/operations';
import { CONFIDENCE_LEVELS, STRENGTHS, type Confidence, type Strength } from '../../../../shared/model/vocabulary';
import type { Alignment, Service, Workbook } from '../../../../shared/model/workbook-schema';
import { longDate } from '../../../../shared/text/dates';
import { CheckboxGroup, SelectField } from '../../components/fields';
import { TextField } from '../../components/TextField';
import { showStatus } from '../../state/ui-store';
import { useWorkbookStore } from '../../state/workbook-store';
import { AttachedEvidence } from '../evidence/AttachedEvidence';
import { recordedWork, type MapColumn } from './map-model';
import { applyStrengths, changeLink, dismiss } from './commands';


const CONFIDENCE_LABELS: Record<Confidence, string> = { low: 'Low', medium: 'Medium', high: 'High' };

function provenanceText(a: Alignment, wb: Workbook): string {
  const when = longDate(a.provenance.date);
  switch (a.provenance.kind) {
    case 'workshop': {
      const w = wb.workshops.find((x) => x.id === a.provenance.workshopId);
      return `Agreed at ${w ? `“${w.title}”` : 'a workshop'} on ${when}`;
    }
    case 'suggestion':
      return `Accepted from a suggestion on ${when}`;
    case 'import':
      return `Imported on ${when}`;
    default:
      return `Set${a.provenance.by ? ` by ${a.provenance.by}` : ''} on ${when}`;
  }
}

/** Rationale, confidence, evidence and KPIs for one cell of the map. */
export function LinkDetails(props: { service: Service; column: MapColumn; suggestion: Suggestion | null; onClose: () => void }) {
  const { service, column } = props;
  const objective = column.objective;
  const wb = useWorkbookStore((s) => s.workbook)!;
  const headingId = useId();
  const link = wb.alignments.find((a) => a.serviceId === service.id && a.objectiveId === objective.id) ?? null;

  // KPIs of the objective, what it sits under, and what sits under it.
  const related = new Set<string>([objective.id, ...objectiveWithDescendants(wb, objective.id)]);
  for (let p = objective.parentId; p; p = wb.objectives.find((o) => o.id === p)?.parentId ?? null) related.add(p);
  const kpis = wb.objectives.filter((o) => related.has(o.id)).flatMap((o) => o.kpis.map((k) => ({ k, o })));

  return (
    <aside id="link-details" className="details-panel link-details" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {service.name} → {column.code} {objective.title}
      </h2>
      <fieldset className="field strength-choice">
        <legend>Strength of contribution</legend>
        {(['clear', 0, 1, 2, 3] as const).map((v) => (
          <label key={v} className="radio">
            <input
              type="radio"
              name="strength"
              value={String(v)}
              checked={v === 'clear' ? link === null : link?.strength === v}
              onChange={() => {
                const cell = { serviceId: service.id, objectiveId: objective.id };
                const lost = v === 'clear' ? recordedWork(wb, [cell]) : null;
                applyStrengths([{ ...cell, strength: v }], `Set strength: ${service.name} → ${objective.title}`);
                // Clearing a link throws away its evidence and rationale: say so, and offer Undo in the notice.
                if (lost) showStatus(`Removed the link ${service.name} → ${column.code} ${objective.title}, with ${lost}.`, { undoable: true });
              }}
            />
            <span>{v === 'clear' ? 'Not assessed' : `${STRENGTHS[v as Strength].symbol || '–'} ${v} ${STRENGTHS[v as Strength].label}`}</span>
          </label>
        ))}
      </fieldset>
      {!link && props.suggestion && (
        <div className="panel panel-suggestion">
          <p>
            <strong>Suggested: {STRENGTHS[props.suggestion.strength].label.toLowerCase()}.</strong> {props.suggestion.reason}
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                applyStrengths([{ serviceId: service.id, objectiveId: objective.id, strength: props.suggestion!.strength }], `Accept suggestion: ${service.name} → ${objective.title}`);
                showStatus('Suggestion accepted.');
              }}
            >
              Accept suggestion
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                dismiss(service.id, objective.id, `Dismiss suggestion: ${service.name} → ${objective.title}`);
                showStatus('Suggestion dismissed; it will not be suggested again.');
              }}
            >
              Dismiss
            </button>
          </div>
        </div>
      )}
      {link ? (
        <>
          <SelectField
            label="Confidence in this judgement"
            value={link.confidence}
            options={CONFIDENCE_LEVELS.map((c) => ({ value: c, label: CONFIDENCE_LABELS[c] }))}
            onChange={(v) => changeLink(service.id, objective.id, 'Change confidence', { confidence: v })}
          />
          <TextField
            label="Rationale"
            multiline
            maxLength={20_000}
            hint="Why this service contributes to this objective, in a sentence or two a councillor would accept."
            value={link.rationale}
            onCommit={(v) => changeLink(service.id, objective.id, 'Change rationale', { rationale: v }, 'rationale')}
          />
          <AttachedEvidence heading="Evidence for this link" ids={link.evidenceIds} what="this link" holder={{ kind: 'link', serviceId: service.id, objectiveId: objective.id }} {...(service.catalogueRef ? { serviceRef: service.catalogueRef } : {})} />
          {kpis.length > 0 ? (
            <CheckboxGroup
              legend="KPIs this link moves"
              options={kpis.map(({ k, o }) => ({ value: k.id, label: `${k.name}${o.id !== objective.id ? ` (${o.title})` : ''}` }))}
              selected={link.kpiIds}
              onChange={(ids) => changeLink(service.id, objective.id, 'Change linked KPIs', { kpiIds: ids })}
            />
          ) : (
            <p className="muted">The objective has no KPIs yet (add them in the Objectives step).</p>
          )}
          <p className="muted">{provenanceText(link, wb)}.</p>
        </>
      ) : (
        <p className="muted">Set a strength to record a rationale, evidence and KPIs for this link.</p>
      )}
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={props.onClose}>
          Close details
        </button>
      </div>
    </aside>
  );
}
