/**
 * Merging ideas on the facilitator's say-so: which idea to keep (its votes and placements gather there) and the
 * wording it keeps, which starts as the kept idea's own and can be rewritten to cover the others.
 */
import { useId, useState } from 'react';
import type { Idea } from '../../../../shared/model/workbook-schema';
import { Modal } from '../../components/Modal';

export function MergeDialog(props: {
  ideas: readonly Idea[];
  onDone: (choice: { keepId: string; wording: string } | null) => void;
}) {
  const [keepId, setKeepId] = useState(props.ideas[0]!.id);
  const kept = props.ideas.find((i) => i.id === keepId) ?? props.ideas[0]!;
  const [wording, setWording] = useState<string | null>(null);
  const ids = { group: useId(), wording: useId(), hint: useId() };
  const text = wording ?? kept.text;
  return (
    <Modal
      title={`Merge ${props.ideas.length} ideas?`}
      onClose={() => props.onDone(null)}
      actions={
        <>
          <button
            type="button"
            className="button button-primary"
            disabled={!text.trim()}
            onClick={() => props.onDone({ keepId, wording: text })}
          >
            Merge
          </button>
          <button type="button" className="button button-secondary" onClick={() => props.onDone(null)}>
            Cancel
          </button>
        </>
      }
    >
      <fieldset className="field checkbox-group">
        <legend id={ids.group}>Keep which idea?</legend>
        {props.ideas.map((i) => (
          <label key={i.id} className="radio">
            <input
              type="radio"
              name={ids.group}
              checked={i.id === keepId}
              onChange={() => {
                setKeepId(i.id);
                setWording(null);
              }}
            />
            <span>{i.text}</span>
          </label>
        ))}
      </fieldset>
      <div className="field field-wide">
        <label htmlFor={ids.wording}>Wording of the merged idea</label>
        <p className="hint" id={ids.hint}>
          Any votes or placements for the others move to this one. You can undo this.
        </p>
        <input
          id={ids.wording}
          type="text"
          maxLength={500}
          value={text}
          aria-describedby={ids.hint}
          onChange={(e) => setWording(e.target.value)}
          autoComplete="off"
        />
      </div>
    </Modal>
  );
}
