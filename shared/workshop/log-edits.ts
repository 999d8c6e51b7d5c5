/**
 * The session's logs: the parking lot, the decisions and the actions. Each function mutates the workshop it is
 * given (an immer draft in the renderer, so one undoable step); text is cut to the schema's 500 characters.
 */
import { newId } from '../model/ids';
import type { Action, Decision, ParkedItem, Workshop } from '../model/workbook-schema';

function removeById<T extends { id: string }>(list: T[], id: string): void {
  const i = list.findIndex((x) => x.id === id);
  if (i >= 0) list.splice(i, 1);
}

/** Parks an open item, with no disposition yet. */
export function parkItem(w: Workshop, text: string): ParkedItem {
  const item: ParkedItem = {
    id: newId('parked'),
    text: text.slice(0, 500),
    disposition: 'open',
    detail: '',
    owner: '',
  };
  w.parkingLot.push(item);
  return item;
}

export function changeParkedItem(
  w: Workshop,
  itemId: string,
  patch: Partial<Pick<ParkedItem, 'text' | 'disposition' | 'detail' | 'owner'>>,
): void {
  const p = w.parkingLot.find((x) => x.id === itemId);
  if (p) Object.assign(p, patch);
}

export function removeParkedItem(w: Workshop, itemId: string): void {
  removeById(w.parkingLot, itemId);
}

export function addDecision(w: Workshop, text: string): Decision {
  const d: Decision = {
    id: newId('decision'),
    text: text.slice(0, 500),
    rationale: '',
    method: '',
    result: '',
    decidedBy: '',
    dissent: '',
  };
  w.decisions.push(d);
  return d;
}

export function changeDecision(w: Workshop, decisionId: string, patch: Partial<Omit<Decision, 'id'>>): void {
  const d = w.decisions.find((x) => x.id === decisionId);
  if (d) Object.assign(d, patch);
}

export function removeDecision(w: Workshop, decisionId: string): void {
  removeById(w.decisions, decisionId);
}

/** Adds an open action with no owner or due date yet (the logs flag both until they are given). */
export function addAction(w: Workshop, text: string): Action {
  const a: Action = {
    id: newId('action'),
    text: text.slice(0, 500),
    owner: '',
    due: null,
    status: 'open',
    objectiveId: null,
    doneWhen: '',
  };
  w.actions.push(a);
  return a;
}

export function changeAction(w: Workshop, actionId: string, patch: Partial<Omit<Action, 'id'>>): void {
  const a = w.actions.find((x) => x.id === actionId);
  if (a) Object.assign(a, patch);
}

export function removeAction(w: Workshop, actionId: string): void {
  removeById(w.actions, actionId);
}
