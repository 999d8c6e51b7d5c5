/**
 * The facilitator console: the agenda and the room's screen and timer as strips across the top, the current
 * activity under them, and the parking lot, decisions and actions always to hand beside it. On a laptop screen the
 * console is exactly the window's height, so every control is in view without scrolling the page. Moving on needs
 * an explicit click with a confirmation when not everyone has voted; going back never deletes anything.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { SkipLink } from '../../components/SkipLink';
import type { Activity, Workshop } from '../../../../shared/model/workbook-schema';
import { asSentence } from '../../../../shared/text/words';
import { ACTIVITY_KINDS, blockScreenText, headCount } from '../../../../shared/workshop/kinds';
import { ask } from '../../state/ui-store';
import { GridActivity } from './grid/GridActivity';
import { IdeasActivity } from './ideas/IdeasActivity';
import { LogsPanel } from './LogsPanel';
import { RoomControls, useRoomShortcuts } from './RoomControls';
import { useSessionStore } from './session-store';
import { TimerPanel } from './TimerPanel';
import { VoteActivity } from './vote/VoteActivity';
import { WalkActivity } from './walk/WalkActivity';
import { finishActivity, startActivity as startActivityCommand } from './commands';

const STATUS_TEXT: Readonly<Record<Activity['status'], string>> = {
  planned: 'Not started',
  running: 'Running now',
  done: 'Done',
};

function unfinishedVoting(w: Workshop, a: Activity): string | null {
  if ((a.kind !== 'dot-vote' && a.kind !== 'points') || !a.votingOpen || a.revealed) return null;
  if (a.kind === 'dot-vote' && a.mode === 'totals')
    return 'The counted totals have not been revealed to the room.';
  const n = a.ballots.length;
  return `${n} of ${headCount(w) || n} have voted, and the results have not been revealed.`;
}

export function ConsolePanel({ workshop: w }: { workshop: Workshop }) {
  const activityId = useSessionStore((s) => s.activityId);
  const announcement = useSessionStore((s) => s.announcement);
  const s = useSessionStore.getState;
  useRoomShortcuts();
  const current =
    w.activities.find((a) => a.id === activityId) ??
    w.activities.find((a) => a.status === 'running') ??
    w.activities.find((a) => a.status !== 'done') ??
    w.activities[0] ??
    null;

  useEffect(() => {
    if (current && current.id !== activityId) s().setActivity(current.id);
  }, [current, activityId, s]);

  // While a session runs the console is the window: starting an activity (or coming back to one under way) brings
  // its top to the top of the window, so nothing above it pushes the facilitator's controls out of view.
  const consoleRef = useRef<HTMLDivElement>(null);
  const [started, setStarted] = useState(() => (w.activities.some((a) => a.status === 'running') ? 1 : 0));
  useLayoutEffect(() => {
    if (started === 0) return;
    consoleRef.current?.scrollIntoView({ block: 'start' });
    // "Start this activity" has just gone: its place is taken by "Finish and go to the next activity".
    if (document.activeElement === null || document.activeElement === document.body)
      consoleRef.current?.querySelector<HTMLElement>('.ws-activity-go .button')?.focus({ preventScroll: true });
  }, [started]);

  const startActivity = (a: Activity) => {
    setStarted((n) => n + 1);
    startActivityCommand(w.id, a);
    s().setActivity(a.id);
    s().setTimer(a.minutes, a.title, a.id);
    s().show({ screen: 'activity', activityId: a.id });
    s().announce(`Now: ${asSentence(a.title)} The room sees it; the timer is set to ${a.minutes} minutes.`);
  };

  const finishAndNext = async (a: Activity) => {
    const warning = unfinishedVoting(w, a);
    if (warning) {
      const answer = await ask({
        title: `Move on from “${a.title}”?`,
        body: [warning, 'Nothing is lost: you can come back to it.'],
        buttons: [
          { id: 'next', label: 'Move on anyway', kind: 'primary' },
          { id: 'stay', label: 'Stay here' },
        ],
        cancelId: 'stay',
      });
      if (answer !== 'next') return;
    }
    finishActivity(w.id, a);
    const next = w.activities[w.activities.findIndex((x) => x.id === a.id) + 1];
    if (next) startActivity(next);
    else {
      s().show({ screen: 'actions' });
      s().announce('That was the last activity. The room sees the actions.');
    }
  };

  return (
    <div className="ws-console" ref={consoleRef}>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {/* The region stays; only its text is replaced (keyed, so the same words twice are read twice). */}
        <span key={announcement.at}>{announcement.text}</span>
      </div>
      <nav className="ws-console-agenda" aria-label="Agenda">
        {/* The agenda's activities come first in the console; the timer is what the facilitator reaches for. */}
        <SkipLink to="ws-timer">Skip to the timer</SkipLink>
        <h3 className="ws-strip-heading">Agenda</h3>
        {w.activities.length === 0 && <p className="muted">Plan the agenda first.</p>}
        <ol className="plain-list ws-agenda-strip">
          {w.activities.map((a, i) => (
            <li key={a.id}>
              <button
                type="button"
                className={`item-button${a.id === current?.id ? ' selected' : ''}`}
                aria-current={a.id === current?.id ? 'true' : undefined}
                onClick={() => s().setActivity(a.id)}
              >
                <span className="ws-agenda-number">{i + 1}.</span> {a.title}
                <span className="ws-agenda-sub">
                  <span className="visually-hidden">{ACTIVITY_KINDS[a.kind].label}, </span>
                  {a.minutes} min · {STATUS_TEXT[a.status]}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <aside className="ws-console-side" aria-label="Screen and timer">
        <RoomControls workshop={w} activityId={current?.id ?? null} />
        <TimerPanel
          minutes={current?.minutes ?? 10}
          label={current?.title ?? w.title}
          forId={current?.id ?? ''}
        />
      </aside>
      <div className="ws-console-main">
        {current ? (
          <section aria-labelledby="ws-activity-heading">
            <div className="ws-activity-head">
              <h3 id="ws-activity-heading">{current.title}</h3>
              <span className="tag">{ACTIVITY_KINDS[current.kind].label}</span>
              <span className="tag">{STATUS_TEXT[current.status]}</span>
              <div className="button-row ws-activity-go">
                {current.status !== 'running' && (
                  <button
                    type="button"
                    className="button button-primary"
                    onClick={() => startActivity(current)}
                  >
                    {current.status === 'done' ? 'Run this activity again' : 'Start this activity'}
                  </button>
                )}
                {current.status === 'running' && (
                  <button
                    type="button"
                    className="button button-primary"
                    onClick={() => void finishAndNext(current)}
                  >
                    Finish and go to the next activity
                  </button>
                )}
              </div>
            </div>
            {/* Long lists scroll inside this box; each activity keeps its primary actions in view within it. */}
            <div className="ws-activity-body">
              {current.notes && (
                <details className="ws-notes">
                  <summary>Facilitator’s notes (only on this screen)</summary>
                  <p>{current.notes}</p>
                </details>
              )}
              <ActivityWorkspace key={current.id} workshop={w} activity={current} />
            </div>
          </section>
        ) : (
          <p className="muted">No activities yet. Add them to the agenda on the Plan tab.</p>
        )}
      </div>
      <div className="ws-console-logs">
        <LogsPanel workshop={w} />
      </div>
    </div>
  );
}

function ActivityWorkspace({ workshop, activity }: { workshop: Workshop; activity: Activity }) {
  switch (activity.kind) {
    case 'ideas':
      return <IdeasActivity workshop={workshop} activity={activity} />;
    case 'dot-vote':
    case 'points':
      return <VoteActivity workshop={workshop} activity={activity} />;
    case 'two-by-two':
      return <GridActivity workshop={workshop} activity={activity} />;
    case 'walk-the-map':
      return <WalkActivity workshop={workshop} activity={activity} />;
    case 'block':
      return (
        <p className="panel">
          Nothing to record here. The room’s screen shows: “
          {blockScreenText(activity.block, activity.minutes, workshop)}”
        </p>
      );
  }
}
