/**
 * Transfers through the app's own store: each is one undoable step, undo puts the workbook back exactly, and the
 * workbook is valid at every point (as saving would check it).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { validateWorkbook } from '../../../../shared/model/workbook-format';
import type { Workbook } from '../../../../shared/model/workbook-schema';
import { loadSampleWorkbook } from '../../../../shared/samples/sample-workbook';
import { newActivity, newWorkshop, openVoting, recordBallot, reveal } from '../../../../shared/workshop/operations';
import { transferAgreedLinks, transferPriorities, type TransferResult } from '../../../../shared/workshop/transfer';
import { propose, setAgreed } from '../../../../shared/workshop/walk-the-map';
import { useWorkbookStore } from '../../state/workbook-store';

function valid(wb: Workbook | null) {
  const r = validateWorkbook(JSON.parse(JSON.stringify(wb)));
  expect(r.ok ? [] : (r.error.issues ?? [r.error.message])).toEqual([]);
}

let workshopId = '';
beforeEach(() => {
  const r = loadSampleWorkbook();
  if (!r.ok) throw new Error(r.error.message);
  useWorkbookStore.getState().load(r.value, null);
  const store = useWorkbookStore.getState();
  store.edit('Plan a workshop', (wb) => {
    const w = { ...newWorkshop({ title: 'Test session', date: '2026-03-10' }), id: 'wks_test' };
    const walk = newActivity('walk-the-map');
    const vote = newActivity('dot-vote');
    if (walk.kind !== 'walk-the-map' || vote.kind !== 'dot-vote') throw new Error('kinds');
    propose(walk, wb as Workbook, 'svc_nsc_wifi', 'obj_nsc_o33_digital', { strength: 3, rationale: 'Free Wi-Fi everywhere' });
    setAgreed(walk, 'svc_nsc_wifi', 'obj_nsc_o33_digital', true);
    vote.optionIds = ['svc_nsc_wifi', 'svc_nsc_bipc'];
    openVoting(vote);
    recordBallot(vote, w, [{ optionId: 'svc_nsc_wifi', amount: 2 }], null);
    reveal(vote);
    w.activities = [walk, vote];
    wb.workshops.push(w);
  });
  workshopId = 'wks_test';
});

describe('transfers in the store', () => {
  it('are one undoable step each, and undo restores the workbook exactly', () => {
    const store = useWorkbookStore.getState;
    const before = store().workbook!;
    const steps = store().past.length;
    let result: TransferResult = { changes: [], skipped: [] };
    store().edit('Put the agreed links on the map', (wb) => {
      result = transferAgreedLinks(wb as Workbook, workshopId, '2026-03-11');
    });
    expect(result.changes).toHaveLength(1);
    expect(store().past.length).toBe(steps + 1);
    const after = store().workbook!;
    expect(after.alignments.find((l) => l.serviceId === 'svc_nsc_wifi' && l.objectiveId === 'obj_nsc_o33_digital')?.provenance.note).toBe('agreed at Test session on 10 March 2026');
    valid(after);

    const vote = after.workshops.find((w) => w.id === workshopId)!.activities[1]!;
    store().edit('Set priorities', (wb) => void transferPriorities(wb as Workbook, workshopId, vote.id, '2026-03-11'));
    expect(store().workbook!.services.find((s) => s.id === 'svc_nsc_wifi')!.priority?.score).toBe(2);
    valid(store().workbook);

    expect(store().undo()).toBe('Set priorities');
    expect(store().workbook).toBe(after);
    expect(store().undo()).toBe('Put the agreed links on the map');
    expect(store().workbook).toBe(before);
    valid(store().workbook);
    expect(store().redo()).toBe('Put the agreed links on the map');
    expect(store().workbook).toBe(after);
  });
});
