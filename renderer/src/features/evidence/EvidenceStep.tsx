import { useState } from 'react';
import { newId } from '../../../../shared/model/ids';
import { EVIDENCE_KINDS, EVIDENCE_QUALITIES } from '../../../../shared/model/vocabulary';
import { type Evidence, type Workbook, WebUrl } from '../../../../shared/model/workbook-schema';
import { SelectField } from '../../components/fields';
import { TextField } from '../../components/TextField';
import { focusSoon } from '../../components/focus';
import { ask, showStatus, useUiStore } from '../../state/ui-store';
import { NONE, useWorkbookStore } from '../../state/workbook-store';
import { call } from '../../platform/api';
import { addLibraryEvidence, addOwnEvidence, changeEvidence, deleteEvidence } from './commands';
import { EvidencePicker } from './EvidencePicker';
import { KIND_LABELS, QUALITY_LABELS } from './evidence-labels';

/** Where a piece of evidence is cited, in words. */
function usesOf(wb: Workbook, id: string): string[] {
  const service = new Map(wb.services.map((s) => [s.id, s.name]));
  const objective = new Map(wb.objectives.map((o) => [o.id, o.title]));
  return [
    ...wb.alignments.filter((a) => a.evidenceIds.includes(id)).map((a) => `Link: ${service.get(a.serviceId)} → ${objective.get(a.objectiveId)}`),
    ...wb.services.filter((s) => s.evidenceIds.includes(id)).map((s) => `Service: ${s.name}`),
    ...wb.objectives.filter((o) => o.evidenceIds.includes(id)).map((o) => `Objective: ${o.title}`),
  ];
}

function blankEvidence(): Evidence {
  return {
    id: newId('evidence'),
    title: 'New evidence',
    publisher: '',
    year: '',
    url: '',
    keyFinding: '',
    figure: '',
    kind: 'local-survey',
    quality: 'moderate',
    origin: 'officer',
    libraryRef: '',
  };
}

