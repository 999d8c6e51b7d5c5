import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { newId } from '../model/ids';
import { removeService } from '../model/operations';
import { validateWorkbook } from '../model/workbook-format';
import type { Activity, Idea, Workbook } from '../model/workbook-schema';
import type { DotVote } from './dot-vote';
import { newActivity, openVoting, recordBallot, reveal } from './operations';
import { previewTransfer, transferAgreedLinks, transferIdeas, transferPriorities } from './transfer';
import { propose, setAgreed, type WalkTheMap } from './walk-the-map';
import { sampleWithWorkshop } from './test-workbook';

const TODAY = '2026-03-11';

function valid(wb: Workbook) {
  const r = validateWorkbook(JSON.parse(JSON.stringify(wb)));
  expect(r.ok ? [] : (r.error.issues ?? [r.error.message])).toEqual([]);
}

/** As the renderer's store does it: one immer edit; undo is keeping the object from before. */
function edit<T>(wb: Workbook, run: (draft: Workbook) => T): { after: Workbook; result: T } {
  let result: T | undefined;
  const after = produce(wb, (d) => {
    result = run(d as Workbook);
  });
  return { after, result: result as T };
}

function walkSession() {
  const { wb, w } = sampleWithWorkshop();
  const walk = newActivity('walk-the-map') as WalkTheMap;
  w.activities.push(walk);
  // A new link, a changed link, one left unagreed.
  propose(walk, wb, 'svc_nsc_library_of_things', 'obj_nsc_o51_net_zero', {
    strength: 2,
    rationale: 'Lending tools and equipment cuts household consumption.',
    objections: 'One councillor doubts the scale.',
  });
  setAgreed(walk, 'svc_nsc_library_of_things', 'obj_nsc_o51_net_zero', true);
  propose(walk, wb, 'svc_nsc_reading_well', 'obj_nsc_o11_wellbeing', { strength: 2, confidence: 'low' });
  setAgreed(walk, 'svc_nsc_reading_well', 'obj_nsc_o11_wellbeing', true);
  propose(walk, wb, 'svc_nsc_wifi', 'obj_nsc_o53_homelessness', { strength: 1, rationale: 'Maybe' });
  return { wb: Object.freeze(wb) as Workbook, workshopId: w.id, walkId: walk.id };
}

describe('agreed links to the map', () => {
  it('adds and updates only agreed links, with workshop provenance, and says what changed before and after', () => {
    const { wb, workshopId } = walkSession();
    const { after, result } = edit(wb, (d) => transferAgreedLinks(d, workshopId, TODAY));
    expect(result.changes.map((c) => [c.kind, c.subject, c.before])).toEqual([
      [
        'link-added',
        'Library of Things and lending of non-book items → Reach net zero in council operations by 2030 and help communities take climate action',
        null,
      ],
      [
        'link-updated',
        'Reading Well books on prescription → Improve mental wellbeing and narrow the gap in healthy life expectancy',
        '● Strong, high confidence (from a workshop)',
      ],
    ]);
    expect(result.changes[0]!.after).toBe(
      '○ Medium, medium confidence: agreed at Partners’ mapping workshop on 10 March 2026',
    );
    const link = after.alignments.find(
      (l) => l.serviceId === 'svc_nsc_library_of_things' && l.objectiveId === 'obj_nsc_o51_net_zero',
    )!;
    expect(link).toMatchObject({
      strength: 2,
      rationale: 'Lending tools and equipment cuts household consumption.',
      provenance: {
        kind: 'workshop',
        workshopId,
        date: '2026-03-10',
        by: 'Jo Patel',
        note: 'agreed at Partners’ mapping workshop on 10 March 2026',
      },
    });
    const updated = after.alignments.find(
      (l) => l.serviceId === 'svc_nsc_reading_well' && l.objectiveId === 'obj_nsc_o11_wellbeing',
    )!;
    expect(updated).toMatchObject({ strength: 2, confidence: 'low' });
    // Evidence and KPIs on the existing link are kept.
    expect(updated.evidenceIds).toEqual(['evd_lib_reading_well_reach', 'evd_lib_reading_well_2']);
    expect(
      after.alignments.some(
        (l) => l.serviceId === 'svc_nsc_wifi' && l.objectiveId === 'obj_nsc_o53_homelessness',
      ),
    ).toBe(false);
    valid(after);
    // Undo: the workbook from before is untouched.
    expect(
      wb.alignments.find(
        (l) => l.serviceId === 'svc_nsc_library_of_things' && l.objectiveId === 'obj_nsc_o51_net_zero',
      ),
    ).toBeUndefined();
    valid(wb);
  });

  it('previews without changing anything, and a second transfer changes nothing', () => {
    const { wb, workshopId } = walkSession();
    const preview = previewTransfer(wb, (d) => transferAgreedLinks(d, workshopId, TODAY));
    expect(preview.changes).toHaveLength(2);
    const { after } = edit(wb, (d) => transferAgreedLinks(d, workshopId, TODAY));
    const again = edit(after, (d) => transferAgreedLinks(d, workshopId, TODAY));
    expect(again.result.changes).toEqual([]);
    expect(again.result.skipped).toHaveLength(2);
    expect(again.after).toBe(after);
  });

  it('uses today when the workshop has no date', () => {
    const { wb, w } = sampleWithWorkshop({ date: null });
    const walk = newActivity('walk-the-map') as WalkTheMap;
    w.activities.push(walk);
    propose(walk, wb, 'svc_nsc_wifi', 'obj_nsc_o33_digital', {
      strength: 3,
      rationale: 'Free Wi-Fi in every library',
    });
    setAgreed(walk, 'svc_nsc_wifi', 'obj_nsc_o33_digital', true);
    const { after } = edit(wb, (d) => transferAgreedLinks(d, w.id, TODAY));
    expect(
      after.alignments.find((l) => l.serviceId === 'svc_nsc_wifi' && l.objectiveId === 'obj_nsc_o33_digital')
        ?.provenance.date,
    ).toBe(TODAY);
  });

  it('stays valid when a service the room linked is deleted afterwards', () => {
    const { wb, workshopId } = walkSession();
    const { after } = edit(wb, (d) => transferAgreedLinks(d, workshopId, TODAY));
    const later = produce(after, (d) => removeService(d as Workbook, 'svc_nsc_library_of_things'));
    valid(later);
  });
});

