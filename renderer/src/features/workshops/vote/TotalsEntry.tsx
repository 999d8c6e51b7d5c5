/**
 * Totals counted from a dot wall (or tallied sheets), typed in per option with how many people voted; checked
 * before they are saved, and hidden from the room until revealed.
 */
import { useState } from 'react';
import type { Activity, Workshop } from '../../../../../shared/model/workbook-schema';
import { checkTotals } from '../../../../../shared/workshop/dot-vote';
import { headCount } from '../../../../../shared/workshop/kinds';
import { showStatus } from '../../../state/ui-store';
import { enterTotals } from '../commands';
import { useOptionLabel } from '../use-workshop';

export function TotalsEntry({
  workshop: w,
  activity: a,
}: {
  workshop: Workshop;
  activity: Extract<Activity, { kind: 'dot-vote' }>;
}) {
  const label = useOptionLabel(w);
  const [counts, setCounts] = useState<Record<string, string>>(() =>
    Object.fromEntries(a.totals.map((t) => [t.optionId, String(t.amount)])),
  );
  const [voters, setVoters] = useState<string>(
    a.paperVoters === null ? String(headCount(w) || '') : String(a.paperVoters),
  );
  const [problems, setProblems] = useState<string[]>([]);
  const save = () => {
    const totals = a.optionIds.map((optionId) => ({
      optionId,
      amount: counts[optionId]?.trim() ? Number(counts[optionId]) : 0,
    }));
    const people = voters.trim() ? Number(voters) : null;
    const found = [
      ...(people !== null && (!Number.isInteger(people) || people < 0)
        ? ['The number of voters must be a whole number.']
        : []),
      ...checkTotals(a, totals, people, label).problems,
    ];
    setProblems(found);
    if (found.length > 0) return;
    enterTotals(w.id, a, totals, people);
    showStatus('Totals saved. They stay hidden from the room until you reveal them.');
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <table className="data-table">
        <caption>Dots counted on the wall or the sheets</caption>
        <thead>
          <tr>
            <th scope="col">No.</th>
            <th scope="col">Option</th>
            <th scope="col">Dots</th>
          </tr>
        </thead>
        <tbody>
          {a.optionIds.map((id, i) => (
            <tr key={id}>
              <td>{i + 1}</td>
              <th scope="row">{label(id)}</th>
              <td>
                <input
                  className="ws-count-input"
                  type="number"
                  min={0}
                  step={1}
                  aria-label={`Dots for ${i + 1}: ${label(id)}`}
                  value={counts[id] ?? ''}
                  onChange={(e) => setCounts((c) => ({ ...c, [id]: e.target.value }))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="field">
        <label htmlFor={`voters-${a.id}`}>How many people voted</label>
        <input
          id={`voters-${a.id}`}
          type="number"
          min={0}
          step={1}
          value={voters}
          onChange={(e) => setVoters(e.target.value)}
        />
      </div>
      {problems.length > 0 && (
        <ul className="error-message" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <button type="submit" className="button button-primary">
        Save the counted totals
      </button>
    </form>
  );
}
