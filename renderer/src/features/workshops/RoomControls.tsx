/**
 * What the room sees, controlled from the console: open or close the presenter view, choose the screen, hold
 * (blank) it with one key, and page through long lists. The console shows in words what is on the projector.
 */
import { useEffect, useId, useState } from 'react';
import type { Workshop } from '../../../../shared/model/workbook-schema';
import type { PresenterView } from '../../../../shared/workshop/presenter';
import { checkRoom, DEFAULT_PROJECTOR_FONT_PX } from '../../../../shared/workshop/room';
import { showError, showStatus } from '../../state/ui-store';
import { call } from '../../platform/api';
import { resendPresenterState, usePresenterPages } from './presenter-sync';
import { useSessionStore } from './session-store';

const SCREENS: ReadonlyArray<{
  id: Exclude<PresenterView['screen'], 'activity' | 'message'>;
  label: string;
}> = [
  { id: 'welcome', label: 'Welcome' },
  { id: 'agenda', label: 'Agenda' },
  { id: 'parking-lot', label: 'Parking lot' },
  { id: 'decisions', label: 'Decisions' },
  { id: 'actions', label: 'Actions' },
];

async function openPresenter(): Promise<void> {
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

async function closePresenter(): Promise<void> {
  await call('closePresenter', {});
  useSessionStore.getState().set({ presenterOpen: false });
}

const NOT_TYPED = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
]);

/** A text field, select or contenteditable: where a letter key is the user's text, not a command. */
const isField = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement &&
  (el.isContentEditable ||
    el.tagName === 'TEXTAREA' ||
    el.tagName === 'SELECT' ||
    (el instanceof HTMLInputElement && !NOT_TYPED.has(el.type)));

/** The key's target and the focused element both count: a field re-rendered mid-keystroke is still being typed in. */
function isTyping(target: EventTarget | null): boolean {
  return isField(target) || isField(document.activeElement);
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

/** Type size for the room: from the distance to the back row and the height of the projected image. */
function RoomSetUp() {
  const [distance, setDistance] = useState('');
  const [height, setHeight] = useState('');
  const fontPx = useSessionStore((s) => s.fontPx);
  const ids = { distance: useId(), height: useId() };
  const check = checkRoom(Number(distance), Number(height));
  const apply = (d: string, h: string) => {
    const c = checkRoom(Number(d), Number(h));
    useSessionStore.getState().set({ fontPx: c ? c.fontPx : 0 });
  };
  return (
    <details className="ws-room-setup">
      <summary>Room set-up: type size for the back row</summary>
      <div className="two-columns">
        <div className="field">
          <label htmlFor={ids.distance}>Distance to the back row (metres)</label>
          <input
            id={ids.distance}
            type="number"
            min={0}
            step={0.5}
            value={distance}
            onChange={(e) => {
              setDistance(e.target.value);
              apply(e.target.value, height);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.height}>Height of the projected image (metres)</label>
          <input
            id={ids.height}
            type="number"
            min={0}
            step={0.1}
            value={height}
            onChange={(e) => {
              setHeight(e.target.value);
              apply(distance, e.target.value);
            }}
          />
        </div>
      </div>
      {check ? (
        <>
          <p>
            Smallest readable type: about {check.minimumFontPx} px on a 1080-line image. The presenter uses{' '}
            {fontPx || DEFAULT_PROJECTOR_FONT_PX} px.
          </p>
          {check.warnings.map((w) => (
            <p key={w} className="ws-flag">
              {w}
            </p>
          ))}
        </>
      ) : (
        <p className="muted">
          The presenter uses {DEFAULT_PROJECTOR_FONT_PX} px type, right for a back row about 8 m from a 1.5 m
          image.
        </p>
      )}
    </details>
  );
}

export function RoomControls({ workshop: w, activityId }: { workshop: Workshop; activityId: string | null }) {
  const view = useSessionStore((s) => s.view);
  const held = useSessionStore((s) => s.held);
  const open = useSessionStore((s) => s.presenterOpen);
  const singleKeys = useSessionStore((s) => s.singleKeys);
  const s = useSessionStore.getState;
  const pages = usePresenterPages(view);
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
        {!open && <span className="muted"> · presenter view not open</span>}
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
      <ConsoleSettings />
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
        <div className="button-row ws-pages">
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
    </section>
  );
}

/** What is set once per room rather than used during the session: the shortcut, the chime and the type size. */
export function ConsoleSettings() {
  const singleKeys = useSessionStore((s) => s.singleKeys);
  const muted = useSessionStore((s) => s.muted);
  const s = useSessionStore.getState;
  return (
    <details className="ws-console-settings">
      <summary>Settings for the room</summary>
      <div className="ws-console-settings-body">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={singleKeys}
            onChange={(e) => s().set({ singleKeys: e.target.checked })}
          />
          <span>Single-key shortcut: B holds the screen (not while typing)</span>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={muted} onChange={(e) => s().set({ muted: e.target.checked })} />
          <span>Mute the chime at time up</span>
        </label>
        <RoomSetUp />
      </div>
    </details>
  );
}
