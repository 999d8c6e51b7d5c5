import { useState } from 'react';
import { indexObjectives, themeOf } from '../../../../shared/analysis/hierarchy';
import {
  indentObjective,
  moveAmongSiblings,
  objectiveWithDescendants,
  outdentObjective,
} from '../../../../shared/model/operations';
import type { ObjectiveLevel } from '../../../../shared/model/vocabulary';
import { type Objective, type Workbook, WebUrl } from '../../../../shared/model/workbook-schema';
import { THEMES } from '../../../../shared/reference/catalogue';
import { CheckboxGroup, SelectField } from '../../components/fields';
import { Modal } from '../../components/Modal';
import { TextField } from '../../components/TextField';
import { ask, showStatus } from '../../state/ui-store';
import { useWorkbookStore } from '../../state/workbook-store';
import { AttachedEvidence } from '../evidence/AttachedEvidence';
import { KpiEditor } from './KpiEditor';
import { LEVEL_LABEL } from './ObjectiveTree';
import { focusSoon } from '../../components/focus';
import { changeLevel, changeObjective, deleteObjective, mergeInto, moveUnder, restructure } from './commands';

function findObjective(wb: Workbook, id: string): Objective | undefined {
  return wb.objectives.find((o) => o.id === id);
}

export function ObjectiveDetails(props: { objective: Objective; onSelect: (id: string | null) => void }) {
  const o = props.objective;
  const wb = useWorkbookStore((s) => s.workbook)!;
  const [merging, setMerging] = useState(false);
  const [mergeIds, setMergeIds] = useState<string[]>([]);
  const index = indexObjectives(wb.objectives);
  const inferred = themeOf(index, { ...o, themeRef: '' });

  const descendants = objectiveWithDescendants(wb, o.id);
  const parentOptions = [
    { value: '', label: 'None (top level)' },
    ...wb.objectives
      .filter((p) => !descendants.has(p.id) && p.level !== 'outcome')
      .map((p) => ({ value: p.id, label: `${LEVEL_LABEL[p.level]}: ${p.title}` })),
  ];

  const makeLevel = (level: ObjectiveLevel) => changeLevel(o, level);

  const remove = async () => {
    const below = descendants.size - 1;
    const links = wb.alignments.filter((a) => descendants.has(a.objectiveId)).length;
    const choice = await ask({
      title: `Delete “${o.title}”?`,
      body: [
        [
          below > 0 ? `This also deletes the ${below} item${below === 1 ? '' : 's'} beneath it` : '',
          links > 0 ? `${below > 0 ? ' and' : 'This also removes'} ${links} link${links === 1 ? '' : 's'} to services on the map` : '',
        ]
          .join('')
          .concat(below > 0 || links > 0 ? '.' : ''),
        'You can undo this with Ctrl+Z.',
      ].filter(Boolean),
      buttons: [
        { id: 'delete', label: 'Delete', kind: 'danger' },
        { id: 'cancel', label: 'Cancel', kind: 'secondary' },
      ],
      cancelId: 'cancel',
    });
    if (choice !== 'delete') return;
    const siblings = wb.objectives.filter((x) => x.parentId === o.parentId && x.id !== o.id);
    deleteObjective(o);
    const next = siblings[0]?.id ?? o.parentId;
    props.onSelect(next);
    showStatus(`Deleted “${o.title}”.`, { undoable: true });
    // Focus the item now selected in the tree, or the tree itself when nothing is left.
    focusSoon(
      () => (next ? document.getElementById(`tree-${next}`) : null),
      () => document.querySelector('[role="tree"] [role="treeitem"]'),
      () => document.querySelector('main h1'),
    );
  };

  const structural = (label: string, op: (draft: Workbook) => boolean, refused: string) => {
    showStatus(restructure(label, op) ? `${label}.` : refused);
  };

  return (
    <div id="objective-details" className="details-panel" aria-labelledby="objective-details-heading">
      <h2 id="objective-details-heading">
        {LEVEL_LABEL[o.level]}: {o.title}
      </h2>
      <TextField
        label="Title"
        required
        maxLength={500}
        value={o.title}
        validate={(v) => (v.trim() ? null : 'Enter a title')}
        onCommit={(v) => changeObjective(o, 'Rename', { title: v }, 'title')}
      />
      <div className="two-columns">
        <SelectField
          label="Level"
          value={o.level}
          options={[
            { value: 'theme', label: 'Theme', disabled: false },
            { value: 'objective', label: 'Objective' },
            { value: 'outcome', label: 'Outcome', disabled: !(o.parentId && findObjective(wb, o.parentId)?.level === 'objective') },
          ]}
          hint="Themes sit at the top; outcomes sit under an objective."
          onChange={makeLevel}
        />
        <SelectField
          label="Sits under"
          value={o.parentId ?? ''}
          options={parentOptions}
          onChange={(v) => moveUnder(o, v === '' ? null : v)}
        />
      </div>
      <div className="button-row" role="group" aria-label="Arrange">
        <button type="button" className="button button-secondary" onClick={() => structural('Move up', (d) => moveAmongSiblings(d, o.id, -1), 'Already first in its group.')}>
          Move up
        </button>
        <button type="button" className="button button-secondary" onClick={() => structural('Move down', (d) => moveAmongSiblings(d, o.id, 1), 'Already last in its group.')}>
          Move down
        </button>
        <button type="button" className="button button-secondary" onClick={() => structural('Indent', (d) => indentObjective(d, o.id), 'Cannot indent: nothing above it at this level can hold it.')}>
          Indent
        </button>
        <button type="button" className="button button-secondary" onClick={() => structural('Outdent', (d) => outdentObjective(d, o.id), 'Already at the top level.')}>
          Outdent
        </button>
        <button type="button" className="button button-secondary" onClick={() => setMerging(true)}>
          Merge…
        </button>
        <button type="button" className="button button-danger" onClick={() => void remove()}>
          Delete
        </button>
      </div>
      <TextField label="Description" multiline value={o.description} maxLength={20_000} onCommit={(v) => changeObjective(o, 'Change description', { description: v }, 'description')} />
      <SelectField
        label="Theme"
        value={o.themeRef}
        hint="Used to suggest which services contribute. Left unset, it is worked out from the words."
        options={[
          { value: '', label: inferred ? `Worked out from the words: ${inferred.name}` : 'Not set (no theme recognised)' },
          ...THEMES.map((t) => ({ value: t.id, label: t.name })),
        ]}
        onChange={(v) => changeObjective(o, 'Change theme', { themeRef: v })}
      />
      <fieldset className="field-group">
        <legend>Where it comes from</legend>
        <div className="two-columns">
          <TextField
            label="Plan or document"
            value={o.source?.document ?? ''}
            maxLength={500}
            onCommit={(v) => changeObjective(o, 'Change source', { source: { document: v, page: o.source?.page ?? '', url: o.source?.url ?? '' } }, 'source')}
          />
          <TextField
            label="Page"
            value={o.source?.page ?? ''}
            maxLength={500}
            onCommit={(v) => changeObjective(o, 'Change source page', { source: { document: o.source?.document ?? '', page: v, url: o.source?.url ?? '' } }, 'page')}
          />
        </div>
        <TextField
          label="Web address of the plan"
          value={o.source?.url ?? ''}
          maxLength={2000}
          validate={(v) => (WebUrl.safeParse(v).success ? null : 'Enter a web address starting with https://')}
          onCommit={(v) => changeObjective(o, 'Change source link', { source: { document: o.source?.document ?? '', page: o.source?.page ?? '', url: v } }, 'url')}
        />
      </fieldset>
      <KpiEditor objective={o} themeId={o.themeRef || inferred?.id || null} />
      <AttachedEvidence
        heading={`Evidence about this ${o.level}`}
        ids={o.evidenceIds}
        what={`“${o.title}”`}
        holder={{ kind: 'objective', objectiveId: o.id }}
      />
      {merging && (
        <Modal
          title={`Merge into “${o.title}”`}
          wide
          onClose={() => setMerging(false)}
          actions={
            <>
              <button
                type="button"
                className="button button-primary"
                disabled={mergeIds.length === 0}
                onClick={() => {
                  mergeInto(o, mergeIds);
                  showStatus(`Merged ${mergeIds.length} item${mergeIds.length === 1 ? '' : 's'} into “${o.title}”. Undo with Ctrl+Z.`);
                  setMergeIds([]);
                  setMerging(false);
                }}
              >
                Merge {mergeIds.length || ''}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setMerging(false)}>
                Cancel
              </button>
            </>
          }
        >
          <p>
            The items you tick are folded into “{o.title}”: their KPIs, evidence, links to services and anything beneath them move here, and
            they are removed.
          </p>
          <CheckboxGroup
            legend="Merge these"
            options={wb.objectives
              .filter((x) => x.id !== o.id && !objectiveWithDescendants(wb, x.id).has(o.id))
              .map((x) => ({ value: x.id, label: `${LEVEL_LABEL[x.level]}: ${x.title}` }))}
            selected={mergeIds}
            onChange={setMergeIds}
          />
        </Modal>
      )}
    </div>
  );
}
