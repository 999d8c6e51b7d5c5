/**
 * Closing the session: what happens next (for the report), then the close itself, refused while parked items
 * have no disposition and confirmed when something is worth fixing first. A closed session can be reopened.
 */
import type { Workshop } from '../../../../../shared/model/workbook-schema';
import { closeCheck } from '../../../../../shared/workshop/session';
import { DateField } from '../../../components/fields';
import { TextField } from '../../../components/TextField';
import { ask, showStatus } from '../../../state/ui-store';
import {
  changeFeedbackBy,
  changeNextSteps,
  changeNoNextStepsReason,
  closeSession,
  reopenSession,
} from '../commands';

/** What happens next, for the report's "What happens next" and the close check; or why there is nothing next. */
function NextSteps({ workshop: w }: { workshop: Workshop }) {
  return (
    <div className="ws-next-steps">
      <TextField
        label="What happens next"
        hint="Who does what with the room’s input, and when; what cannot be done, and why. It goes in the report."
        multiline
        maxLength={10_000}
        value={w.nextSteps}
        onCommit={(v) => changeNextSteps(w.id, v)}
      />
      <DateField
        label="Participants will hear back by"
        value={w.feedbackBy}
        onCommit={(v) => changeFeedbackBy(w.id, v)}
      />
      {!w.nextSteps.trim() && (
        <TextField
          label="No next steps? Say why"
          hint="For example: a listening session, with the council’s reply in its consultation response."
          maxLength={500}
          value={w.noNextStepsReason}
          onCommit={(v) => changeNoNextStepsReason(w.id, v)}
        />
      )}
    </div>
  );
}

export function CloseSession({ workshop: w }: { workshop: Workshop }) {
  const check = closeCheck(w);

  const close = async () => {
    if (check.warnings.length > 0) {
      const answer = await ask({
        title: 'Close the session?',
        body: ['Worth fixing first:', ...check.warnings],
        buttons: [
          { id: 'close', label: 'Close the session anyway', kind: 'primary' },
          { id: 'cancel', label: 'Go back and fix them' },
        ],
        cancelId: 'cancel',
      });
      if (answer !== 'close') return;
    }
    closeSession(w.id);
    showStatus('The session is closed. Write the report while it is fresh: aim to send it within a day.');
  };

  return (
    <section aria-labelledby="ws-close-heading" className="panel">
      <h3 id="ws-close-heading">Close the session</h3>
      {w.status === 'closed' ? (
        <p>
          <strong>The session is closed.</strong>{' '}
          <button type="button" className="link-button" onClick={() => reopenSession(w.id)}>
            Reopen it
          </button>
        </p>
      ) : (
        <>
          <NextSteps workshop={w} />
          {check.blocking.length > 0 && (
            <div className="panel panel-warning">
              <p>
                <strong>Before the session can close:</strong>
              </p>
              <ul>
                {check.blocking.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            </div>
          )}
          {check.warnings.length > 0 && (
            <ul>
              {check.warnings.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          )}
          <button
            type="button"
            className="button button-primary"
            disabled={check.blocking.length > 0}
            onClick={() => void close()}
          >
            Close the session
          </button>
        </>
      )}
    </section>
  );
}
