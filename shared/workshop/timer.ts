/**
 * The activity timer as pure state over a clock the caller passes in (WORKSHOPS.md §1.11, §5.E.18). It only
 * advises: nothing in the app stops input when it runs out. Screen readers hear the milestones (start, one
 * minute left, time up), not every second.
 */

export interface TimerState {
  /** The timebox as set, extensions included. */
  readonly durationMs: number;
  /** Time left when last paused or set; while running, time left at `startedAt`. */
  readonly remainingAtStartMs: number;
  /** Clock time the current run started, or null while paused or not started. */
  readonly startedAt: number | null;
}

export type TimerMilestone = 'start' | 'one-minute' | 'time-up';

export const ONE_MINUTE_MS = 60_000;

export function newTimer(minutes: number): TimerState {
  const ms = Math.max(0, Math.round(minutes * ONE_MINUTE_MS));
  return { durationMs: ms, remainingAtStartMs: ms, startedAt: null };
}

/** Milliseconds left; negative once the time is up (the overrun is shown, not hidden). */
export function remainingMs(t: TimerState, now: number): number {
  return t.startedAt === null ? t.remainingAtStartMs : t.remainingAtStartMs - (now - t.startedAt);
}

export function isRunning(t: TimerState): boolean {
  return t.startedAt !== null;
}

export function start(t: TimerState, now: number): TimerState {
  return t.startedAt !== null ? t : { ...t, startedAt: now };
}

export function pause(t: TimerState, now: number): TimerState {
  return t.startedAt === null ? t : { ...t, remainingAtStartMs: remainingMs(t, now), startedAt: null };
}

/**
 * Adds time (a minute, or N). An overrun timer that is extended starts from what was added, not from the
 * overrun, since an extension is agreed as a new timebox.
 */
export function extend(t: TimerState, ms: number, now: number): TimerState {
  const left = remainingMs(t, now);
  const base = Math.max(0, left);
  return {
    durationMs: t.durationMs + ms + Math.max(0, -left),
    remainingAtStartMs: base + ms,
    startedAt: t.startedAt === null ? null : now,
  };
}

export function reset(t: TimerState): TimerState {
  return { durationMs: t.durationMs, remainingAtStartMs: t.durationMs, startedAt: null };
}

/** Milestones passed going from `before` to `after` milliseconds left (both from remainingMs). */
export function milestonesBetween(before: number, after: number): TimerMilestone[] {
  const out: TimerMilestone[] = [];
  if (before > ONE_MINUTE_MS && after <= ONE_MINUTE_MS && after > 0) out.push('one-minute');
  if (before > 0 && after <= 0) out.push('time-up');
  return out;
}

export type TimerPhase = 'idle' | 'running' | 'warning' | 'over' | 'paused';

/** Warning state from one minute left (shown in words as well as colour). */
export function phaseOf(t: TimerState, now: number): TimerPhase {
  const left = remainingMs(t, now);
  if (t.startedAt === null) return left === t.durationMs ? 'idle' : left <= 0 ? 'over' : 'paused';
  if (left <= 0) return 'over';
  return left <= ONE_MINUTE_MS ? 'warning' : 'running';
}

/** "4:05", "0:59", "−1:20" for an overrun. Seconds round up so "0:00" appears only at time up. */
export function formatClock(ms: number): string {
  const negative = ms < 0;
  const total = negative ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${negative ? '−' : ''}${m}:${String(s).padStart(2, '0')}`;
}

/** Words for announcements: "Timer started: 10 minutes.", "One minute left.", "Time is up." */
export function milestoneText(m: TimerMilestone, t: TimerState): string {
  switch (m) {
    case 'start': {
      const minutes = Math.round(t.remainingAtStartMs / ONE_MINUTE_MS);
      return minutes >= 1
        ? `Timer started: ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`
        : 'Timer started: less than a minute.';
    }
    case 'one-minute':
      return 'One minute left.';
    case 'time-up':
      return 'Time is up.';
  }
}