describe('votes to priorities', () => {
  function voteSession() {
    const { wb, w } = sampleWithWorkshop();
    const vote = newActivity('dot-vote') as DotVote;
    vote.optionIds = ['obj_nsc_o33_digital', 'obj_nsc_o22_reading', 'svc_nsc_bipc'];
    w.activities.push(vote);
    openVoting(vote);
    recordBallot(vote, w, [{ optionId: 'obj_nsc_o33_digital', amount: 3 }], null);
    recordBallot(
      vote,
      w,
      [
        { optionId: 'svc_nsc_bipc', amount: 2 },
        { optionId: 'obj_nsc_o33_digital', amount: 1 },
      ],
      null,
    );
    return { wb, w, vote };
  }

  it('refuses before the reveal', () => {
    const { wb, w, vote } = voteSession();
    const r = previewTransfer(wb, (d) => transferPriorities(d, w.id, vote.id, TODAY));
    expect(r.changes).toEqual([]);
    expect(r.skipped[0]).toMatch(/not been revealed/);
  });

  it('sets priorities with the method, the workshop and the date, including options that got no dots', () => {
    const { wb, w, vote } = voteSession();
    reveal(vote);
    const { after, result } = edit(wb, (d) => transferPriorities(d, w.id, vote.id, TODAY));
    const method = 'Dot vote (3 dots each, secret ballots, 2 voters)';
    expect(result.changes.map((c) => [c.subject, c.before, c.after])).toEqual([
      [
        'Objective: Reduce the number of residents who are offline or lack basic digital skills',
        '11 (Dot vote (3 dots each, 14 participants), 12 February 2025)',
        `4 dots (${method}, 10 March 2026)`,
      ],
      [
        'Objective: Improve reading at the end of primary school, especially for disadvantaged pupils',
        '8 (Dot vote (3 dots each, 14 participants), 12 February 2025)',
        `0 dots (${method}, 10 March 2026)`,
      ],
      ['Service: Business & IP Centre Northshire', 'No priority yet', `2 dots (${method}, 10 March 2026)`],
    ]);
    expect(after.services.find((s) => s.id === 'svc_nsc_bipc')!.priority).toEqual({
      score: 2,
      method,
      workshopId: w.id,
      date: '2026-03-10',
    });
    valid(after);
    expect(wb.services.find((s) => s.id === 'svc_nsc_bipc')!.priority).toBeNull();
  });

  it('turns points into priorities the same way, skipping ideas', () => {
    const { wb, w } = sampleWithWorkshop();
    const ideas = newActivity('ideas') as Extract<Activity, { kind: 'ideas' }>;
    const i: Idea = {
      id: newId('idea'),
      text: 'Pop-up library at the market',
      group: '',
      targetId: null,
      author: '',
      becameId: null,
    };
    ideas.ideas.push(i);
    const points = newActivity('points') as Extract<Activity, { kind: 'points' }>;
    points.optionIds = [i.id, 'svc_nsc_wifi'];
    w.activities.push(ideas, points);
    openVoting(points);
    expect(
      recordBallot(
        points,
        w,
        [
          { optionId: i.id, amount: 30 },
          { optionId: 'svc_nsc_wifi', amount: 70 },
        ],
        null,
      ),
    ).toEqual([]);
    reveal(points);
    const { after, result } = edit(wb, (d) => transferPriorities(d, w.id, points.id, TODAY));
    expect(result.changes).toHaveLength(1);
    expect(result.skipped).toHaveLength(1);
    expect(after.services.find((s) => s.id === 'svc_nsc_wifi')!.priority?.score).toBe(70);
    valid(after);
  });
});

