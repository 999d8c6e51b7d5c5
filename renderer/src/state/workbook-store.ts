/**
 * The open workbook and its undo history. Every change to the workbook goes through edit(), so everything is
 * undoable; immer gives structural sharing, so a history entry costs only what changed. "Unsaved" is derived:
 * the workbook is dirty when it is not the object that was last saved or opened.
 */
import { produce, type Draft } from 'immer';
import { create } from 'zustand';
import type { OpenDoc } from '../../../shared/ipc/contract';
import type { Workbook } from '../../../shared/model/workbook-schema';

export const HISTORY_LIMIT = 200;
/** Edits with the same key this close together merge into one undo step (typing a title). */
export const COALESCE_MS = 1500;

interface HistoryEntry {
  readonly label: string;
  readonly before: Workbook;
  after: Workbook;
  readonly coalesceKey: string | null;
  at: number;
}

export interface WorkbookState {
  readonly workbook: Workbook | null;
  /** The workbook as last saved or opened; null for recovered work that has never been saved. */
  readonly savedWorkbook: Workbook | null;
  readonly doc: OpenDoc | null;
  /** Names this editing session's recovery snapshot. */
  readonly sessionId: string;
  readonly past: readonly HistoryEntry[];
  readonly future: readonly HistoryEntry[];

  /** Applies a change as one undoable step. Returns false when the recipe changed nothing. */
  edit(label: string, recipe: (draft: Draft<Workbook>) => void, options?: { coalesceKey?: string }): boolean;
  undo(): string | null;
  redo(): string | null;
  /** Replaces the workbook with a freshly opened, created or recovered one, with empty history. */
  load(workbook: Workbook, doc: OpenDoc | null, options?: { dirty?: boolean; sessionId?: string }): void;
  /**
   * Records a successful save of `base`, written to disk as `saved` (the same with a new modified time).
   * Edits made while the save was in flight stay, and stay unsaved.
   */
  markSaved(base: Workbook, saved: Workbook, doc: OpenDoc): void;
  clear(): void;
}

export function newSessionId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return `s${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export const useWorkbookStore = create<WorkbookState>()((set, get) => ({
  workbook: null,
  savedWorkbook: null,
  doc: null,
  sessionId: newSessionId(),
  past: [],
  future: [],

  edit(label, recipe, options) {
    const current = get().workbook;
    if (!current) return false;
    const next = produce(current, recipe);
    if (next === current) return false;
    const now = Date.now();
    const key = options?.coalesceKey ?? null;
    const past = get().past;
    const last = past[past.length - 1];
    if (key !== null && last && last.coalesceKey === key && now - last.at < COALESCE_MS && get().future.length === 0) {
      const merged = { ...last, after: next, at: now };
      set({ workbook: next, past: [...past.slice(0, -1), merged] });
    } else {
      const entry: HistoryEntry = { label, before: current, after: next, coalesceKey: key, at: now };
      set({ workbook: next, past: [...past, entry].slice(-HISTORY_LIMIT), future: [] });
    }
    return true;
  },

  undo() {
    const { past, future } = get();
    const entry = past[past.length - 1];
    if (!entry) return null;
    set({ workbook: entry.before, past: past.slice(0, -1), future: [entry, ...future] });
    return entry.label;
  },

  redo() {
    const { past, future } = get();
    const entry = future[0];
    if (!entry) return null;
    // A redone step never merges with the next edit.
    set({ workbook: entry.after, past: [...past, { ...entry, at: 0 }], future: future.slice(1) });
    return entry.label;
  },

  load(workbook, doc, options) {
    set({
      workbook,
      savedWorkbook: options?.dirty ? null : workbook,
      doc,
      sessionId: options?.sessionId ?? newSessionId(),
      past: [],
      future: [],
    });
  },

  markSaved(base, saved, doc) {
    const { workbook, past } = get();
    // Keep history pointing at the saved copy so undoing to it and redoing count as "saved".
    const patched = past.map((e) => (e.after === base ? { ...e, after: saved } : e.before === base ? { ...e, before: saved } : e));
    if (workbook === base) set({ workbook: saved, savedWorkbook: saved, doc, past: patched });
    else set({ savedWorkbook: saved, doc, past: patched });
  },

  clear() {
    set({ workbook: null, savedWorkbook: null, doc: null, past: [], future: [], sessionId: newSessionId() });
  },
}));

export const selectDirty = (s: WorkbookState): boolean => s.workbook !== null && s.workbook !== s.savedWorkbook;

/** What the title bar and dialogs call the document: its file name, or its title when never saved. */
export function documentName(s: Pick<WorkbookState, 'workbook' | 'doc'>): string {
  if (s.doc) return s.doc.fileName;
  return s.workbook?.title ?? 'Alignment Workbench';
}

/** A stable empty list for selectors, so "no workbook" does not make a new array on every render. */
export const NONE: readonly never[] = Object.freeze([]);

/** The store's edit() for feature command modules, which run outside React components. */
export const editWorkbook: WorkbookState['edit'] = (label, recipe, options) => useWorkbookStore.getState().edit(label, recipe, options);
