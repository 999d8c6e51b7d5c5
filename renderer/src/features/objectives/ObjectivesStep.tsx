import { useState } from 'react';
import { newObjective } from '../../../../shared/model/factories';
import { placementForNew } from '../../../../shared/model/operations';
import { PLAN_FILE_ACCEPT, planFileTooLarge } from '../../../../shared/import/plan-files';
import type { Objective } from '../../../../shared/model/workbook-schema';
import { showError, showStatus, useUiStore } from '../../state/ui-store';
import { NONE, useWorkbookStore } from '../../state/workbook-store';
import { readPlan } from '../../platform/plan-reader';
import { ImportObjectivesDialog, type ImportSource } from './ImportObjectivesDialog';
import { ObjectiveDetails } from './ObjectiveDetails';
import { ObjectiveTree } from './ObjectiveTree';
import { ThemeLibraryDialog } from './ThemeLibraryDialog';
import { addObjectiveAt } from './commands';
import { FileButton } from '../../components/FileButton';

export function ObjectivesStep() {
  const objectives = useWorkbookStore((s) => s.workbook?.objectives ?? NONE);
  const focusRequest = useUiStore((s) => s.focusRequest);
  const [selectedId, setSelectedId] = useState<string | null>(
    focusRequest?.kind === 'objective' ? focusRequest.id : (objectives[0]?.id ?? null),
  );
  const [importing, setImporting] = useState<ImportSource | null>(null);
  const [themes, setThemes] = useState(false);
  const [reading, setReading] = useState<{ fileName: string; controller: AbortController } | null>(null);
  const selected = objectives.find((o) => o.id === selectedId) ?? null;

  const add = (level: Objective['level']) => {
    const wb = useWorkbookStore.getState().workbook;
    if (!wb) return;
    // Under or beside the selection, in hierarchy order: never a top-level item at the end of the list.
    const { parentId, after } = placementForNew(wb, level, selected?.id ?? null);
    const o = newObjective({ level, parentId, title: level === 'theme' ? 'New theme' : level === 'objective' ? 'New objective' : 'New outcome' });
    addObjectiveAt(o, after);
    setSelectedId(o.id);
    requestAnimationFrame(() => document.getElementById('objective-details')?.querySelector<HTMLInputElement>('input')?.select());
  };

  const onFile = async (file: File) => {
    // Checked before the file is read, so a huge file is never loaded into the window.
    const tooLarge = planFileTooLarge(file.name, file.size);
    if (tooLarge) return showError(tooLarge);
    // Read in a worker with a time budget: the window stays responsive and the officer can cancel.
    const controller = new AbortController();
    setReading({ fileName: file.name, controller });
    const result = await readPlan({ kind: 'file', fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, controller.signal);
    setReading(null);
    if (!result.ok) return result.error.code === 'CANCELLED' ? showStatus(result.error.message) : showError(result.error);
    setImporting({ kind: 'file', fileName: file.name, file: result.value });
  };

  return (
    <div className="step">
      <h1>Council objectives</h1>
      <p className="lead">
        Capture the council’s strategic objectives as in its plan: themes, the objectives under them, and the outcomes it wants, with
        the KPIs it tracks. Paste them, import a file, or start from common themes.
      </p>
      <div className="toolbar" role="toolbar" aria-label="Add objectives">
        <button type="button" className="button button-primary" onClick={() => setImporting({ kind: 'paste' })}>
          Paste a list…
        </button>
        <FileButton accept={PLAN_FILE_ACCEPT} fileLabel="Plan file to import (Word, CSV, Excel or text)" disabled={reading !== null} onFile={(file) => void onFile(file)}>
          Import a file…
        </FileButton>
        <button type="button" className="button button-secondary" onClick={() => setThemes(true)}>
          Start from common themes…
        </button>
        <button type="button" className="button button-secondary" onClick={() => add('theme')}>
          Add theme
        </button>
        <button type="button" className="button button-secondary" onClick={() => add('objective')}>
          Add objective
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={!selected || selected.level !== 'objective'}
          title={!selected || selected.level !== 'objective' ? 'Select an objective to add an outcome under it' : undefined}
          onClick={() => add('outcome')}
        >
          Add outcome
        </button>
      </div>
      <div role="status" className="import-progress">
        {reading && (
          <p>
            Reading “{reading.fileName}”… Nothing is added until you have checked what it found.{' '}
            <button type="button" className="button button-secondary" onClick={() => reading.controller.abort()}>
              Cancel reading
            </button>
          </p>
        )}
      </div>
      <div className="split">
        <div className="split-list">
          <ObjectiveTree selectedId={selectedId} onSelect={setSelectedId} />
        </div>
        <div className="split-details">
          {selected ? (
            <ObjectiveDetails key={selected.id} objective={selected} onSelect={setSelectedId} />
          ) : (
            <p className="muted">Select an item to edit it.</p>
          )}
        </div>
      </div>
      {importing && (
        <ImportObjectivesDialog
          source={importing}
          onClose={(firstId) => {
            setImporting(null);
            if (firstId) setSelectedId(firstId);
          }}
        />
      )}
      {themes && <ThemeLibraryDialog onClose={() => setThemes(false)} />}
    </div>
  );
}
