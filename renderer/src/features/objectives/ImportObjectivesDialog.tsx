import { useId, useMemo, useState } from 'react';
import { countNodes, parseOutline, withoutKeys, type OutlineNode } from '../../../../shared/import/outline';
import type { PlanFile } from '../../../../shared/import/plan-files';
import {
  COLUMN_ROLE_LABELS,
  COLUMN_ROLES,
  guessMapping,
  tableToOutline,
  type ColumnMapping,
} from '../../../../shared/import/table-outline';
import { defaultTopLevel, outlineToObjectives, TOP_LEVEL_CHOICES, type TopLevel } from '../../../../shared/import/to-objectives';
import type { SourceRef } from '../../../../shared/model/workbook-schema';
import { ColumnMappingGrid } from '../../components/ColumnMapping';
import { Modal } from '../../components/Modal';
import { showStatus } from '../../state/ui-store';
import { useWorkbookStore } from '../../state/workbook-store';
import { countLevels, OutlinePreview } from './OutlinePreview';

export type ImportSource = { kind: 'paste' } | { kind: 'file'; fileName: string; file: PlanFile };

function describeCounts(c: Record<'theme' | 'objective' | 'outcome', number>): string {
  const parts = [
    c.theme ? `${c.theme} theme${c.theme === 1 ? '' : 's'}` : '',
    c.objective ? `${c.objective} objective${c.objective === 1 ? '' : 's'}` : '',
    c.outcome ? `${c.outcome} outcome${c.outcome === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return parts.length === 0 ? 'nothing' : parts.join(', ');
}

/** Paste or file import with a preview: nothing is added until the officer accepts what it found. */
export function ImportObjectivesDialog(props: { source: ImportSource; onClose: (importedFirstId: string | null) => void }) {
  const { source } = props;
  const ids = { text: useId(), preview: useId(), doc: useId(), page: useId() };
  const [text, setText] = useState('');
  const table = source.kind === 'file' && 'table' in source.file ? source.file.table : null;
  const [mapping, setMapping] = useState<ColumnMapping>(() => (table ? guessMapping(table.headers) : {}));
  const [document, setDocument] = useState(source.kind === 'file' ? source.fileName.replace(/\.[^.]+$/, '') : '');
  const [page, setPage] = useState('');

  const [excluded, setExcluded] = useState<ReadonlySet<number>>(new Set());
  const { nodes: found, rowSources } = useMemo((): { nodes: OutlineNode[]; rowSources: Map<number, { document: string; page: string }> | null } => {
    if (source.kind === 'paste') return { nodes: parseOutline(text), rowSources: null };
    if ('nodes' in source.file) return { nodes: source.file.nodes, rowSources: null };
    const built = tableToOutline(source.file.table, mapping);
    return { nodes: built.nodes, rowSources: built.sources };
  }, [source, text, mapping]);

  const nodes = useMemo(() => withoutKeys(found, excluded), [found, excluded]);
  const [topChoice, setTopChoice] = useState<TopLevel | null>(null);
  const topLevel = topChoice ?? defaultTopLevel(nodes);
  const counts = countLevels(nodes, topLevel);
  const total = countNodes(nodes);
  const hasLevelColumn = mapping.theme !== undefined || mapping.objective !== undefined || mapping.outcome !== undefined;

  const accept = () => {
    const shared: SourceRef | null = document.trim() ? { document: document.trim(), page: page.trim(), url: '' } : null;
    const objectives = outlineToObjectives(nodes, {
      topLevel,
      source: rowSources
        ? (node) => {
            const own = rowSources.get(node.key);
            return own ? { document: own.document || shared?.document || '', page: own.page, url: '' } : shared;
          }
        : shared,
    });
    const label = source.kind === 'paste' ? 'Import pasted objectives' : `Import objectives from ${source.fileName}`;
    useWorkbookStore.getState().edit(label, (wb) => {
      wb.objectives.push(...objectives);
    });
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
            headings all work. A paragraph after an item becomes its description.
          </div>
          <textarea
            id={ids.text}
            rows={10}
            value={text}
            aria-describedby={`${ids.text}-hint`}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
      )}

      {source.kind === 'file' && source.file.warnings.length > 0 && (
        <div className="panel panel-warning">
          <p>Some of the file could not be read:</p>
          <ul>
            {source.file.warnings.map((w, i) => (
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
          <ColumnMappingGrid roles={COLUMN_ROLES} labels={COLUMN_ROLE_LABELS} headers={table.headers} mapping={mapping} onMapping={setMapping} />
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
      </h3>
      <OutlinePreview
        nodes={found}
        topLevel={topLevel}
        labelledBy={ids.preview}
        excluded={excluded}
        onToggle={(key) =>
          setExcluded((s) => {
            const next = new Set(s);
            if (next.has(key)) next.delete(key);
            else next.add(key);
            return next;
          })
        }
      />
    </Modal>
  );
}
