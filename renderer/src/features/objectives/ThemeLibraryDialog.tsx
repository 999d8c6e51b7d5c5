import { useState } from 'react';
import { newObjective } from '../../../../shared/model/factories';
import type { Objective } from '../../../../shared/model/workbook-schema';
import { THEMES } from '../../../../shared/reference/catalogue';
import { Modal } from '../../components/Modal';
import { showStatus } from '../../state/ui-store';
import { importObjectives } from './commands';

/** Common council themes to start from, each with example objectives the officer can tick to add. */
export function ThemeLibraryDialog(props: { onClose: () => void }) {
  const [themes, setThemes] = useState<ReadonlySet<string>>(new Set());
  const [examples, setExamples] = useState<ReadonlySet<string>>(new Set());
  const toggle = (set: ReadonlySet<string>, key: string) => {
    const next = new Set(set);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  };
  const chosen = THEMES.filter((t) => themes.has(t.id) || t.exampleObjectives.some((_, i) => examples.has(`${t.id}:${i}`)));

  const add = () => {
    const created: Objective[] = [];
    for (const t of chosen) {
      const theme = newObjective({ level: 'theme', title: t.name, description: t.description, themeRef: t.id });
      created.push(theme);
      t.exampleObjectives.forEach((text, i) => {
        if (examples.has(`${t.id}:${i}`))
          created.push(newObjective({ parentId: theme.id, level: 'objective', title: text, themeRef: t.id }));
      });
    }
    importObjectives('Add themes from the library', created);
    const objectives = created.length - chosen.length;
    showStatus(`Added ${chosen.length} theme${chosen.length === 1 ? '' : 's'} and ${objectives} objective${objectives === 1 ? '' : 's'}. Edit the wording to match your council’s plan.`);
    props.onClose();
  };

  return (
    <Modal
      title="Start from common council themes"
      wide
      onClose={props.onClose}
      actions={
        <>
          <button type="button" className="button button-primary" disabled={chosen.length === 0} onClick={add}>
            Add {chosen.length || ''} theme{chosen.length === 1 ? '' : 's'}
          </button>
          <button type="button" className="button button-secondary" onClick={props.onClose}>
            Cancel
          </button>
        </>
      }
    >
      <p>
        Themes that appear in most English council plans, with example objectives. Tick what fits, then edit the wording to
        match your own plan. The themes are our synthesis of real council plans.
      </p>
      <ul className="plain-list theme-library">
        {THEMES.map((t) => (
          <li key={t.id} className="theme-option">
            <label className="checkbox checkbox-strong">
              <input type="checkbox" checked={themes.has(t.id)} onChange={() => setThemes((s) => toggle(s, t.id))} />
              <span>
                {t.name}
                <span className="muted"> — {t.description}</span>
              </span>
            </label>
            <fieldset className="examples">
              <legend className="visually-hidden">Example objectives for {t.name}</legend>
              {t.exampleObjectives.map((text, i) => (
                <label key={i} className="checkbox">
                  <input
                    type="checkbox"
                    checked={examples.has(`${t.id}:${i}`)}
                    onChange={() => setExamples((s) => toggle(s, `${t.id}:${i}`))}
                  />
                  <span>{text}</span>
                </label>
              ))}
            </fieldset>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
