/**
 * Closing the session well (WORKSHOPS.md §1.12–1.13, §5.F.21–22): every parking-lot item needs a disposition, and
 * the session needs its next steps (or the facilitator's reason there are none), before it can close; and actions without an owner or due date are flagged, because an action without
 * a named owner is far less likely to get done.
 */
import type { Action, ParkedItem, Workshop } from '../model/workbook-schema';
import { agreedProposals } from './walk-the-map';

export const DISPOSITIONS: Readonly<
  Record<ParkedItem['disposition'], { label: string; detailLabel: string }>
> = {
  open: { label: 'Not yet decided', detailLabel: 'Notes' },
  owner: { label: 'Owner takes it forward', detailLabel: 'Next step' },
  'future-agenda': { label: 'On a future agenda', detailLabel: 'Which meeting, and when' },
  dropped: { label: 'Dropped', detailLabel: 'Reason it was dropped' },
};

/** What a parked item still needs before it counts as dealt with; null when it is. */
export function dispositionProblem(item: ParkedItem): string | null {
  switch (item.disposition) {
    case 'open':
      return `“${item.text}” has no disposition: give it an owner, a future agenda, or drop it with a reason.`;
    case 'owner':
      if (!item.owner.trim()) return `“${item.text}” needs the name or role of its owner.`;
      if (!item.detail.trim()) return `“${item.text}” needs its next step.`;
      return null;
    case 'future-agenda':
      return item.detail.trim() ? null : `“${item.text}” needs the meeting it goes to, and when.`;
    case 'dropped':
      return item.detail.trim() ? null : `“${item.text}” needs the reason it was dropped.`;
  }
}

export function actionWarnings(action: Action): string[] {
  const warnings: string[] = [];
  if (!action.owner.trim()) warnings.push(`“${action.text}” has no owner.`);
  if (!action.due) warnings.push(`“${action.text}” has no due date.`);
  return warnings;
}

export interface CloseCheck {
  /** Things that stop the session closing. */
  readonly blocking: readonly string[];
  /** Things worth fixing first; the facilitator may close anyway. */
  readonly warnings: readonly string[];
}

export function closeCheck(w: Workshop): CloseCheck {
  const blocking = w.parkingLot.map(dispositionProblem).filter((p): p is string => p !== null);
  const warnings: string[] = [...w.actions.filter((a) => a.status === 'open').flatMap(actionWarnings)];
  for (const a of w.activities) {
    if (
      (a.kind === 'dot-vote' || a.kind === 'points') &&
      (a.ballots.length > 0 || (a.kind === 'dot-vote' && a.totals.length > 0)) &&
      !a.revealed
    )
      warnings.push(`The results of “${a.title}” have not been revealed to the room.`);
    if (a.kind === 'walk-the-map') {
      const open = a.proposals.length - agreedProposals(a).length;
      if (open > 0)
        warnings.push(
          `${open} ${open === 1 ? 'link' : 'links'} in “${a.title}” ${open === 1 ? 'was' : 'were'} proposed but not agreed; ${open === 1 ? 'it' : 'they'} will not go to the map.`,
        );
    }
  }
  if (!w.nextSteps.trim() && !w.noNextStepsReason.trim())
    blocking.push(
      'Say what happens next and when participants will hear back (it goes in the report), or record why there are no next steps.',
    );
  else if (w.nextSteps.trim() && !w.feedbackBy)
    warnings.push(
      'Say when participants will hear back: people who are told what came of their input stay engaged.',
    );
  return { blocking, warnings };
}
