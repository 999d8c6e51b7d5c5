import { useCallback, useEffect, useState } from 'react';
import type { MenuCommand } from '../../../shared/ipc/contract';
import { DialogHost } from '../components/DialogHost';
import { guardFocus } from '../components/focus';
import { Notices } from '../components/Notices';
import { AboutDialog } from '../features/about/AboutDialog';
import { FindDialog } from '../features/find/FindDialog';
import { PreferencesDialog } from '../features/preferences/PreferencesDialog';
import { call, onEvent } from '../platform/api';
import { closeWorkbook, handleCloseRequest, newWorkbook, openWorkbook, saveWorkbook, saveWorkbookAs } from '../state/document-commands';
import { findStep, STEPS } from './steps';
import { applyTheme } from '../platform/theme';
import { showStatus, useUiStore } from '../state/ui-store';
import { useAutosave } from './use-autosave';
import { useShortcuts, useStepsKey } from './use-shortcuts';
import { useWindowState } from './use-window-state';
import { documentName, selectDirty, useWorkbookStore } from '../state/workbook-store';

export function App() {
  const step = useUiStore((s) => s.step);
  const setStep = useUiStore((s) => s.setStep);
  const overlay = useUiStore((s) => s.overlay);
  const focusSeq = useUiStore((s) => (s.focusRequest ? s.focusSeq : null));
  const setOverlay = useUiStore((s) => s.setOverlay);
  const hasWorkbook = useWorkbookStore((s) => s.workbook !== null);
  const dirty = useWorkbookStore(selectDirty);
  const name = useWorkbookStore((s) => (s.workbook ? documentName(s) : null));
  const readOnly = useWorkbookStore((s) => s.doc?.readOnly ?? false);
  const neverSaved = useWorkbookStore((s) => s.workbook !== null && s.doc === null);
  const [autosaveSeconds, setAutosaveSeconds] = useState(5);

  useEffect(() => {
    void call('getPreferences', {}).then((r) => {
      if (!r.ok) return;
      applyTheme(r.value.theme);
      setAutosaveSeconds(r.value.autosaveSeconds);
    });
  }, [overlay]);

  const run = useCallback(
    (command: MenuCommand) => {
      const s = useWorkbookStore.getState();
      switch (command) {
        case 'new':
          return void newWorkbook();
        case 'open':
          return void openWorkbook();
        case 'save':
          return void saveWorkbook();
        case 'save-as':
          return void saveWorkbookAs();
        case 'close':
          return void closeWorkbook();
        case 'undo': {
          const label = s.undo();
          return showStatus(label ? `Undone: ${label}.` : 'Nothing to undo.');
        }
        case 'redo': {
          const label = s.redo();
          return showStatus(label ? `Redone: ${label}.` : 'Nothing to redo.');
        }
        case 'find':
          return setOverlay('find');
        case 'about':
          return setOverlay('about');
      }
    },
    [setOverlay],
  );

  useEffect(() => guardFocus(), []);
  useShortcuts(run);
  useStepsKey();
  useAutosave(autosaveSeconds);
  useWindowState();

  useEffect(() => {
    const offs = [
      onEvent('menuCommand', ({ command }) => run(command)),
      onEvent('openFile', (known) => void openWorkbook(known)),
      onEvent('closeRequested', () => void handleCloseRequest()),
    ];
    return () => offs.forEach((off) => off());
  }, [run]);

  const current = findStep(hasWorkbook || !findStep(step).needsWorkbook ? step : 'start');
  const Current = current.Component;

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <span className="app-name">Alignment Workbench</span>
        {name && (
          <span className="doc-name">
            {name}
            {readOnly && <span className="tag"> read-only</span>}
            <span className="save-state">{neverSaved ? ' — not saved yet' : dirty ? ' — unsaved changes' : ' — all changes saved'}</span>
          </span>
        )}
        <span className="header-actions">
          {hasWorkbook && (
            <button type="button" className="button button-secondary" onClick={() => run('save')}>
              Save
            </button>
          )}
          <button type="button" className="button button-secondary" onClick={() => setOverlay('about')}>
            About and help
          </button>
        </span>
      </header>
      <nav aria-label="Steps" className="steps" id="steps" tabIndex={-1}>
        <ol>
          {STEPS.map((s, i) => {
            const disabled = s.needsWorkbook && !hasWorkbook;
            return (
              <li key={s.id}>
                <button
                  type="button"
                  className="step-link"
                  aria-current={s.id === current.id ? 'step' : undefined}
                  disabled={disabled}
                  title={disabled ? 'Create or open a workbook first' : undefined}
                  onClick={() => setStep(s.id)}
                >
                  <span className="step-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  {s.label}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <Notices />
      <main id="main" tabIndex={-1}>
        {/* A new focus request (Find, a link from Review) reopens the step with that item selected. */}
        <Current key={focusSeq === null ? 'step' : `focus-${focusSeq}`} />
        {/* Long steps are many Tab presses deep: one link takes the officer back to the step navigation. */}
        <p className="back-to-steps">
          <a
            href="#steps"
            onClick={(e) => {
              e.preventDefault();
              document.querySelector<HTMLElement>('#steps [aria-current="step"]')?.focus();
            }}
          >
            Back to the steps
          </a>{' '}
          <span className="muted">(or press F6 from anywhere in the step)</span>
        </p>
      </main>
      <DialogHost />
      {overlay === 'about' && <AboutDialog onClose={() => setOverlay(null)} />}
      {overlay === 'preferences' && <PreferencesDialog onClose={() => setOverlay(null)} />}
      {overlay === 'find' && <FindDialog onClose={() => setOverlay(null)} />}
    </>
  );
}
