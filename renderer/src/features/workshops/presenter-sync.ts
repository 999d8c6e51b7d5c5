/**
 * Keeps the projector in step with the console: whenever the workbook, the chosen view, the hold screen or the
 * timer changes, the presenter state is rebuilt from the workbook (only what the room may see) and pushed to
 * main, which relays it to the presenter window. Runs outside any component so the projector follows even while
 * the facilitator looks at another step.
 */
import { buildPresenterState } from '../../../../shared/workshop/presenter';
import type { PresenterState } from '../../../../shared/workshop/presenter-state';
import { call, onEvent } from '../../platform/api';
import { useWorkbookStore } from '../../state/workbook-store';
import { useSessionStore } from './session-store';

let started = false;
let lastJson = '';

function currentPresenterState(): PresenterState | null {
  const wb = useWorkbookStore.getState().workbook;
  const s = useSessionStore.getState();
  if (!wb || !s.workshopId) return null;
  const timer = s.timer
    ? {
        label: s.timerLabel,
        durationMs: s.timer.durationMs,
        remainingAtStartMs: s.timer.remainingAtStartMs,
        startedAt: s.timer.startedAt,
      }
    : null;
  return buildPresenterState(wb, s.workshopId, s.view, { held: s.held, timer, fontPx: s.fontPx });
}

function push(): void {
  // Only while a presenter is open: opening one sends the current state (resendPresenterState).
  if (!useSessionStore.getState().presenterOpen) return;
  const state = currentPresenterState();
  if (!state) return;
  const json = JSON.stringify(state);
  if (json === lastJson) return;
  lastJson = json;
  void call('showOnPresenter', state);
}

/** Starts the sync once; later calls do nothing. */
export function startPresenterSync(): void {
  if (started) return;
  started = true;
  useWorkbookStore.subscribe(push);
  useSessionStore.subscribe(push);
  onEvent('presenterClosed', () => {
    useSessionStore.getState().set({ presenterOpen: false });
    useSessionStore.getState().announce('The presenter view was closed.');
  });
  push();
}

/** Forces the next push even if nothing changed (after the presenter window opens). */
export function resendPresenterState(): void {
  lastJson = '';
  push();
}
