/**
 * Setting up a vote, before it opens: choose and number the options, set the budget (with the rule behind it) and
 * the cap, how people vote, and whether the ballot is secret. Opening the vote freezes all of these.
 */
import { useId, useState } from 'react';
import type { Activity, Workshop } from '../../../../../shared/model/workbook-schema';
import {
  BUDGET_PRESETS,
  budgetFor,
  budgetRationale,
  PRESET_NAMES,
  type BudgetPreset,
} from '../../../../../shared/workshop/dot-vote';
import { DEFAULT_POINTS_CAP, pointsSetupWarnings } from '../../../../../shared/workshop/points';
import { NumberField } from '../../../components/fields';
import { showError } from '../../../state/ui-store';
import { useWorkbookStore } from '../../../state/workbook-store';
import { ChecklistDialog } from '../ChecklistDialog';
import {
  changeBudgetPreset,
  changeDotBudget,
  changeDotCap,
  changePointsCap,
  changePointsTotal,
  changeSecretBallot,
  changeVoteMode,
  chooseVoteOptions,
  openVoting,
} from '../commands';
import { ideaGroups, objectiveGroups, serviceGroups } from '../option-groups';
import { useSessionStore } from '../session-store';
import type { Vote } from './vote-types';

/** The rule the budget follows: the one chosen, while the budget still matches it; else the first that gives it. */
function presetInUse(a: Extract<Activity, { kind: 'dot-vote' }>): BudgetPreset | null {
  const n = a.optionIds.length;
  if (a.budgetPreset && budgetFor(n, a.budgetPreset) === a.budget) return a.budgetPreset;
  return BUDGET_PRESETS.find((p) => budgetFor(n, p) === a.budget) ?? null;
}

export function VoteSetup({ workshop: w, activity: a }: { workshop: Workshop; activity: Vote }) {
  const wb = useWorkbookStore((s) => s.workbook);
  const [choosing, setChoosing] = useState(false);
  const ids = { mode: useId(), preset: useId() };

  return (
    <>
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
        {a.kind === 'dot-vote' ? (
          <>
            <fieldset className="field checkbox-group field-wide">
              <legend>Dots per person</legend>
              {BUDGET_PRESETS.map((p: BudgetPreset) => (
                <label key={p} className="radio">
                  <input
                    type="radio"
                    name={ids.preset}
                    checked={presetInUse(a) === p}
                    onChange={() => changeBudgetPreset(w.id, a, p)}
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
                onCommit={(v) => changeDotBudget(w.id, a, v)}
              />
              <NumberField
                label="Most dots on one option"
                value={a.maxPerOption}
                min={1}
                hint="1 means one dot per option."
                onCommit={(v) => changeDotCap(w.id, a, v)}
              />
            </div>
            <fieldset className="field checkbox-group field-wide">
              <legend>How people vote</legend>
              <label className="radio">
                <input
                  type="radio"
                  name={ids.mode}
                  checked={a.mode === 'ballots'}
                  onChange={() => changeVoteMode(w.id, a, 'ballots')}
                />
                <span>
                  One ballot each: in turn on this laptop (a private screen that blanks after each vote), or
                  on numbered paper sheets typed in by number
                </span>
              </label>
              <label className="radio">
                <input
                  type="radio"
                  name={ids.mode}
                  checked={a.mode === 'totals'}
                  onChange={() => changeVoteMode(w.id, a, 'totals')}
                />
                <span>A dot wall: the facilitator counts the dots and enters the totals</span>
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
                onCommit={(v) => changePointsTotal(w.id, a, v)}
              />
              <NumberField
                label="Most points on one option"
                value={a.maxPerOption}
                allowEmpty
                min={1}
                hint={`Leave empty for no limit; ${DEFAULT_POINTS_CAP} is usual.`}
                onCommit={(v) => changePointsCap(w.id, a, v)}
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
              onChange={(e) => changeSecretBallot(w.id, a, e.target.checked)}
            />
            <span>Secret ballot: do not record who voted for what</span>
          </label>
        )}
      </section>
      {choosing && wb && (
        <ChecklistDialog
          title={`Options for “${a.title}”`}
          hint="Choose what people vote on. They are numbered in the order shown, on the screen and on the printed voting sheets."
          groups={[...ideaGroups(w), ...objectiveGroups(wb), ...serviceGroups(wb)]}
          selected={a.optionIds.length > 0 ? a.optionIds : [...a.scope.objectiveIds, ...a.scope.serviceIds]}
          onDone={(chosen) => {
            setChoosing(false);
            if (chosen) chooseVoteOptions(w.id, a, chosen);
          }}
        />
      )}
    </>
  );
}

/** Opens voting, or says what stops it; the room's screen then shows the vote. */
export function OpenVoting({ workshop: w, activity: a }: { workshop: Workshop; activity: Vote }) {
  const open = () => {
    const problems = openVoting(w.id, a);
    if (problems.length > 0) return showError(`Voting cannot open yet: ${problems.join(' ')}`);
    useSessionStore.getState().show({ screen: 'activity', activityId: a.id });
    useSessionStore.getState().announce('Voting is open. The options and the budget are now fixed.');
  };
  return (
    <div className="button-row ws-actions-foot">
      <button type="button" className="button button-primary" onClick={open}>
        Open voting
      </button>
    </div>
  );
}
