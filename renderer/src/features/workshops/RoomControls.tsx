/**
 * What the room sees, controlled from the console: open or close the presenter view, choose the screen, hold
 * (blank) it with one key, and page through long lists. The console shows in words what is on the projector.
 */
import { useEffect } from 'react';
import type { Workshop } from '../../../../shared/model/workbook-schema';
import { pageCount, type PresenterView } from '../../../../shared/workshop/presenter';
import { showError, showStatus } from '../../app/ui-store';
import { useWorkbookStore } from '../../app/workbook-store';
import { call } from '../../platform/api';
import { resendPresenterState } from './presenter-sync';
import { useSessionStore } from './session-store';

const SCREENS: ReadonlyArray<{
  id: Exclude<PresenterView['screen'], 'activity' | 'message'>;
  label: string;
}> = [
  { id: 'welcome', label: 'Welcome and purpose' },
  { id: 'agenda', label: 'Agenda' },
  { id: 'parking-lot', label: 'Parking lot' },
  { id: 'decisions', label: 'Decisions' },
  { id: 'actions', label: 'Actions' },
];

export async function openPresenter(): Promise<void> {
  const r = await call('openPresenter', {});
  if (!r.ok) return showError(r.error);
  useSessionStore.getState().set({ presenterOpen: true });
  resendPresenterState();
  const where = {
    'external-display': 'on the second display',
    'full-screen': 'full screen on this display (press Escape on it to come back)',
    window: 'in its own window',
  }[r.value.placement];
  showStatus(`The presenter view is open ${where}.`);
}

export async function closePresenter(): Promise<void> {
  await call('closePresenter', {});
  useSessionStore.getState().set({ presenterOpen: false });
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** B (or .) holds the screen, as in presentation software; Ctrl+Shift+P opens the presenter. Never while typing. */
export function useRoomShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = useSessionStore.getState();
      if (e.ctrlKey && e.shiftKey && (e.key === 'P' || e.key === 'p')) {
        e.preventDefault();
        void openPresenter();
        return;
      }
      if (
        !s.singleKeys ||
        e.ctrlKey ||
        e.metaKey ||
        e.altKey ||
        isTyping(e.target) ||
        document.querySelector('dialog[open]')
      )
        return;
      if (e.key === 'b' || e.key === 'B' || e.key === '.') {
        e.preventDefault();
        s.setHeld(!s.held);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function describeView(w: Workshop, view: PresenterView): string {
  switch (view.screen) {
    case 'activity':
      return w.activities.find((a) => a.id === view.activityId)?.title ?? 'An activity';
    case 'message':
      return view.heading;
    default:
      return SCREENS.find((s) => s.id === view.screen)?.label ?? view.screen;
  }
}

export function RoomControls({ workshop: w, activityId }: { workshop: Workshop; activityId: string | null }) {
  const view = useSessionStore((s) => s.view);
  const held = useSessionStore((s) => s.held);
  const open = useSessionStore((s) => s.presenterOpen);
  const singleKeys = useSessionStore((s) => s.singleKeys);
  const wb = useWorkbookStore((s) => s.workbook);
  const s = useSessionStore.getState;
  const pages = wb ? pageCount(wb, w, view) : 1;
  const page = 'page' in view && view.page ? view.page : 1;
  const setPage = (p: number) => s().show({ ...view, page: p } as PresenterView);
  const current = activityId ? w.activities.find((a) => a.id === activityId) : undefined;

  return (
    <section className="ws-room" aria-labelledby="ws-room-heading">
      <h3 id="ws-room-heading">The room’s screen</h3>
      <p className="ws-room-now" data-testid="room-now">
        {held ? (
          <strong>On hold: the room sees a blank screen.</strong>
        ) : (
          <>
            Showing: <strong>{describeView(w, view)}</strong>
            {pages > 1 ? ` (page ${page} of ${pages})` : ''}
          </>
        )}
        {!open && <span className="muted"> · the presenter view is not open</span>}
      </p>
      <div className="button-row">
        {open ? (
          <button type="button" className="button button-secondary" onClick={() => void closePresenter()}>
            Close presenter view
          </button>
        ) : (
          <button
            type="button"
            className="button button-primary"
            onClick={() => void openPresenter()}
            aria-keyshortcuts="Control+Shift+P"
          >
            Open presenter view
          </button>
        )}
        <button
          type="button"
          className="button button-secondary"
          aria-pressed={held}
          onClick={() => s().setHeld(!held)}
          aria-keyshortcuts={singleKeys ? 'B' : undefined}
        >
          {held ? 'Show the screen again' : 'Hold screen (blank)'}
          {singleKeys && <span className="ws-key"> B</span>}
        </button>
      </div>
      <div className="ws-screen-choice" role="group" aria-label="Show on the screen">
        {current && (
          <button
            type="button"
            className="button button-secondary"
            aria-pressed={view.screen === 'activity' && view.activityId === current.id}
            onClick={() => s().show({ screen: 'activity', activityId: current.id })}
          >
            This activity
          </button>
        )}
        {SCREENS.map((sc) => (
          <button
            key={sc.id}
            type="button"
            className="button button-secondary"
            aria-pressed={view.screen === sc.id}
            onClick={() => s().show({ screen: sc.id })}
          >
            {sc.label}
          </button>
        ))}
      </div>
      {pages > 1 && (
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            disabled={page <= 1}
            onClick={() => setPage(page - 1)}
          >
            Previous page on screen
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={page >= pages}
            onClick={() => setPage(page + 1)}
          >
            Next page on screen
          </button>
        </div>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={singleKeys}
          onChange={(e) => s().set({ singleKeys: e.target.checked })}
        />
        <span>Single-key shortcut: B holds the screen (not while typing)</span>
      </label>
    </section>
  );
}
