import { useEffect, useId, useRef, useState } from 'react';
import { PROTECTIVE_MARKINGS } from '../../../../shared/model/vocabulary';
import { THEMES, type Preferences, type Theme } from '../../../../shared/settings/settings-schema';
import { Modal } from '../../components/Modal';
import { showError, showStatus } from '../../state/ui-store';
import { applyTheme } from '../../platform/theme';
import { call } from '../../platform/api';

const THEME_LABELS: Record<Theme, string> = {
  system: 'Follow Windows / system setting',
  light: 'Light',
  dark: 'Dark',
  'high-contrast': 'High contrast',
};

export function PreferencesDialog(props: { onClose: () => void }) {
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const ids = { author: useId(), theme: useId(), autosave: useId(), autosaveError: useId(), autosaveHint: useId(), marking: useId() };
  const [autosaveError, setAutosaveError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const loaded = prefs !== null;

  useEffect(() => {
    void call('getPreferences', {}).then((r) => (r.ok ? setPrefs(r.value) : showError(r.error)));
  }, []);

  // The dialog opens while the preferences load, when its only control is Close; once they are in, start on
  // the first one.
  useEffect(() => {
    if (loaded) first.current?.focus();
  }, [loaded]);

  const update = async (patch: Partial<Preferences>) => {
    const r = await call('setPreferences', patch);
    if (!r.ok) return showError(r.error);
    setPrefs(r.value);
    if (patch.theme) applyTheme(r.value.theme);
    showStatus('Preferences saved.');
  };

  return (
    <Modal title="Preferences" onClose={props.onClose}>
      {!prefs ? (
        <p>Loading…</p>
      ) : (
        <form onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor={ids.author}>Your name, for new workbooks</label>
            <input
              ref={first}
              id={ids.author}
              type="text"
              autoComplete="name"
              maxLength={200}
              defaultValue={prefs.authorName}
              onBlur={(e) => e.target.value !== prefs.authorName && void update({ authorName: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.theme}>Colours</label>
            <select id={ids.theme} value={prefs.theme} onChange={(e) => void update({ theme: e.target.value as Theme })}>
              {THEMES.map((t) => (
                <option key={t} value={t}>
                  {THEME_LABELS[t]}
                </option>
              ))}
            </select>
          </div>
          <div className={`field${autosaveError ? ' field-error' : ''}`}>
            <label htmlFor={ids.autosave}>Save a recovery copy of unsaved work every (seconds)</label>
            <p id={ids.autosaveHint} className="hint">
              A whole number from 2 to 600.
            </p>
            {autosaveError && (
              <p id={ids.autosaveError} className="error-message" role="alert">
                <span className="visually-hidden">Error: </span>
                {autosaveError}
              </p>
            )}
            <input
              id={ids.autosave}
              type="text"
              inputMode="numeric"
              defaultValue={prefs.autosaveSeconds}
              aria-invalid={autosaveError ? true : undefined}
              aria-describedby={autosaveError ? `${ids.autosaveHint} ${ids.autosaveError}` : ids.autosaveHint}
              onBlur={(e) => {
                const text = e.target.value.trim();
                const n = Number(text);
                // The officer's text stays in the box until it is put right; the saved interval is unchanged.
                if (!/^\d+$/.test(text) || n < 2 || n > 600) {
                  setAutosaveError(`Enter a whole number of seconds from 2 to 600. Recovery copies are still saved every ${prefs.autosaveSeconds} seconds.`);
                  return;
                }
                setAutosaveError(null);
                if (n !== prefs.autosaveSeconds) void update({ autosaveSeconds: n });
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.marking}>Default protective marking on documents</label>
            <select
              id={ids.marking}
              value={prefs.defaultProtectiveMarking}
              onChange={(e) => void update({ defaultProtectiveMarking: e.target.value as Preferences['defaultProtectiveMarking'] })}
            >
              {PROTECTIVE_MARKINGS.map((m) => (
                <option key={m} value={m}>
                  {m === 'NONE' ? 'No marking' : m}
                </option>
              ))}
            </select>
          </div>
        </form>
      )}
    </Modal>
  );
}
