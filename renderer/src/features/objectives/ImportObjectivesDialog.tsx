import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { PlanFile } from '../../../../shared/import/plan-files';
import {
  countLines,
  defaultRoles,
  effectiveRoles,
  planLinesFromOutline,
  planLinesFromText,
  planLinesToObjectives,
  type LineRole,
  type PlanLine,
} from '../../../../shared/import/plan-lines';
import {
  COLUMN_ROLE_LABELS,
  COLUMN_ROLES,
  guessMapping,
  tableToOutline,
  type ColumnMapping,
} from '../../../../shared/import/table-outline';
import { defaultTopLevel, TOP_LEVEL_CHOICES, type TopLevel } from '../../../../shared/import/to-objectives';
import type { SourceRef } from '../../../../shared/model/workbook-schema';
import type { Result } from '../../../../shared/result';
import { ColumnMappingGrid } from '../../components/ColumnMapping';
import { Modal } from '../../components/Modal';
import { showStatus } from '../../state/ui-store';
import { readPlan } from '../../platform/plan-reader';
import { LinePreview } from './LinePreview';
import { importObjectives } from './commands';

export type ImportSource = { kind: 'paste' } | { kind: 'file'; fileName: string; file: PlanFile };

type Counts = Record<LineRole, number>;

function describeCounts(c: Counts): string {
  const parts = [
    c.theme ? `${c.theme} theme${c.theme === 1 ? '' : 's'}` : '',
    c.objective ? `${c.objective} objective${c.objective === 1 ? '' : 's'}` : '',
    c.outcome ? `${c.outcome} outcome${c.outcome === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return parts.length === 0 ? 'nothing' : parts.join(', ');
}

type PasteState = { status: 'idle' } | { status: 'reading'; cancel: () => void } | { status: 'read'; file: PlanFile } | { status: 'failed'; message: string };

/** Pasted text read in the plan worker, so a huge paste never freezes the window; a new paste stops the last. */
function usePastedPlan(text: string): PasteState {
  const [done, setDone] = useState<{ text: string; result: Result<PlanFile> } | null>(null);
  const running = useRef<AbortController | null>(null);
  useEffect(() => {
    if (text.trim() === '') return;
    const controller = new AbortController();
    running.current = controller;
    void readPlan({ kind: 'paste', text }, controller.signal).then((result) => setDone({ text, result }));
    return () => controller.abort();
  }, [text]);
  if (text.trim() === '') return { status: 'idle' };
  if (done?.text !== text) return { status: 'reading', cancel: () => running.current?.abort() };
  return done.result.ok ? { status: 'read', file: done.result.value } : { status: 'failed', message: done.result.error.message };
}

/** Paste or file import with a preview of every line: nothing is added until the officer accepts what it found. */
export function ImportObjectivesDialog(props: { source: ImportSource; onClose: (importedFirstId: string | null) => void }) {
  const { source } = props;
  const ids = { text: useId(), preview: useId(), doc: useId(), page: useId() };
  const [text, setText] = useState('');
  const pasted = usePastedPlan(source.kind === 'paste' ? text : '');
  const file = source.kind === 'file' ? source.file : pasted.status === 'read' ? pasted.file : null;
  const table = file && 'table' in file ? file.table : null;
  const [mapping, setMapping] = useState<ColumnMapping>(() => (table ? guessMapping(table.headers) : {}));
  const [document, setDocument] = useState(source.kind === 'file' ? source.fileName.replace(/\.[^.]+$/, '') : '');
  const [page, setPage] = useState('');

  const { lines, rowSources, nested } = useMemo((): { lines: PlanLine[]; rowSources: Map<number, { document: string; page: string }> | null; nested: boolean } => {
    if (!file) return { lines: [], rowSources: null, nested: false };
    if ('lines' in file) return { lines: planLinesFromText(file.nodes, file.lines), rowSources: null, nested: defaultTopLevel(file.nodes) === 'theme' };
    const built = tableToOutline(file.table, mapping);
    return { lines: planLinesFromOutline(built.nodes), rowSources: built.sources, nested: defaultTopLevel(built.nodes) === 'theme' };
  }, [file, mapping]);

  const [chosen, setChosen] = useState<ReadonlyMap<number, LineRole>>(new Map());
  const [topChoice, setTopChoice] = useState<TopLevel | null>(null);
  const topLevel = topChoice ?? (nested ? 'theme' : 'objective');
  const roles = useMemo(() => defaultRoles(lines, topLevel, chosen), [lines, topLevel, chosen]);
  const rows = useMemo(() => effectiveRoles(lines, roles), [lines, roles]);
  const counts: Counts = { theme: 0, objective: 0, outcome: 0, description: 0, omitted: 0 };
  for (const r of rows) counts[r.role]++;
  const read = countLines(rows);
  const total = counts.theme + counts.objective + counts.outcome;
  const hasLevelColumn = mapping.theme !== undefined || mapping.objective !== undefined || mapping.outcome !== undefined;
  const unit = table ? 'row' : 'line';

  const accept = () => {
    const shared: SourceRef | null = document.trim() ? { document: document.trim(), page: page.trim(), url: '' } : null;
    const objectives = planLinesToObjectives(
      lines,
      roles,
      rowSources
        ? (line) => {
            const own = rowSources.get(line.key);
            return own ? { document: own.document || shared?.document || '', page: own.page, url: '' } : shared;
          }
        : shared,
    );
    const label = source.kind === 'paste' ? 'Import pasted objectives' : `Import objectives from ${source.fileName}`;
    importObjectives(label, objectives);
    showStatus(`Added ${describeCounts(counts)}. Undo (Ctrl+Z) removes them all.`);
    props.onClose(objectives[0]?.id ?? null);
  };

  const title = source.kind === 'paste' ? 'Paste objectives from a plan' : `Import objectives from “${source.fileName}”`;
  return (
    <Modal
      title={title}
      wide
      onClose={() => props.onClose(null)}
      actions={
        <>
          <button type="button" className="button button-primary" disabled={total === 0} onClick={accept}>
            Add {total > 0 ? describeCounts(counts) : 'objectives'}
          </button>
          <button type="button" className="button button-secondary" onClick={() => props.onClose(null)}>
            Cancel
          </button>
        </>
      }
    >
      {source.kind === 'paste' && (
        <div className="field field-wide">
          <label htmlFor={ids.text}>Paste the list from your plan</label>
          <div id={`${ids.text}-hint`} className="hint">
            Numbered (1, 1.1), bulleted or indented lists, headings (“Theme 1: Health”, “OUR PLACE”, “Economy:”) and Markdown
            headings all work. Every line is listed below with what it will become; change any line before adding.
          </div>
          <textarea
            id={ids.text}
            rows={10}
            value={text}
            aria-describedby={`${ids.text}-hint`}
            onChange={(e) => {
              setText(e.target.value);
              setChosen(new Map());
            }}
          />
          <div role="status" className="import-progress">
            {pasted.status === 'reading' && (
              <>
                Reading the pasted text…{' '}
                <button type="button" className="button button-secondary button-compact" onClick={pasted.cancel}>
                  Stop reading
                </button>
              </>
            )}
            {pasted.status === 'failed' && <span className="error-message">{pasted.message}</span>}
          </div>
        </div>
      )}

      {file && file.warnings.length > 0 && (
        <div className="panel panel-warning">
          <p>Some of the file could not be read:</p>
          <ul>
            {file.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}

      {table && (
        <fieldset className="field field-wide">
          <legend>Which columns hold what?</legend>
          <div className="hint">
            The file has {table.rows.length} rows. Rows that repeat a theme or objective are combined under one.
          </div>
          <ColumnMappingGrid
            roles={COLUMN_ROLES}
            labels={COLUMN_ROLE_LABELS}
            headers={table.headers}
            mapping={mapping}
            onMapping={(m) => {
              setMapping(m);
              setChosen(new Map());
            }}
          />
          {!hasLevelColumn && <p className="error-message">Choose the column that holds themes, objectives or outcomes.</p>}
        </fieldset>
      )}

      <fieldset className="field field-wide">
        <legend>The top-level items are</legend>
        {TOP_LEVEL_CHOICES.map((c) => (
          <label key={c.value} className="radio">
            <input type="radio" name="top-level" checked={topLevel === c.value} onChange={() => setTopChoice(c.value)} /> {c.label}
          </label>
        ))}
      </fieldset>

      <div className="two-columns">
        <div className="field">
          <label htmlFor={ids.doc}>Source document (for every item)</label>
          <input id={ids.doc} type="text" value={document} maxLength={500} onChange={(e) => setDocument(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.page}>Page</label>
          <input id={ids.page} type="text" value={page} maxLength={40} onChange={(e) => setPage(e.target.value)} />
        </div>
      </div>

      <h3 id={ids.preview}>
        Preview: {describeCounts(counts)}
        {read.read > 0 && (
          <span className="hint">
            {' '}
            ({read.read} {unit}
            {read.read === 1 ? '' : 's'} read, {read.kept} kept
            {counts.description > 0 ? ` (${counts.description} as descriptions)` : ''}, {read.omitted} left out)
          </span>
        )}
      </h3>
      <p className="hint">Change what a {unit} becomes with its list, or with Promote and Demote (Alt+arrow keys in the list).</p>
      <LinePreview
        rows={rows}
        labelledBy={ids.preview}
        unit={unit}
        onChange={(key, role) => setChosen((m) => new Map(m).set(key, role))}
      />
    </Modal>
  );
}
