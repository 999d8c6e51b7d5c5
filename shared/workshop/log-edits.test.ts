import { describe, expect, it } from 'vitest';
import { validateWorkbook } from '../model/workbook-format';
import {
  addAction,
  addDecision,
  changeAction,
  changeDecision,
  changeParkedItem,
  parkItem,
  removeAction,
  removeDecision,
  removeParkedItem,
} from './log-edits';
import { actionWarnings, closeCheck } from './session';
import { sampleWithWorkshop } from './test-workbook';

describe('the session’s logs', () => {
  it('parks an open item, cut to 500 characters, that must be dealt with before the session closes', () => {
    const { wb, w } = sampleWithWorkshop();
    const item = parkItem(w, 'x'.repeat(600));
    expect(item.id).toMatch(/^prk_/);
    expect(w.parkingLot).toEqual([
      { id: item.id, text: 'x'.repeat(500), disposition: 'open', detail: '', owner: '' },
    ]);
    expect(closeCheck(w).blocking.length).toBeGreaterThan(0);
    changeParkedItem(w, item.id, {
      disposition: 'owner',
      owner: 'Head of Libraries',
      detail: 'By the next board',
    });
    expect(w.parkingLot[0]).toMatchObject({ disposition: 'owner', owner: 'Head of Libraries' });
    const r = validateWorkbook(JSON.parse(JSON.stringify(wb)));
    expect(r.ok).toBe(true);
  });

  it('removes only the item named, and nothing when it is already gone', () => {
    const { w } = sampleWithWorkshop();
    const [a, b] = [parkItem(w, 'Wi-Fi in branches'), parkItem(w, 'Opening hours')];
    removeParkedItem(w, 'prk_gone');
    expect(w.parkingLot.map((p) => p.id)).toEqual([a.id, b.id]);
    removeParkedItem(w, a.id);
    expect(w.parkingLot.map((p) => p.id)).toEqual([b.id]);

    const d = addDecision(w, 'Lead on digital inclusion');
    addDecision(w, 'Review the home library service');
    removeDecision(w, 'dec_gone');
    expect(w.decisions).toHaveLength(2);
    removeDecision(w, d.id);
    expect(w.decisions.map((x) => x.text)).toEqual(['Review the home library service']);

    const act = addAction(w, 'Draft the business case');
    removeAction(w, 'acn_gone');
    removeAction(w, act.id);
    expect(w.actions).toEqual([]);
  });

  it('records a decision with its reasons and minority views', () => {
    const { w } = sampleWithWorkshop();
    const d = addDecision(w, 'Lead on digital inclusion');
    expect(d).toMatchObject({ rationale: '', method: '', result: '', decidedBy: '', dissent: '' });
    changeDecision(w, d.id, { method: 'Fist to five', dissent: 'Two wanted health first' });
    expect(w.decisions[0]).toMatchObject({
      text: 'Lead on digital inclusion',
      method: 'Fist to five',
      dissent: 'Two wanted health first',
    });
  });

  it('adds an action flagged until it has an owner and a due date', () => {
    const { w } = sampleWithWorkshop();
    const a = addAction(w, 'Draft the business case');
    expect(a).toMatchObject({ owner: '', due: null, status: 'open', objectiveId: null });
    expect(actionWarnings(w.actions[0]!).length).toBeGreaterThan(0);
    changeAction(w, a.id, { owner: 'Jo Patel', due: '2026-04-01' });
    expect(actionWarnings(w.actions[0]!)).toEqual([]);
  });
});