describe('ideas into the workbook', () => {
  function ideaSession() {
    const { wb, w } = sampleWithWorkshop();
    const ideas = newActivity('ideas') as Extract<Activity, { kind: 'ideas' }>;
    const mk = (text: string, targetId: string | null, group = ''): Idea => ({
      id: newId('idea'),
      text,
      group,
      targetId,
      author: '',
      becameId: null,
    });
    ideas.ideas.push(
      mk('Seed library for community gardens', 'obj_nsc_o51_net_zero', 'Green'),
      mk('Residents say the Wi-Fi helped them claim Universal Credit', 'svc_nsc_wifi'),
      mk('Ask districts about homelessness surgeries', 'obj_nsc_o53_homelessness'),
    );
    w.activities.push(ideas);
    return { wb, w, ideas: ideas.ideas };
  }

  it('creates a service, an attached evidence item and an action, once each, and remembers what each became', () => {
    const { wb, w, ideas } = ideaSession();
    const [seed, wifi, surgeries] = ideas as [Idea, Idea, Idea];
    const requests = [
      { ideaId: seed.id, destination: { as: 'service', offer: 'Culture and Creativity' } },
      { ideaId: wifi.id, destination: { as: 'evidence' } },
      { ideaId: surgeries.id, destination: { as: 'action' } },
    ] as const;
    const { after, result } = edit(wb, (d) => transferIdeas(d, w.id, requests, TODAY));
    expect(result.changes.map((c) => c.kind)).toEqual(['service-added', 'evidence-added', 'action-added']);
    const service = after.services.at(-1)!;
    expect(service).toMatchObject({
      name: 'Seed library for community gardens',
      offer: 'Culture and Creativity',
    });
    expect(service.description).toBe(
      'Suggested at Partners’ mapping workshop on 10 March 2026 (group: Green), against “Reach net zero in council operations by 2030 and help communities take climate action”.',
    );
    const evidence = after.evidence.at(-1)!;
    expect(evidence).toMatchObject({ quality: 'anecdotal', origin: 'officer', year: '2026' });
    expect(after.services.find((s) => s.id === 'svc_nsc_wifi')!.evidenceIds).toContain(evidence.id);
    const aw = after.workshops.find((x) => x.id === w.id)!;
    expect(aw.actions.at(-1)).toMatchObject({
      text: 'Ask districts about homelessness surgeries',
      objectiveId: 'obj_nsc_o53_homelessness',
      owner: '',
      due: null,
    });
    const afterIdeas = aw.activities.flatMap((a) => (a.kind === 'ideas' ? a.ideas : []));
    expect(afterIdeas.map((i) => i.becameId)).toEqual([service.id, evidence.id, aw.actions.at(-1)!.id]);
    valid(after);

    const again = edit(after, (d) => transferIdeas(d, w.id, requests, TODAY));
    expect(again.result.changes).toEqual([]);
    expect(again.result.skipped).toHaveLength(3);
    expect(wb.services.length).toBe(after.services.length - 1);
  });
});

describe('deleting a workshop', () => {
  it('keeps what the room agreed, no longer pointing at the workshop, and stays valid', async () => {
    const { removeWorkshop } = await import('../model/operations');
    const { wb, workshopId } = walkSession();
    const { after } = edit(wb, (d) => transferAgreedLinks(d, workshopId, TODAY));
    const gone = produce(after, (d) => removeWorkshop(d as Workbook, workshopId));
    valid(gone);
    const link = gone.alignments.find(
      (l) => l.serviceId === 'svc_nsc_library_of_things' && l.objectiveId === 'obj_nsc_o51_net_zero',
    )!;
    expect(link.provenance).toMatchObject({
      kind: 'workshop',
      workshopId: null,
      note: 'agreed at Partners’ mapping workshop on 10 March 2026',
    });
    // The sample's own workshop, with priorities and links pointing at it.
    const sampleGone = produce(after, (d) => removeWorkshop(d as Workbook, 'wks_nsc_leadership_2025'));
    valid(sampleGone);
    expect(sampleGone.objectives.find((o) => o.id === 'obj_nsc_o33_digital')!.priority).toMatchObject({
      score: 11,
      workshopId: null,
    });
  });
});
