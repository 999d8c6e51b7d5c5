import { PROTECTIVE_MARKINGS, type ProtectiveMarking } from '../../../../shared/model/vocabulary';
import type { Draft } from '../../../../shared/model/workbook-schema';
import { TextField } from '../../components/TextField';
import { MARKING_LABELS } from './answers';
import { markDraft, renameDraft } from './commands';

/** The draft's name (the file name suggested on export), its protective marking, and discarding it. */
export function AboutDocument(props: { draft: Draft; onDiscard: () => void }) {
  const { draft } = props;
  return (
    <section className="panel" aria-labelledby="about-doc-heading">
      <h2 id="about-doc-heading">About this document</h2>
      <TextField
        key={draft.id}
        label="Name of this draft"
        required
        maxLength={500}
        value={draft.title}
        hint="Also the file name suggested when you export."
        validate={(v) => (v.trim() === '' ? 'Enter a name for this draft' : null)}
        onCommit={(title) => renameDraft(draft, title)}
      />
      <div className="field">
        <label htmlFor="doc-marking">Protective marking</label>
        <div id="doc-marking-hint" className="hint">
          Printed at the top and bottom of every page. Your usual marking is set in Preferences.
        </div>
        <select
          id="doc-marking"
          aria-describedby="doc-marking-hint"
          value={draft.protectiveMarking}
          onChange={(e) => markDraft(draft, e.target.value as ProtectiveMarking)}
        >
          {PROTECTIVE_MARKINGS.map((m) => (
            <option key={m} value={m}>
              {MARKING_LABELS[m]}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={props.onDiscard}>
          Discard this draft
        </button>
      </div>
    </section>
  );
}
