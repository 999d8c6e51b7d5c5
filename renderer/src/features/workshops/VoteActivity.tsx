/**
 * Dot voting and 100-point allocation in the console. Before voting: choose and number the options, set the
 * budget (with the rule behind it) and the cap, and how people vote. Once voting opens these are frozen. While
 * voting: only "n of N voted", never running totals. One click reveals every total at once, ranked, with ties and
 * a re-vote on the tied items.
 */
import { useId, useState } from 'react';
import type { Activity, Workshop } from '../../../../shared/model/workbook-schema';
import {
  BUDGET_PRESETS,
  budgetFor,
  budgetRationale,
  checkTotals,
  PRESET_NAMES,
  rankDotVote,
  revoteActivity,
  type BudgetPreset,
} from '../../../../shared/workshop/dot-vote';
import { listInWords } from '../../../../shared/text/words';
import { headCount } from '../../../../shared/workshop/kinds';
import { isVoteSetupLocked, openVoting, reveal } from '../../../../shared/workshop/operations';
import { DEFAULT_POINTS_CAP, pointsSetupWarnings, rankPoints } from '../../../../shared/workshop/points';
import { progressText } from '../../../../shared/workshop/dot-vote';
import { rankLabel } from '../../../../shared/workshop/ranking';
import { NumberField } from '../../components/fields';
import { ask, showError, showStatus } from '../../state/ui-store';
import { useWorkbookStore } from '../../state/workbook-store';
import { ChecklistDialog } from './ChecklistDialog';
import { ideaGroups, objectiveGroups, serviceGroups } from './option-groups';
import { PrivateBallot } from './PrivateBallot';
import { useSessionStore } from './session-store';
import { editActivity, editWorkshop, useOptionLabel } from './use-workshop';

type Vote = Extract<Activity, { kind: 'dot-vote' | 'points' }>;

