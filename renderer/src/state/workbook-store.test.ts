import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorkbook } from '../../../shared/model/new-workbook';
import { COALESCE_MS, HISTORY_LIMIT, selectDirty, useWorkbookStore } from './workbook-store';

const store = () => useWorkbookStore.getState();
const doc = { docId: 'doc_1', path: '/tmp/a.awbook', fileName: 'a.awbook', readOnly: false, migratedFrom: null };

describe('workbook store', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    store().load(createWorkbook({ title: 'Start' }), null);
  });
  afterEach(() => vi.useRealTimers());

  it('is clean after loading, dirty after an edit, and clean again when the edit is undone', () => {
    expect(selectDirty(store())).toBe(false);
    store().edit('Rename', (wb) => void (wb.title = 'Changed'));
    expect(selectDirty(store())).toBe(true);
    expect(store().undo()).toBe('Rename');
    expect(store().workbook?.title).toBe('Start');
    expect(selectDirty(store())).toBe(false);
    expect(store().redo()).toBe('Rename');
    expect(store().workbook?.title).toBe('Changed');
  });

  it('ignores an edit that changes nothing', () => {
    expect(store().edit('Nothing', () => undefined)).toBe(false);
    expect(store().past).toHaveLength(0);
  });

  it('merges edits with the same key made close together into one undo step, but not after a pause', () => {
    for (const t of ['A', 'AB', 'ABC']) {
      store().edit('Rename', (wb) => void (wb.title = t), { coalesceKey: 'title' });
      vi.advanceTimersByTime(200);
    }
    expect(store().past).toHaveLength(1);
    vi.advanceTimersByTime(COALESCE_MS + 1);
    store().edit('Rename', (wb) => void (wb.title = 'ABCD'), { coalesceKey: 'title' });
    expect(store().past).toHaveLength(2);
    store().undo();
    expect(store().workbook?.title).toBe('ABC');
    store().undo();
    expect(store().workbook?.title).toBe('Start');
  });

  it('a new edit clears the redo list', () => {
    store().edit('One', (wb) => void (wb.title = 'One'));
    store().undo();
    store().edit('Two', (wb) => void (wb.title = 'Two'));
    expect(store().redo()).toBeNull();
  });

  it('keeps at most the history limit', () => {
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) store().edit(`Edit ${i}`, (wb) => void (wb.notes = String(i)));
    expect(store().past).toHaveLength(HISTORY_LIMIT);
    expect(store().past[0]?.label).toBe('Edit 20');
  });

  it('after a save, undo then redo lands back on the saved state (no unsaved marker)', () => {
    store().edit('Rename', (wb) => void (wb.title = 'Saved title'));
    const base = store().workbook!;
    const written = { ...base, modified: '2026-11-28T12:00:00.000Z' };
    store().markSaved(base, written, doc);
    expect(selectDirty(store())).toBe(false);
    expect(store().workbook).toBe(written);
    store().undo();
    expect(selectDirty(store())).toBe(true);
    store().redo();
    expect(selectDirty(store())).toBe(false);
  });

  it('an edit made while a save was in flight stays unsaved', () => {
    const base = store().workbook!;
    store().edit('Rename', (wb) => void (wb.title = 'During save'));
    store().markSaved(base, { ...base, modified: '2026-11-28T12:00:00.000Z' }, doc);
    expect(store().workbook?.title).toBe('During save');
    expect(selectDirty(store())).toBe(true);
  });

  it('recovered work loads as unsaved and keeps its recovery session id', () => {
    store().load(createWorkbook({ title: 'Recovered' }), null, { dirty: true, sessionId: 'sabc' });
    expect(selectDirty(store())).toBe(true);
    expect(store().sessionId).toBe('sabc');
  });
});
