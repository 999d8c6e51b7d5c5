/**
 * A revealed vote: every total at once, ranked, with ties named and, for a dot vote, a re-vote on the tied items
 * that starts straight away with its own timer.
 */
import type { Workshop } from '../../../../../shared/model/workbook-schema';
import { rankDotVote, revoteActivity } from '../../../../../shared/workshop/dot-vote';
import { rankPoints } from '../../../../../shared/workshop/points';
import { rankLabel } from '../../../../../shared/workshop/ranking';
import { listInWords } from '../../../../../shared/text/words';
import { showStatus } from '../../../state/ui-store';
import { startRevote } from '../commands';
import { useSessionStore } from '../session-store';
import { useOptionLabel } from '../use-workshop';
import type { Vote } from './vote-types';

export function VoteResults({ workshop: w, activity: a }: { workshop: Workshop; activity: Vote }) {
  const label = useOptionLabel(w);
  const ranking = a.kind === 'dot-vote' ? rankDotVote(a) : rankPoints(a);
  const numbers = new Map(a.optionIds.map((id, i) => [id, i + 1]));

  // The re-vote starts at once: the tied vote is done, the re-vote is the one running, with its own timer.
  const revote = (optionIds: readonly string[]) => {
    if (a.kind !== 'dot-vote') return;
    const again = { ...revoteActivity(a, optionIds), status: 'running' as const };
    startRevote(w.id, a, again);
    const session = useSessionStore.getState();
    session.setActivity(again.id);
    session.setTimer(again.minutes, again.title, again.id);
    session.show({ screen: 'activity', activityId: again.id });
    showStatus(`Started “${again.title}”; the timer is set to ${again.minutes} minutes.`);
  };

  return (
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
            <th scope="col">{a.kind === 'dot-vote' ? 'Dots' : 'Points'}</th>
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
  );
}
