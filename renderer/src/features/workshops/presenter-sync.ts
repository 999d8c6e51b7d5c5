/**
 * Keeps the projector in step with the console: whenever the workbook, the chosen view, the hold screen or the
 * timer changes, the presenter state is rebuilt from the workbook (only what the room may see) and pushed to
 * main, which relays it to the presenter window. Runs outside any component so the projector follows even while
 * the facilitator looks at another step.
 */
import { create } from 'zustand';
import {
  buildPresenterState,
  presenterViewKey,
  type PresenterView,
} from '../../../../shared/workshop/presenter';
import type { PresenterPages, PresenterState } from '../../../../shared/workshop/presenter-state';
import { call, onEvent } from '../../platform/api';
import { useWorkbookStore } from '../../state/workbook-store';
import { useSessionStore } from './session-store';

let started = false;
let lastJson = '';

/** The page count the presenter window last measured, for the screen its key names. */
const usePresenterPagesStore = create<{ measured: PresenterPages | null }>(() => ({ measured: null }));

/**
 * How many pages the projector made of this view: measured by the presenter window at its own size, so 1 until
 * it has reported (or while it is closed, when there is nothing on screen to page through).
 */
export function usePresenterPages(view: PresenterView): number {
  const measured = usePresenterPagesStore((s) => s.measured);
  return measured && measured.key === presenterViewKey(view) ? measured.pages : 1;
}

function pagesMeasured(measured: PresenterPages): void {
  usePresenterPagesStore.setState({ measured });
  // A wider screen or fewer items can leave the console on a page that no longer exists: follow the projector,
  // which shows its last page then.
  const s = useSessionStore.getState();
  if (
    'page' in s.view &&
    s.view.page !== undefined &&
    s.view.page > measured.pages &&
    presenterViewKey(s.view) === measured.key
  )
    s.show({ ...s.view, page: measured.pages });
}

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
  // The projector closes with its workbook, so nothing of a closed workbook stays on the room's screen.
  if (!useWorkbookStore.getState().workbook) {
    useSessionStore.getState().set({ presenterOpen: false });
    usePresenterPagesStore.setState({ measured: null });
    lastJson = '';
    void call('closePresenter', {});
    return;
  }
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
  onEvent('presenterPages', pagesMeasured);
  onEvent('presenterClosed', () => {
    usePresenterPagesStore.setState({ measured: null });
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