export function VoteActivity({ workshop: w, activity: a }: { workshop: Workshop; activity: Vote }) {
  const wb = useWorkbookStore((s) => s.workbook);
  const label = useOptionLabel(w);
  const [choosing, setChoosing] = useState(false);
  const [voting, setVoting] = useState(false);
  const locked = isVoteSetupLocked(a);
  const expected = headCount(w);
  const isDots = a.kind === 'dot-vote';
  const ids = { mode: useId(), preset: useId() };

  const open = () => {
    const probe = structuredClone(a);
    const problems = openVoting(probe);
    if (problems.length > 0) return showError(`Voting cannot open yet: ${problems.join(' ')}`);
    editActivity(`Open voting on “${a.title}”`, w.id, a, (v) => void openVoting(v));
    useSessionStore.getState().show({ screen: 'activity', activityId: a.id });
    useSessionStore.getState().announce('Voting is open. The options and the budget are now fixed.');
  };

  const doReveal = async () => {
    const n = a.ballots.length;
    if (isDots && a.mode === 'totals' && a.totals.length === 0)
      return showError('Enter the counted totals before revealing them.');
    if (!(isDots && a.mode === 'totals') && expected > 0 && n < expected) {
      const answer = await ask({
        title: 'Reveal the results now?',
        body: [
          `${n} of ${expected} have voted. Once revealed, the vote closes and no more ballots can be added.`,
        ],
        buttons: [
          { id: 'reveal', label: 'Reveal now', kind: 'primary' },
          { id: 'wait', label: 'Wait for the others' },
        ],
        cancelId: 'wait',
      });
      if (answer !== 'reveal') return;
    }
    editActivity(`Reveal the results of “${a.title}”`, w.id, a, (v) => reveal(v));
    useSessionStore.getState().show({ screen: 'activity', activityId: a.id });
    useSessionStore.getState().announce('The results are revealed on the screen. Read them aloud.');
  };

  const revote = (optionIds: readonly string[]) => {
    if (a.kind !== 'dot-vote') return;
    const again = revoteActivity(a, optionIds);
    editWorkshop(`Re-vote on the tied items of “${a.title}”`, w.id, (d) => {
      const i = d.activities.findIndex((x) => x.id === a.id);
      d.activities.splice(i + 1, 0, again);
    });
    useSessionStore.getState().setActivity(again.id);
    showStatus(`Added “${again.title}” after this vote.`);
  };

  const ranking = a.revealed ? (a.kind === 'dot-vote' ? rankDotVote(a) : rankPoints(a)) : null;
  const numbers = new Map(a.optionIds.map((id, i) => [id, i + 1]));

  return (
    <div className="ws-vote">
      {!locked && (
        <section className="panel" aria-label="Set up the vote">
          <p>
            Before voting: say how the result will be used, read each option aloud, and merge near-duplicates
            (similar options split the vote).
            {a.anonymous
              ? ' Votes are secret.'
              : ' This vote is open: say “plan your votes before placing any” and ask junior colleagues to vote first.'}
          </p>
          <div className="button-row">
            <button type="button" className="button button-secondary" onClick={() => setChoosing(true)}>
              Choose the options ({a.optionIds.length})…
            </button>
          </div>
          {isDots ? (
            <>
              <fieldset className="field checkbox-group field-wide">
                <legend>Dots per person</legend>
                {BUDGET_PRESETS.map((p: BudgetPreset) => (
                  <label key={p} className="radio">
                    <input
                      type="radio"
                      name={ids.preset}
                      checked={a.budget === budgetFor(a.optionIds.length, p)}
                      onChange={() =>
                        editActivity(
                          'Change the dot budget',
                          w.id,
                          a,
                          (v) =>
                            void (
                              v.kind === 'dot-vote' &&
                              ((v.budget = budgetFor(v.optionIds.length, p)),
                              (v.maxPerOption = Math.min(v.maxPerOption, v.budget)))
                            ),
                        )
                      }
                    />
                    <span>
                      {PRESET_NAMES[p]}: {budgetRationale(a.optionIds.length, p)}
                    </span>
                  </label>
                ))}
              </fieldset>
              <div className="two-columns">
                <NumberField
                  label="Dots per person"
                  value={a.budget}
                  min={1}
                  onCommit={(v) =>
                    editActivity(
                      'Change the dot budget',
                      w.id,
                      a,
                      (x) =>
                        void (
                          x.kind === 'dot-vote' && (x.budget = Math.min(100, Math.max(1, Math.round(v ?? 1))))
                        ),
                      `vote:${a.id}:budget`,
                    )
                  }
                />
                <NumberField
                  label="Most dots on one option"
                  value={a.maxPerOption}
                  min={1}
                  hint="1 means one dot per option."
                  onCommit={(v) =>
                    editActivity(
                      'Change the cap per option',
                      w.id,
                      a,
                      (x) => void (x.maxPerOption = Math.min(100, Math.max(1, Math.round(v ?? 1)))),
                      `vote:${a.id}:cap`,
                    )
                  }
                />
              </div>
              <fieldset className="field checkbox-group field-wide">
                <legend>How people vote</legend>
                <label className="radio">
                  <input
                    type="radio"
                    name={ids.mode}
                    checked={a.mode === 'ballots'}
                    onChange={() =>
                      editActivity(
                        'Vote on the laptop',
                        w.id,
                        a,
                        (v) => void (v.kind === 'dot-vote' && (v.mode = 'ballots')),
                      )
                    }
                  />
                  <span>In turn on this laptop, on a private screen that blanks after each vote</span>
                </label>
                <label className="radio">
                  <input
                    type="radio"
                    name={ids.mode}
                    checked={a.mode === 'totals'}
                    onChange={() =>
                      editActivity(
                        'Count totals from the wall',
                        w.id,
                        a,
                        (v) => void (v.kind === 'dot-vote' && (v.mode = 'totals')),
                      )
                    }
                  />
                  <span>
                    On paper (numbered sheets or a dot wall); the facilitator enters the counted totals
                  </span>
                </label>
              </fieldset>
            </>
          ) : (
            <>
              <div className="two-columns">
                <NumberField
                  label="Points per person"
                  value={a.total}
                  min={1}
                  onCommit={(v) =>
                    editActivity(
                      'Change the points total',
                      w.id,
                      a,
                      (x) =>
                        void (
                          x.kind === 'points' && (x.total = Math.min(1000, Math.max(1, Math.round(v ?? 100))))
                        ),
                      `vote:${a.id}:total`,
                    )
                  }
                />
                <NumberField
                  label="Most points on one option"
                  value={a.maxPerOption}
                  allowEmpty
                  min={1}
                  hint={`Leave empty for no limit; ${DEFAULT_POINTS_CAP} is usual.`}
                  onCommit={(v) =>
                    editActivity(
                      'Change the cap per option',
                      w.id,
                      a,
                      (x) =>
                        void (
                          x.kind === 'points' &&
                          (x.maxPerOption = v === null ? null : Math.min(1000, Math.max(1, Math.round(v))))
                        ),
                      `vote:${a.id}:cap`,
                    )
                  }
                />
              </div>
              {pointsSetupWarnings(a).map((warning) => (
                <p key={warning} className="panel panel-warning">
                  {warning}
                </p>
              ))}
            </>
          )}
          {w.anonymity === 'named' && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={a.anonymous}
                onChange={(e) =>
                  editActivity(
                    e.target.checked ? 'Make the vote secret' : 'Make the vote open',
                    w.id,
                    a,
                    (v) => void (v.anonymous = e.target.checked),
                  )
                }
              />
              <span>Secret ballot: do not record who voted for what</span>
            </label>
          )}
        </section>
      )}

      <h4>Options</h4>
      {a.optionIds.length === 0 ? (
        <p className="muted">No options yet.</p>
      ) : (
        <ol className="ws-options">
          {a.optionIds.map((id) => (
            <li key={id}>{label(id)}</li>
          ))}
        </ol>
      )}

      {locked && !a.revealed && (
        <section className="panel" aria-label="Voting">
          <p className="ws-progress">
            <strong>
              {isDots && a.mode === 'totals'
                ? a.totals.length > 0
                  ? 'Totals entered; not yet revealed.'
                  : 'Counting the wall.'
                : progressText(a.ballots.length, expected)}
            </strong>
            <span className="muted"> (the room sees this count, never who voted or for what)</span>
          </p>
          {isDots && a.kind === 'dot-vote' && a.mode === 'totals' ? (
            <TotalsEntry workshop={w} activity={a} />
          ) : (
            <div className="button-row">
              <button type="button" className="button button-primary" onClick={() => setVoting(true)}>
                Start private voting on this laptop
              </button>
            </div>
          )}
          <div className="button-row">
            <button type="button" className="button button-secondary" onClick={() => void doReveal()}>
              Reveal the results
            </button>
          </div>
        </section>
      )}
      {!locked && (
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={open}>
            Open voting
          </button>
        </div>
      )}

      {ranking && (
        <section aria-labelledby={`results-${a.id}`}>
          <h4 id={`results-${a.id}`}>Results</h4>
          <p className="muted">
            Read the results aloud.{' '}
            {a.kind === 'points'
              ? 'Then ask for the reasons behind the highest and lowest, and note them in the conclusion.'
              : ''}
          </p>
          <table className="data-table">
            <caption className="visually-hidden">Results of {a.title}</caption>
            <thead>
              <tr>
                <th scope="col">Place</th>
                <th scope="col">No.</th>
                <th scope="col">Option</th>
                <th scope="col">{isDots ? 'Dots' : 'Points'}</th>
              </tr>
            </thead>
            <tbody>
              {ranking.rows.map((r) => (
                <tr key={r.optionId}>
                  <td>{rankLabel(r)}</td>
                  <td>{numbers.get(r.optionId)}</td>
                  <th scope="row">{label(r.optionId)}</th>
                  <td>{r.amount}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {ranking.ties.length > 0 && (
            <p>
              <strong>Ties:</strong>{' '}
              {ranking.ties.map((g) => listInWords(g.map((id) => `“${label(id)}”`))).join('; ')}.
            </p>
          )}
          {a.kind === 'dot-vote' &&
            ranking.revoteCandidates.length > 0 &&
            !w.activities.some((x) => x.kind === 'dot-vote' && x.revoteOf === a.id) && (
              <div className="button-row">
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => revote(ranking.revoteCandidates)}
                >
                  Re-vote on the {ranking.revoteCandidates.length} tied items
                </button>
              </div>
            )}
        </section>
      )}

      {choosing && wb && (
        <ChecklistDialog
          title={`Options for “${a.title}”`}
          hint="Choose what people vote on. They are numbered in the order shown, on the screen and on the printed voting sheets."
          groups={[...ideaGroups(w), ...objectiveGroups(wb), ...serviceGroups(wb)]}
          selected={a.optionIds.length > 0 ? a.optionIds : [...a.scope.objectiveIds, ...a.scope.serviceIds]}
          onDone={(chosen) => {
            setChoosing(false);
            if (chosen)
              editActivity(
                `Choose the options for “${a.title}”`,
                w.id,
                a,
                (v) => void (v.optionIds = chosen),
              );
          }}
        />
      )}
      {voting && <PrivateBallot workshop={w} activity={a} onClose={() => setVoting(false)} />}
    </div>
  );
}

function TotalsEntry({
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
    editActivity('Enter the counted totals', w.id, a, (v) => {
      v.totals = totals;
      v.paperVoters = people;
    });
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
