import { describe, expect, it } from 'vitest';
import { newId } from '../model/ids';
import type { ParkedItem } from '../model/workbook-schema';
import { newActivity, newWorkshop } from './operations';
import { actionWarnings, closeCheck, dispositionProblem } from './session';
import type { DotVote } from './dot-vote';

const parked = (patch: Partial<ParkedItem>): ParkedItem => ({
  id: newId('parked'),
  text: 'Homelessness surgeries',
  disposition: 'open',
  detail: '',
  owner: '',
  ...patch,
});

describe('closing the session', () => {
  it('needs every parking-lot item disposed of: owner and next step, a future agenda, or dropped with a reason', () => {
    expect(dispositionProblem(parked({}))).toMatch(/has no disposition/);
    expect(dispositionProblem(parked({ disposition: 'owner', detail: 'Call the districts' }))).toMatch(
      /needs the name or role of its owner/,
    );
    expect(dispositionProblem(parked({ disposition: 'owner', owner: 'Area manager' }))).toMatch(
      /needs its next step/,
    );
    expect(
      dispositionProblem(
        parked({ disposition: 'owner', owner: 'Area manager', detail: 'Call the districts' }),
      ),
    ).toBeNull();
    expect(dispositionProblem(parked({ disposition: 'future-agenda' }))).toMatch(/needs the meeting/);
    expect(
      dispositionProblem(parked({ disposition: 'future-agenda', detail: 'Housing board, May' })),
    ).toBeNull();
    expect(dispositionProblem(parked({ disposition: 'dropped' }))).toMatch(/needs the reason/);
    expect(
      dispositionProblem(parked({ disposition: 'dropped', detail: 'Outside the library budget' })),
    ).toBeNull();
  });

  it('blocks closing on undisposed items and warns about actions without an owner or due date', () => {
    const w = newWorkshop({ title: 'T', date: '2026-03-10' });
    w.parkingLot.push(parked({}));
    w.actions.push({
      id: newId('action'),
      text: 'Ask the ICB for figures',
      owner: '',
      due: null,
      status: 'open',
      objectiveId: null,
      doneWhen: '',
    });
    w.actions.push({
      id: newId('action'),
      text: 'Done already',
      owner: '',
      due: null,
      status: 'done',
      objectiveId: null,
      doneWhen: '',
    });
    const check = closeCheck(w);
    expect(check.blocking).toEqual([
      expect.stringContaining('has no disposition'),
      'Say what happens next and when participants will hear back (it goes in the report), or record why there are no next steps.',
    ]);
    expect(check.warnings).toEqual([
      '“Ask the ICB for figures” has no owner.',
      '“Ask the ICB for figures” has no due date.',
    ]);
    w.parkingLot[0]!.disposition = 'dropped';
    w.parkingLot[0]!.detail = 'Out of scope';
    // The facilitator's reason for no next steps lets the session close.
    w.noNextStepsReason = 'A listening session only; the council replies in its consultation response.';
    expect(closeCheck(w).blocking).toEqual([]);
    w.noNextStepsReason = '';
    w.nextSteps = 'Report to cabinet in April.';
    expect(closeCheck(w).warnings).toContain(
      'Say when participants will hear back: people who are told what came of their input stay engaged.',
    );
    w.feedbackBy = '2026-04-30';
    w.actions[0]!.owner = 'Health lead';
    w.actions[0]!.due = '2026-04-30';
    expect(closeCheck(w)).toEqual({ blocking: [], warnings: [] });
    expect(actionWarnings(w.actions[0]!)).toEqual([]);
  });

  it('warns about results never revealed and links proposed but not agreed', () => {
    const w = newWorkshop({ title: 'T', date: null });
    w.nextSteps = 'x';
    w.feedbackBy = '2026-04-30';
    const v = newActivity('dot-vote') as DotVote;
    v.optionIds = ['a', 'b'];
    v.ballots.push({
      id: 'blt_1',
      participantId: null,
      sheet: null,
      allocations: [{ optionId: 'a', amount: 1 }],
    });
    w.activities.push(v);
    const walk = newActivity('walk-the-map');
    if (walk.kind === 'walk-the-map')
      walk.proposals.push({
        serviceId: 's',
        objectiveId: 'o',
        strength: 2,
        rationale: 'r',
        objections: '',
        agreed: false,
        confidence: 'medium',
      });
    w.activities.push(walk);
    expect(closeCheck(w).warnings).toEqual([
      `The results of “${v.title}” have not been revealed to the room.`,
      `1 link in “${walk.title}” was proposed but not agreed; it will not go to the map.`,
    ]);
  });
});
