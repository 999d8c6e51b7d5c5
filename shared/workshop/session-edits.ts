/**
 * Running the session: one activity runs at a time, a tie re-vote runs straight after the vote it settles, and the
 * session closes with nothing left running. Each function mutates the workshop it is given (an immer draft in the
 * renderer, so one undoable step).
 */
import type { Activity, Workshop } from '../model/workbook-schema';

/** Starts an activity (again, if it was done); whatever else was running is done, and the session is under way. */
export function startActivity(w: Workshop, activityId: string): boolean {
  const a = w.activities.find((x) => x.id === activityId);
  if (!a) return false;
  for (const x of w.activities) if (x.status === 'running' && x.id !== activityId) x.status = 'done';
  a.status = 'running';
  if (w.status === 'planned') w.status = 'running';
  return true;
}

export function finishActivity(w: Workshop, activityId: string): boolean {
  const a = w.activities.find((x) => x.id === activityId);
  if (!a) return false;
  a.status = 'done';
  return true;
}

/**
 * Puts a re-vote on the agenda straight after the vote it settles, running: the tied vote is finished, and
 * anything else that was running is too.
 */
export function startRevote(w: Workshop, tiedVoteId: string, revote: Activity): boolean {
  const i = w.activities.findIndex((x) => x.id === tiedVoteId);
  if (i < 0) return false;
  for (const x of w.activities) if (x.status === 'running') x.status = 'done';
  w.activities.splice(i + 1, 0, { ...revote, status: 'running' });
  return true;
}

export function closeSession(w: Workshop): void {
  w.status = 'closed';
  for (const a of w.activities) if (a.status === 'running') a.status = 'done';
}

export function reopenSession(w: Workshop): void {
  w.status = 'running';
}