function EvidenceDetails(props: { evidence: Evidence; onDeleted: () => void }) {
  const e = props.evidence;
  const wb = useWorkbookStore((s) => s.workbook)!;
  const uses = usesOf(wb, e.id);
  const remove = async () => {
    const choice = await ask({
      title: `Delete “${e.title}”?`,
      body: [uses.length > 0 ? `It is cited in ${uses.length} place${uses.length === 1 ? '' : 's'}; those citations will be removed.` : 'It is not cited anywhere.', 'You can undo this with Ctrl+Z.'],
      buttons: [
        { id: 'delete', label: 'Delete', kind: 'danger' },
        { id: 'cancel', label: 'Cancel', kind: 'secondary' },
      ],
      cancelId: 'cancel',
    });
    if (choice !== 'delete') return;
    deleteEvidence(e);
    props.onDeleted();
    showStatus(`Deleted “${e.title}”.`, { undoable: true });
  };
  return (
    <div id="evidence-details" className="details-panel">
      <h2>{e.title}</h2>
      {e.origin === 'library' && <p className="muted">From the app’s evidence library. You can edit this copy; the figure’s source and year should stay as published.</p>}
      <TextField label="Title" required value={e.title} maxLength={500} validate={(v) => (v.trim() ? null : 'Enter a title')} onCommit={(v) => changeEvidence(e, 'Change evidence title', { title: v }, 'title')} />
      <TextField label="Key finding" multiline value={e.keyFinding} maxLength={20_000} hint="What it shows, in a sentence or two." onCommit={(v) => changeEvidence(e, 'Change key finding', { keyFinding: v }, 'finding')} />
      <div className="two-columns">
        <TextField label="Headline figure" value={e.figure} maxLength={500} hint="As quoted, for example “£27.5m a year”" onCommit={(v) => changeEvidence(e, 'Change figure', { figure: v }, 'figure')} />
        <TextField label="Year or period" value={e.year} maxLength={500} hint="As the source gives it: 2023, 2022/23, March 2015" onCommit={(v) => changeEvidence(e, 'Change year', { year: v }, 'year')} />
      </div>
      <div className="two-columns">
        <TextField label="Publisher or source" value={e.publisher} maxLength={500} onCommit={(v) => changeEvidence(e, 'Change publisher', { publisher: v }, 'publisher')} />
        <TextField
          label="Web address"
          value={e.url}
          maxLength={2000}
          validate={(v) => (WebUrl.safeParse(v).success ? null : 'Enter a web address starting with https://')}
          onCommit={(v) => changeEvidence(e, 'Change web address', { url: v }, 'url')}
        />
      </div>
      {e.url && /^https:\/\//i.test(e.url) && (
        <p>
          <button type="button" className="link-button" onClick={() => void call('openExternal', { url: e.url })}>
            Open the source<span className="visually-hidden"> of “{e.title}”</span> in your browser
          </button>
        </p>
      )}
      <div className="two-columns">
        <SelectField label="Kind" value={e.kind} options={EVIDENCE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} onChange={(v) => changeEvidence(e, 'Change kind', { kind: v })} />
        <SelectField
          label="Quality"
          value={e.quality}
          hint="Strong: robust research or official statistics. Moderate: credible but limited. Limited: single case or secondary report. Anecdotal: stories and quotes."
          options={EVIDENCE_QUALITIES.map((q) => ({ value: q, label: QUALITY_LABELS[q] }))}
          onChange={(v) => changeEvidence(e, 'Change quality', { quality: v })}
        />
      </div>
      <h3>Cited by</h3>
      {uses.length === 0 ? (
        <p className="muted">Not cited yet. Attach it to a link in the Map step, or to a service or objective.</p>
      ) : (
        <ul>
          {uses.map((u, i) => (
            <li key={i}>{u}</li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" className="button button-danger" onClick={() => void remove()}>
          Delete evidence
        </button>
      </div>
    </div>
  );
}

export function EvidenceStep() {
  const evidence = useWorkbookStore((s) => s.workbook?.evidence ?? NONE);
  const focusRequest = useUiStore((s) => s.focusRequest);
  const [selectedId, setSelectedId] = useState<string | null>(focusRequest?.kind === 'evidence' ? focusRequest.id : (evidence[0]?.id ?? null));
  const [picking, setPicking] = useState(false);
  const selected = evidence.find((e) => e.id === selectedId) ?? null;

  return (
    <div className="step">
      <h1>Evidence</h1>
      <p className="lead">
        The evidence behind the case: national research and statistics from the evidence library, and your own local surveys, case
        studies and reports. Every figure keeps its source and year, all the way into the documents.
      </p>
      <div className="toolbar" role="toolbar" aria-label="Add evidence">
        <button type="button" className="button button-primary" onClick={() => setPicking(true)}>
          Add from the evidence library…
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            const e = blankEvidence();
            addOwnEvidence(e);
            setSelectedId(e.id);
            requestAnimationFrame(() => document.getElementById('evidence-details')?.querySelector<HTMLInputElement>('input')?.select());
          }}
        >
          Add your own evidence
        </button>
      </div>
      <div className="split">
        <nav className="split-list" aria-label="Evidence in this workbook">
          {evidence.length === 0 ? (
            <p className="muted">No evidence yet.</p>
          ) : (
            <ul className="plain-list item-list">
              {evidence.map((e) => (
                <li key={e.id}>
                  <button type="button" data-id={e.id} className={`item-button${e.id === selectedId ? ' selected' : ''}`} aria-current={e.id === selectedId ? 'true' : undefined} onClick={() => setSelectedId(e.id)}>
                    {e.title}
                    <span className="muted item-sub">
                      {[e.publisher, e.year].filter(Boolean).join(', ')} · {QUALITY_LABELS[e.quality]}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </nav>
        <div className="split-details">
          {selected ? (
            <EvidenceDetails
              key={selected.id}
              evidence={selected}
              onDeleted={() => {
                const i = evidence.findIndex((e) => e.id === selected.id);
                const next = evidence[i + 1] ?? evidence[i - 1] ?? null;
                setSelectedId(next?.id ?? null);
                // Focus moves to the next item in the list (or Add, when the list is now empty).
                focusSoon(
                  () => (next ? document.querySelector(`nav[aria-label="Evidence in this workbook"] [data-id="${CSS.escape(next.id)}"]`) : null),
                  () => document.querySelector('[aria-label="Add evidence"] button'),
                );
              }}
            />
          ) : (
            <p className="muted">Select evidence to edit it.</p>
          )}
        </div>
      </div>
      {picking && (
        <EvidencePicker
          title="Add from the evidence library"
          attachedIds={evidence.map((e) => e.id)}
          onClose={() => setPicking(false)}
          onChoose={(choice) => {
            if ('workbookId' in choice) return setSelectedId(choice.workbookId);
            setSelectedId(addLibraryEvidence(choice.library));
            showStatus(`Added “${choice.library.title}”.`);
          }}
        />
      )}
    </div>
  );
}
