import { useEffect, useId, useState } from 'react';
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
  const ids = { author: useId(), theme: useId(), autosave: useId(), marking: useId() };

  useEffect(() => {
    void call('getPreferences', {}).then((r) => (r.ok ? setPrefs(r.value) : showError(r.error)));
  }, []);

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
          <div className="field">
            <label htmlFor={ids.autosave}>Save a recovery copy of unsaved work every (seconds)</label>
            <input
              id={ids.autosave}
              type="number"
              min={2}
              max={600}
              defaultValue={prefs.autosaveSeconds}
              onBlur={(e) => {
                const n = Math.round(Number(e.target.value));
                if (Number.isFinite(n) && n >= 2 && n <= 600) void update({ autosaveSeconds: n });
                else showError('The recovery interval must be a whole number of seconds from 2 to 600.');
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
