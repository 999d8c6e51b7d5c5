/** Edits to one activity and to the parking lot go through the store as single undoable steps. */
import { beforeEach, describe, expect, it } from 'vitest';
import { loadSampleWorkbook } from '../../../../shared/samples/sample-workbook';
import { newActivity, newWorkshop } from '../../../../shared/workshop/operations';
import { useUiStore } from '../../state/ui-store';
import { useWorkbookStore } from '../../state/workbook-store';
import { editActivity, park } from './use-workshop';

const store = useWorkbookStore.getState;
const workshop = () => store().workbook!.workshops.find((w) => w.id === 'wks_test')!;

beforeEach(() => {
  const r = loadSampleWorkbook();
  if (!r.ok) throw new Error(r.error.message);
  store().load(r.value, null);
  store().edit('Plan a workshop', (wb) => {
    const w = { ...newWorkshop({ title: 'Test session', date: null }), id: 'wks_test' };
    w.activities = [
      { ...newActivity('ideas'), id: 'act_ideas' },
      { ...newActivity('two-by-two'), id: 'act_grid' },
    ];
    wb.workshops.push(w);
  });
});

describe('editActivity', () => {
  it('changes only the activity with that id and kind, as one undoable step', () => {
    const steps = store().past.length;
    expect(
      editActivity(
        'Rename the vertical axis',
        'wks_test',
        { id: 'act_grid', kind: 'two-by-two' },
        (g) => void (g.yAxis = 'Reach'),
      ),
    ).toBe(true);
    const grid = workshop().activities.find((a) => a.id === 'act_grid');
    expect(grid?.kind === 'two-by-two' && grid.yAxis).toBe('Reach');
    expect(store().past.length).toBe(steps + 1);
    expect(store().undo()).toBe('Rename the vertical axis');
  });

  it('does nothing when the activity is gone or is of another kind', () => {
    const before = store().workbook;
    let ran = false;
    expect(
      editActivity('Edit', 'wks_test', { id: 'act_missing', kind: 'ideas' }, () => void (ran = true)),
    ).toBe(false);
    expect(editActivity('Edit', 'wks_test', { id: 'act_grid', kind: 'ideas' }, () => void (ran = true))).toBe(
      false,
    );
    expect(
      editActivity('Edit', 'wks_gone', { id: 'act_ideas', kind: 'ideas' }, () => void (ran = true)),
    ).toBe(false);
    expect(ran).toBe(false);
    expect(store().workbook).toBe(before);
  });
});

describe('park', () => {
  it('adds an open item, cut to 500 characters, and says so', () => {
    park('Park a link for later', 'wks_test', 'x'.repeat(600));
    const [item] = workshop().parkingLot;
    expect(item).toMatchObject({ disposition: 'open', detail: '', owner: '' });
    expect(item!.text).toHaveLength(500);
    expect(item!.id).toMatch(/^prk_/);
    expect(store().undo()).toBe('Park a link for later');
    expect(workshop().parkingLot).toEqual([]);
    expect(useUiStore.getState().notices.map((n) => n.message)).toContain('Added to the parking lot.');
  });
});
