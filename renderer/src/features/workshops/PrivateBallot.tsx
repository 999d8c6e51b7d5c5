/**
 * Pass-the-laptop voting: each participant votes on a private screen that blanks as soon as they submit, so the
 * next person sees nothing of it. No running totals are shown here or anywhere until the reveal. In an anonymous
 * vote nobody is asked who they are; in a named one the voter picks their name from those yet to vote.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Activity, Workshop } from '../../../../shared/model/workbook-schema';
import { checkBallot, type Allocation } from '../../../../shared/workshop/dot-vote';
import { headCount } from '../../../../shared/workshop/kinds';
import { checkAllocation } from '../../../../shared/workshop/points';
import { progressText } from '../../../../shared/workshop/dot-vote';
import { castBallot } from './commands';
import { useOptionLabel } from './use-workshop';

type Vote = Extract<Activity, { kind: 'dot-vote' | 'points' }>;
type Stage = 'ready' | 'voting' | 'thanks';

export function PrivateBallot({
  workshop: w,
  activity: a,
  onClose,
}: {
  workshop: Workshop;
  activity: Vote;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const label = useOptionLabel(w);
  const [stage, setStage] = useState<Stage>('ready');
  const [amounts, setAmounts] = useState<Record<string, number>>({});
  const [voter, setVoter] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const named = !a.anonymous && w.anonymity === 'named' && w.participants.length > 0;
  const voted = new Set(a.ballots.map((b) => b.participantId).filter(Boolean));
  const waiting = w.participants.filter((p) => !voted.has(p.id));
  const expected = headCount(w);
  const isDots = a.kind === 'dot-vote';

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    const previous = document.activeElement;
    d.showModal();
    return () => {
      if (d.open) d.close();
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);

  useEffect(() => {
    // Each stage starts at its heading, so a screen reader user hears where they are.
    ref.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [stage]);

  const allocations: Allocation[] = a.optionIds.map((optionId) => ({
    optionId,
    amount: amounts[optionId] ?? 0,
  }));
  const check = isDots ? checkBallot(a, allocations, label) : checkAllocation(a, allocations, label);
  const used = allocations.reduce((n, x) => n + (Number.isFinite(x.amount) ? x.amount : 0), 0);
  const budget = isDots ? a.budget : a.total;

  const submit = (abstain: boolean) => {
    const found = castBallot(
      w.id,
      a,
      { abstain, allocations, participantId: named ? voter || null : null },
      label,
    );
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    setAmounts({});
    setVoter('');
    setProblems([]);
    setStage('thanks');
  };

  const set = (optionId: string, value: number) =>
    setAmounts((m) => ({ ...m, [optionId]: Math.max(0, value) }));

  return (
    <dialog
      ref={ref}
      className="ws-private"
      aria-labelledby={titleId}
      onCancel={(e) => {
        // Escape: a voter's half-made vote is dropped; between voters it takes the facilitator back to the
        // console, so no "finish" button sits on the voter's screen.
        e.preventDefault();
        if (stage === 'voting') setStage('ready');
        else onClose();
      }}
    >
      {stage === 'ready' && (
        <div className="ws-private-inner">
          <h2 id={titleId} tabIndex={-1}>
            Private voting: {a.title}
          </h2>
          <p className="ws-private-count">{progressText(a.ballots.length, expected)}</p>
          <p>Pass the laptop to the next person. Only they should look at the screen while they vote.</p>
          {named && (
            <div className="field">
              <label htmlFor={`${titleId}-voter`}>Who is voting?</label>
              <select id={`${titleId}-voter`} value={voter} onChange={(e) => setVoter(e.target.value)}>
                <option value="">Choose your name</option>
                {waiting.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name || 'Unnamed participant'}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={named && !voter}
              onClick={() => setStage('voting')}
            >
              Start my vote
            </button>
          </div>
          <p className="muted ws-private-escape">Facilitator: Escape returns to the console.</p>
        </div>
      )}
      {stage === 'voting' && (
        <form
          className="ws-private-inner"
          onSubmit={(e) => {
            e.preventDefault();
            submit(false);
          }}
        >
          <h2 id={titleId} tabIndex={-1}>
            Your vote: {a.title}
          </h2>
          <p>
            {isDots
              ? `You have ${a.budget} ${a.budget === 1 ? 'dot' : 'dots'}; no more than ${a.maxPerOption} on one option. You do not have to use them all.`
              : `Share out exactly ${a.total} points${a.maxPerOption !== null ? `, no more than ${a.maxPerOption} on one option` : ''}.`}
          </p>
          <p className="ws-private-left" aria-live="polite">
            {isDots
              ? `${Math.max(0, budget - used)} of ${budget} dots left`
              : `${budget - used} of ${budget} points left to place`}
          </p>
          <ol className={`plain-list ws-ballot${a.optionIds.length > 8 ? ' ws-ballot-columns' : ''}`}>
            {a.optionIds.map((optionId, i) => {
              const value = amounts[optionId] ?? 0;
              const name = label(optionId);
              return (
                <li key={optionId} className="ws-ballot-row">
                  <span className="ws-ballot-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span className="ws-ballot-label" id={`${titleId}-opt-${i}`}>
                    {name}
                  </span>
                  {isDots ? (
                    <span className="ws-stepper">
                      <button
                        type="button"
                        className="button button-secondary"
                        aria-label={`One dot fewer on ${i + 1}: ${name}`}
                        disabled={value <= 0}
                        onClick={() => set(optionId, value - 1)}
                      >
                        −
                      </button>
                      <output aria-label={`Dots on ${i + 1}: ${name}`}>{value}</output>
                      <button
                        type="button"
                        className="button button-secondary"
                        aria-label={`One more dot on ${i + 1}: ${name}`}
                        disabled={value >= a.maxPerOption || used >= a.budget}
                        onClick={() => set(optionId, value + 1)}
                      >
                        +
                      </button>
                    </span>
                  ) : (
                    <input
                      className="ws-points-input"
                      type="number"
                      min={0}
                      max={a.maxPerOption ?? a.total}
                      step={1}
                      inputMode="numeric"
                      aria-label={`Points for ${i + 1}: ${name}`}
                      value={value === 0 ? '' : String(value)}
                      onChange={(e) =>
                        set(optionId, e.target.value === '' ? 0 : Math.floor(Number(e.target.value)) || 0)
                      }
                    />
                  )}
                </li>
              );
            })}
          </ol>
          {(problems.length > 0 || (!isDots && used > 0 && !check.ok)) && (
            <ul className="error-message" role="alert">
              {(problems.length > 0 ? problems : check.problems).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <div className="button-row ws-ballot-actions">
            <button type="submit" className="button button-primary" disabled={!check.ok || used === 0}>
              Submit my vote
            </button>
            <button type="button" className="button button-secondary" onClick={() => submit(true)}>
              Abstain
            </button>
            <button type="button" className="button button-secondary" onClick={() => setStage('ready')}>
              Cancel this vote
            </button>
          </div>
        </form>
      )}
      {stage === 'thanks' && (
        <div className="ws-private-inner ws-private-blank">
          <h2 id={titleId} tabIndex={-1}>
            Thank you: your vote is recorded.
          </h2>
          <p>Please pass the laptop on.</p>
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={() => setStage('ready')}>
              Next voter
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
