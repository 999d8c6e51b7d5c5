/**
 * A vote while it is open: only "n of N voted" (never running totals), ways to take ballots (privately on this
 * laptop, on numbered paper sheets, or totals counted from a dot wall), and one click that reveals every total
 * at once, with a check first when not everyone has voted.
 */
import { useState } from 'react';
import type { Workshop } from '../../../../../shared/model/workbook-schema';
import { progressText } from '../../../../../shared/workshop/dot-vote';
import { headCount } from '../../../../../shared/workshop/kinds';
import { ask, showError } from '../../../state/ui-store';
import { revealResults } from '../commands';
import { PaperSheetsEntry, PrintSheetsButton } from '../PaperSheets';
import { PrivateBallot } from '../PrivateBallot';
import { useSessionStore } from '../session-store';
import { TotalsEntry } from './TotalsEntry';
import type { Vote } from './vote-types';

export function VoteLive({ workshop: w, activity: a }: { workshop: Workshop; activity: Vote }) {
  const [voting, setVoting] = useState(false);
  const expected = headCount(w);
  const wall = a.kind === 'dot-vote' && a.mode === 'totals';

  const reveal = async () => {
    const n = a.ballots.length;
    if (a.kind === 'dot-vote' && wall && a.totals.length === 0)
      return showError('Enter the counted totals before revealing them.');
    if (!wall && expected > 0 && n < expected) {
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
    revealResults(w.id, a);
    useSessionStore.getState().show({ screen: 'activity', activityId: a.id });
    useSessionStore.getState().announce('The results are revealed on the screen. Read them aloud.');
  };

  return (
    <section className="panel" aria-label="Voting">
      <p className="ws-progress">
        <strong>
          {a.kind === 'dot-vote' && wall
            ? a.totals.length > 0
              ? 'Totals entered; not yet revealed.'
              : 'Counting the wall.'
            : progressText(a.ballots.length, expected)}
        </strong>
        <span className="muted"> (the room sees this count, never who voted or for what)</span>
      </p>
      {a.kind === 'dot-vote' && wall ? (
        <TotalsEntry workshop={w} activity={a} />
      ) : (
        <>
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={() => setVoting(true)}>
              Start private voting on this laptop
            </button>
            <PrintSheetsButton workshop={w} activity={a} />
          </div>
          <PaperSheetsEntry workshop={w} activity={a} />
        </>
      )}
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => void reveal()}>
          Reveal the results
        </button>
      </div>
      {voting && <PrivateBallot workshop={w} activity={a} onClose={() => setVoting(false)} />}
    </section>
  );
}
