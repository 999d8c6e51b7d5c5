/**
 * Interface state that is not part of the workbook: the current step, the question being asked in a dialog,
 * and messages for the officer. Nothing here is saved or undoable.
 */
import { create } from 'zustand';
import type { AppError } from '../../../shared/result';

export interface DialogButton<T extends string> {
  readonly id: T;
  readonly label: string;
  readonly kind?: 'primary' | 'danger' | 'secondary';
}

export interface DialogRequest {
  readonly title: string;
  readonly body: ReadonlyArray<string>;
  readonly buttons: ReadonlyArray<DialogButton<string>>;
  /** The button Escape chooses. */
  readonly cancelId: string;
  readonly resolve: (id: string) => void;
}

export interface Notice {
  readonly id: number;
  readonly kind: 'error' | 'status';
  readonly message: string;
  readonly details?: ReadonlyArray<string>;
  /** The message reports an edit that Undo reverses, so the notice offers an Undo button. */
  readonly undoable?: boolean;
  /** Kept by the officer (or paused while pointed at or focused): it stays until dismissed. */
  readonly kept?: boolean;
}

export type Overlay = 'about' | 'preferences' | 'find' | null;

/** Something to show and select when a step opens (from Find, or a link in the Review step). */
export interface FocusRequest {
  readonly kind: 'objective' | 'service' | 'evidence' | 'partner' | 'link';
  readonly id: string;
  readonly step: string;
}

interface UiState {
  step: string;
  dialog: DialogRequest | null;
  notices: ReadonlyArray<Notice>;
  overlay: Overlay;
  focusRequest: FocusRequest | null;
  /** Counts focus requests, so asking again for the item already shown still reopens it (Find, twice). */
  focusSeq: number;
  setStep(step: string): void;
  /** Opens a step with an item selected. */
  goTo(request: FocusRequest): void;
  setOverlay(overlay: Overlay): void;
  dismiss(id: number): void;
}

let nextNoticeId = 1;

export const useUiStore = create<UiState>()((set) => ({
  step: 'start',
  dialog: null,
  notices: [],
  overlay: null,
  focusRequest: null,
  focusSeq: 0,
  // A notice belongs to the step that raised it; it does not follow the officer to the next one.
  setStep: (step) => set((s) => ({ step, focusRequest: null, notices: s.step === step ? s.notices : [] })),
  goTo: (request) => set((s) => ({ step: request.step, focusRequest: request, focusSeq: s.focusSeq + 1 })),
  setOverlay: (overlay) => set({ overlay }),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

/** Asks the officer a question in a modal dialog and resolves with the chosen button's id. */
export function ask<T extends string>(request: {
  title: string;
  body: ReadonlyArray<string>;
  buttons: ReadonlyArray<DialogButton<T>>;
  cancelId: T;
}): Promise<T> {
  return new Promise<T>((resolve) => {
    useUiStore.setState({
      dialog: {
        ...request,
        resolve: (id) => {
          useUiStore.setState({ dialog: null });
          resolve(id as T);
        },
      },
    });
  });
}

export function showError(error: AppError | string): void {
  const notice: Notice =
    typeof error === 'string'
      ? { id: nextNoticeId++, kind: 'error', message: error }
      : {
          id: nextNoticeId++,
          kind: 'error',
          message: error.message,
          ...(error.issues && error.issues.length > 1 ? { details: error.issues.map((i) => `${i.path}: ${i.message}`) } : {}),
        };
  useUiStore.setState((s) => ({ notices: [...s.notices.filter((n) => n.kind === 'error').slice(-2), notice] }));
}

const STATUS_SECONDS = 8;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function startTimer(id: number): void {
  clearTimeout(timers.get(id));
  timers.set(
    id,
    setTimeout(() => {
      timers.delete(id);
      useUiStore.getState().dismiss(id);
    }, STATUS_SECONDS * 1000),
  );
}

/**
 * A short confirmation ("Saved"), announced politely and cleared after a few seconds. The officer can stop
 * the clock (WCAG 2.2.1): it pauses while the notice is pointed at or has focus, and "Keep" holds it.
 */
export function showStatus(message: string, options: { undoable?: boolean } = {}): void {
  const notice: Notice = { id: nextNoticeId++, kind: 'status', message, ...(options.undoable ? { undoable: true } : {}) };
  useUiStore.setState((s) => ({ notices: [...s.notices.filter((n) => n.kind === 'error'), notice] }));
  startTimer(notice.id);
}

/** Stops a confirmation's clock: "Keep", or while the officer reads it (pointer or focus on it). */
export function holdNotice(id: number, keep: boolean): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
  if (keep) useUiStore.setState((s) => ({ notices: s.notices.map((n) => (n.id === id ? { ...n, kept: true } : n)) }));
}

/** Restarts a paused confirmation's clock, unless the officer chose to keep it. */
export function releaseNotice(id: number): void {
  const n = useUiStore.getState().notices.find((x) => x.id === id);
  if (n && !n.kept) startTimer(id);
}
