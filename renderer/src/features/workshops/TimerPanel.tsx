/**
 * The facilitator's timer for the current activity: start, pause, +1 and +5 minutes, reset, and a chime (muted in
 * the console's settings). The clock is shown, not read out every second; the live region announces the start, one minute left
 * and time up.
 */
import { useEffect, useRef, useState } from 'react';
import { formatClock, phaseOf, remainingMs } from '../../../../shared/workshop/timer';
import { focusSoon } from '../../components/focus';
import { useSessionStore } from './session-store';

export function TimerPanel({ minutes, label, forId }: { minutes: number; label: string; forId: string }) {
  const timer = useSessionStore((s) => s.timer);
  const timerLabel = useSessionStore((s) => s.timerLabel);
  const timerFor = useSessionStore((s) => s.timerFor);
  const store = useSessionStore.getState;
  const [now, setNow] = useState(() => Date.now());
  const startPause = useRef<HTMLButtonElement>(null);
  const running = timer?.startedAt !== null && timer !== null;
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [running]);

  const left = timer ? remainingMs(timer, now) : minutes * 60_000;
  const phase = timer ? phaseOf(timer, now) : 'idle';
  const words = {
    idle: 'Not started',
    running: 'Running',
    warning: 'One minute left',
    over: 'Time is up',
    paused: 'Paused',
  }[phase];
  const ours = timer !== null && timerFor === forId;

  return (
    <section id="ws-timer" className={`ws-timer ws-timer-${phase}`} aria-labelledby="ws-timer-heading">
      <h3 id="ws-timer-heading">Timer{timer && !ours ? `: ${timerLabel}` : ''}</h3>
      <p className="ws-timer-clock">
        <span aria-hidden="true">{formatClock(left)}</span>
        <span className="visually-hidden">{formatClock(left)} left</span>{' '}
        <span className="ws-timer-words">{words}</span>
      </p>
      <div className="button-row">
        {!ours && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              store().setTimer(minutes, label, forId);
              // This button goes once the timer is set: focus moves on to Start.
              focusSoon(() => startPause.current);
            }}
          >
            Set to {minutes} min for this activity
          </button>
        )}
        {/* One button that turns from Start to Pause and back, so focus stays on it. */}
        {timer && (
          <button
            ref={startPause}
            type="button"
            className={`button ${running ? 'button-secondary' : 'button-primary'}`}
            onClick={() => (running ? store().pauseTimer() : store().startTimer())}
          >
            {running ? 'Pause timer' : phase === 'idle' ? 'Start timer' : 'Resume timer'}
          </button>
        )}
        <button
          type="button"
          className="button button-secondary"
          disabled={!timer}
          onClick={() => store().extendTimer(1)}
        >
          +1 min
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={!timer}
          onClick={() => store().extendTimer(5)}
        >
          +5 min
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={!timer}
          onClick={() => store().resetTimer()}
        >
          Reset
        </button>
      </div>
    </section>
  );
}
