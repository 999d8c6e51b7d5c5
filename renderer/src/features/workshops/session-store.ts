/**
 * The live session around a workshop: which workshop and activity the console is on, what the room sees (the
 * presenter view, the hold screen), the activity timer and the sound. None of this is workbook data: it is
 * neither saved nor undoable. Everything the room decides goes into the workbook through edit().
 */
import { create } from 'zustand';
import type { PresenterView } from '../../../../shared/workshop/presenter';
import type { TransferResult } from '../../../../shared/workshop/transfer';
import {
  extend,
  milestonesBetween,
  milestoneText,
  newTimer,
  pause,
  remainingMs,
  reset,
  start,
  type TimerState,
} from '../../../../shared/workshop/timer';
import { playChime, primeAudio } from './chime';

export type WorkshopTab = 'plan' | 'run' | 'results';

export interface SessionState {
  workshopId: string | null;
  tab: WorkshopTab;
  activityId: string | null;
  /** What the projector shows. */
  view: PresenterView;
  held: boolean;
  presenterOpen: boolean;
  timer: TimerState | null;
  timerLabel: string;
  /** The activity the timer was set for ('' for the workshop as a whole): titles can repeat, ids cannot. */
  timerFor: string;
  muted: boolean;
  /** Single-key shortcuts on the console (B: hold screen); they can be turned off (WCAG 2.1.4). */
  singleKeys: boolean;
  /** Presenter type size from the room set-up, in CSS px at 1080 lines; 0 for the default. */
  fontPx: number;
  /** What each transfer into the workbook last changed, by transfer, for as long as the workshop is selected. */
  transfers: Readonly<Record<string, TransferResult>>;
  /** The latest milestone or stage change, for the polite live region. */
  announcement: { text: string; at: number };
  select(workshopId: string | null): void;
  setTab(tab: WorkshopTab): void;
  setActivity(activityId: string | null): void;
  show(view: PresenterView): void;
  setHeld(held: boolean): void;
  announce(text: string): void;
  setTimer(minutes: number, label: string, forId: string): void;
  startTimer(): void;
  pauseTimer(): void;
  extendTimer(minutes: number): void;
  resetTimer(): void;
  set(patch: Partial<Pick<SessionState, 'muted' | 'singleKeys' | 'fontPx' | 'presenterOpen'>>): void;
  recordTransfer(id: string, result: TransferResult): void;
}

let ticker: ReturnType<typeof setInterval> | null = null;
let lastRemaining: number | null = null;

export const useSessionStore = create<SessionState>()((set, get) => {
  const stopTicker = () => {
    if (ticker) clearInterval(ticker);
    ticker = null;
  };
  // Milestones are checked a few times a second but announced once each; the timer only advises and never
  // stops anyone typing or voting.
  const tick = () => {
    const t = get().timer;
    if (!t) return stopTicker();
    const left = remainingMs(t, Date.now());
    if (lastRemaining !== null) {
      for (const m of milestonesBetween(lastRemaining, left)) {
        get().announce(milestoneText(m, t));
        if (m === 'time-up' && !get().muted) playChime();
      }
    }
    lastRemaining = left;
  };
  const startTicker = () => {
    stopTicker();
    lastRemaining = null;
    tick();
    ticker = setInterval(tick, 250);
  };
  return {
    workshopId: null,
    tab: 'plan',
    activityId: null,
    view: { screen: 'welcome' },
    held: false,
    presenterOpen: false,
    timer: null,
    timerLabel: '',
    timerFor: '',
    muted: false,
    singleKeys: true,
    fontPx: 0,
    transfers: {},
    announcement: { text: '', at: 0 },
    select: (workshopId) => {
      if (workshopId === get().workshopId) return;
      stopTicker();
      set({
        workshopId,
        activityId: null,
        view: { screen: 'welcome' },
        held: false,
        timer: null,
        timerLabel: '',
        timerFor: '',
        transfers: {},
      });
    },
    setTab: (tab) => set({ tab }),
    setActivity: (activityId) => set({ activityId }),
    show: (view) => set({ view }),
    setHeld: (held) => {
      set({ held });
      get().announce(
        held ? 'The screen is on hold: the room sees a blank screen.' : 'The screen is showing again.',
      );
    },
    announce: (text) => set({ announcement: { text, at: Date.now() } }),
    setTimer: (minutes, label, forId) => {
      stopTicker();
      set({ timer: newTimer(minutes), timerLabel: label, timerFor: forId });
    },
    startTimer: () => {
      const t = get().timer;
      if (!t) return;
      primeAudio();
      const started = start(t, Date.now());
      set({ timer: started });
      get().announce(milestoneText('start', started));
      startTicker();
    },
    pauseTimer: () => {
      const t = get().timer;
      if (!t) return;
      stopTicker();
      set({ timer: pause(t, Date.now()) });
      get().announce('Timer paused.');
    },
    extendTimer: (minutes) => {
      const t = get().timer;
      if (!t) return;
      set({ timer: extend(t, minutes * 60_000, Date.now()) });
      lastRemaining = null;
      get().announce(`${minutes === 1 ? 'One minute' : `${minutes} minutes`} added.`);
    },
    resetTimer: () => {
      const t = get().timer;
      if (!t) return;
      stopTicker();
      set({ timer: reset(t) });
    },
    set: (patch) => set(patch),
    recordTransfer: (id, result) => set((s) => ({ transfers: { ...s.transfers, [id]: result } })),
  };
});
