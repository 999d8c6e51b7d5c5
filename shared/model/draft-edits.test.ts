/**
 * The document draft edits on the complete fixture: the first edit of a draft the workbook does not hold yet adds
 * it (and leaves the caller's copy alone), later edits change only the draft named, and the workbook still
 * validates, so it can be saved and reopened.
 */
import { readFileSync } from 'node:fs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { COMPLETE_WORKBOOK } from '../../tests/fixtures/fixtures';
import { baseDraftOn, changeDraft, setDraftAmount, setDraftMarking, setDraftPartner, setDraftPeriod, setDraftTitle } from './draft-edits';
import { parsePeriod } from './periods';
import { readWorkbookText, validateWorkbook } from './workbook-format';
import type { Draft, Workbook } from './workbook-schema';

function fixture(): Workbook {
  const read = readWorkbookText(readFileSync(COMPLETE_WORKBOOK, 'utf8'));
  if (!read.ok) throw new Error(read.error.message);
  return read.value.workbook;
}

function expectValid(wb: Workbook) {
  const checked = validateWorkbook(wb);
  expect(checked.ok ? [] : (checked.error.issues ?? [{ message: checked.error.message }])).toEqual([]);
}

const NOW = new Date('2026-12-07T10:00:00Z');

function unsaved(wb: Workbook, over: Partial<Draft> = {}): Draft {
  const first = wb.drafts[0]!;
  return {
    ...structuredClone(first),
    id: 'drf_unsaved00001',
    templateId: 'committee-report',
    title: 'Committee report',
    scope: { wholeService: false, serviceIds: [], objectiveIds: [], amount: null, period: { label: '', start: null, end: null } },
    basedOnDraftId: null,
    ...over,
  };
}

describe('changeDraft', () => {
  it('adds a draft the workbook does not hold with its first change, leaving the given draft as it was', () => {
    const wb = fixture();
    const pending = unsaved(wb);
    const next = produce(wb, (w) => changeDraft(w, pending, (d) => setDraftTitle(d, 'Report to Cabinet'), NOW));
    expect(next.drafts).toHaveLength(wb.drafts.length + 1);
    const added = next.drafts.find((d) => d.id === pending.id)!;
    expect(added.title).toBe('Report to Cabinet');
    expect(added.modified).toBe(NOW.toISOString());
    expect(pending.title).toBe('Committee report');
    expectValid(next);
  });

  it('changes only the draft named when the workbook holds it', () => {
    const wb = fixture();
    const stored = wb.drafts[0]!;
    const next = produce(wb, (w) => changeDraft(w, stored, (d) => setDraftMarking(d, 'OFFICIAL-SENSITIVE'), NOW));
    expect(next.drafts).toHaveLength(wb.drafts.length);
    expect(next.drafts[0]!.protectiveMarking).toBe('OFFICIAL-SENSITIVE');
    expect(next.drafts[0]!.modified).toBe(NOW.toISOString());
    expectValid(next);
  });
});

describe('draft fields', () => {
  it('sets and clears the partner, the sum asked for and its period', () => {
    const wb = fixture();
    const stored = wb.drafts[0]!;
    const partnerId = wb.partners[0]!.id;
    const set = produce(wb, (w) =>
      changeDraft(w, stored, (d) => {
        setDraftPartner(d, partnerId);
        setDraftAmount(d, 85_000);
        setDraftPeriod(d, parsePeriod('2026/27'));
      }),
    );
    expect(set.drafts[0]!.partnerId).toBe(partnerId);
    expect(set.drafts[0]!.scope.amount).toBe(85_000);
    expect(set.drafts[0]!.scope.period.label).toBe('2026/27');
    expectValid(set);
    const cleared = produce(set, (w) => changeDraft(w, stored, (d) => void (setDraftPartner(d, null), setDraftAmount(d, null))));
    expect(cleared.drafts[0]!.partnerId).toBeNull();
    expect(cleared.drafts[0]!.scope.amount).toBeNull();
  });

  it('a report based on a business case takes its scope when it has none of its own, and keeps its own otherwise', () => {
    const wb = fixture();
    const basis = produce(wb.drafts[0]!, (d) => {
      d.scope = { ...d.scope, wholeService: false, serviceIds: [wb.services[0]!.id], objectiveIds: [wb.objectives[0]!.id] };
    });
    const empty = unsaved(wb);
    const based = produce(empty, (d) => baseDraftOn(d, basis));
    expect(based.basedOnDraftId).toBe(basis.id);
    expect(based.scope.serviceIds).toEqual([wb.services[0]!.id]);
    expect(based.scope.objectiveIds).toEqual([wb.objectives[0]!.id]);

    const own = unsaved(wb, { scope: { ...empty.scope, serviceIds: [wb.services[1]!.id] } });
    const kept = produce(own, (d) => baseDraftOn(d, basis));
    expect(kept.scope.serviceIds).toEqual([wb.services[1]!.id]);

    const cleared = produce(based, (d) => baseDraftOn(d, null));
    expect(cleared.basedOnDraftId).toBeNull();
    expect(cleared.scope.serviceIds).toEqual([wb.services[0]!.id]);
  });
});
