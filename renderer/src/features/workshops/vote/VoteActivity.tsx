/**
 * Dot voting and 100-point allocation in the console, in three stages: set up (VoteSetup) until voting opens,
 * then live (VoteLive: only "n of N voted", never running totals), then the revealed results (VoteResults).
 * The numbered options show throughout.
 */
import type { Workshop } from '../../../../../shared/model/workbook-schema';
import { isVoteSetupLocked } from '../../../../../shared/workshop/operations';
import { useOptionLabel } from '../use-workshop';
import { VoteLive } from './VoteLive';
import { VoteResults } from './VoteResults';
import { OpenVoting, VoteSetup } from './VoteSetup';
import type { Vote } from './vote-types';

export function VoteActivity({ workshop: w, activity: a }: { workshop: Workshop; activity: Vote }) {
  const label = useOptionLabel(w);
  const locked = isVoteSetupLocked(a);
  return (
    <div className="ws-vote ws-fill">
      {/* The set-up and the options scroll; Open voting stays at the foot, in view. */}
      <div className="ws-activity-scroll">
        {!locked && <VoteSetup workshop={w} activity={a} />}

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

        {locked && !a.revealed && <VoteLive workshop={w} activity={a} />}
        {a.revealed && <VoteResults workshop={w} activity={a} />}
      </div>
      {!locked && <OpenVoting workshop={w} activity={a} />}
    </div>
  );
}
