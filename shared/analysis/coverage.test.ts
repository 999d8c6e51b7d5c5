/**
 * Coverage, gaps, unlinked services, weak claims and the Ambition outcome view on the hand-built workbook in
 * tests/fixtures/hand-built-workbook.ts. Every expected number was worked out on paper first; the working is
 * in the comments.
 */
import { describe, expect, it } from 'vitest';
import { validateWorkbook } from '../model/workbook-format';
import {
  emptyWorkbook,
  handBuiltWorkbook,
  link,
  objective,
  service,
} from '../../tests/fixtures/hand-built-workbook';
import {
  byAmbitionOutcome,
  findGaps,
  objectiveCoverage,
  serviceSummaries,
  STRENGTH_WEIGHT,
  statusFor,
  unlinkedServices,
  weakClaims,
} from './coverage';
import { inTreeOrder } from './hierarchy';

const wb = handBuiltWorkbook();

describe('the hand-built workbook', () => {
  it('is a valid workbook', () => {
    const checked = validateWorkbook(wb);
    expect(checked.ok ? [] : checked.error.issues).toEqual([]);
  });
});

describe('STRENGTH_WEIGHT and statusFor', () => {
  it('weighs strong 9, medium 3, weak 1 and none 0 (QFD), and names the status by the best link', () => {
    expect(STRENGTH_WEIGHT).toEqual({ 0: 0, 1: 1, 2: 3, 3: 9 });
    expect([0, 1, 2, 3].map((s) => statusFor(s as 0 | 1 | 2 | 3))).toEqual([
      'gap',
      'weak',
      'moderate',
      'strong',
    ]);
  });
});

describe('objectiveCoverage', () => {
  const coverage = new Map(objectiveCoverage(wb).map((c) => [c.objectiveId, c]));
  const row = (id: string) => {
    const c = coverage.get(id)!;
    return {
      contributors: c.contributors.map((x) => `${x.serviceId}:${x.strength}`),
      score: c.score,
      status: c.status,
      evidencedShare: c.evidencedShare,
      meanConfidence: c.meanConfidence,
      assessable: c.assessable,
    };
  };

  it('covers every objective, in workbook order, with its depth and theme', () => {
    expect(objectiveCoverage(wb).map((c) => [c.objectiveId, c.level, c.depth, c.themeId])).toEqual([
      ['obj_T1', 'theme', 0, 'health-wellbeing'],
      ['obj_O1', 'objective', 1, 'health-wellbeing'],
      ['obj_OC1', 'outcome', 2, 'health-wellbeing'],
      ['obj_O2', 'objective', 1, 'health-wellbeing'],
      // "Good jobs": “job*” is an economy word.
      ['obj_T2', 'theme', 0, 'economy-skills-jobs'],
      // “skill*” (economy) and “digital*” (digital inclusion) both match once; the first theme in the list wins.
      ['obj_O3', 'objective', 1, 'economy-skills-jobs'],
      // No words of its own: its parent's.
      ['obj_O6', 'objective', 1, 'economy-skills-jobs'],
      ['obj_O4', 'objective', 0, null],
      ['obj_O5', 'objective', 0, 'children-young-people'],
    ]);
  });

  it('scores an outcome from its own links', () => {
    // Chatty Café → Fewer lonely adults: strong (9), high confidence (3), with evidence.
    expect(row('obj_OC1')).toEqual({
      contributors: ['svc_S1:3'],
      score: 9,
      status: 'strong',
      evidencedShare: 1,
      meanConfidence: 3,
      assessable: true,
    });
  });

  it('rolls links beneath an objective up into it, counting each service once at its best', () => {
    // Own link: Job club 2 (low, evidenced); below: Chatty Café 3 (high, evidenced); Rhymetime 0 is not a link.
    // Score 9 + 3 = 12; both links evidenced; confidence (1 + 3) / 2 = 2.
    expect(row('obj_O1')).toEqual({
      contributors: ['svc_S1:3', 'svc_S4:2'],
      score: 12,
      status: 'strong',
      evidencedShare: 1,
      meanConfidence: 2,
      assessable: false,
    });
    // The theme adds More active people (Chatty Café 1, medium, no evidence): Chatty Café still counts once, at 3.
    // Score 9 + 3 = 12; evidenced 2 of 3 links; confidence (1 + 3 + 2) / 3 = 2.
    expect(row('obj_T1')).toEqual({
      contributors: ['svc_S1:3', 'svc_S4:2'],
      score: 12,
      status: 'strong',
      evidencedShare: 2 / 3,
      meanConfidence: 2,
      assessable: false,
    });
  });

  it('gives a weak link the weight 1 and the status weak', () => {
    expect(row('obj_O2')).toEqual({
      contributors: ['svc_S1:1'],
      score: 1,
      status: 'weak',
      evidencedShare: 0,
      meanConfidence: 2,
      assessable: true,
    });
  });

  it('averages the confidence and evidence of every contributing link', () => {
    // Digital skills sessions 3 (low, evidenced) and Job club 2 (medium, none): 9 + 3 = 12; 1 of 2; (1 + 2) / 2.
    const expected = {
      contributors: ['svc_S2:3', 'svc_S4:2'],
      score: 12,
      status: 'strong',
      evidencedShare: 0.5,
      meanConfidence: 1.5,
    };
    expect(row('obj_O3')).toEqual({ ...expected, assessable: true });
    expect(row('obj_T2')).toEqual({ ...expected, assessable: false });
  });

  it('shows an objective without links as a gap, with no confidence', () => {
    for (const id of ['obj_O6', 'obj_O4', 'obj_O5'])
      expect(row(id)).toEqual({
        contributors: [],
        score: 0,
        status: 'gap',
        evidencedShare: 0,
        meanConfidence: null,
        assessable: true,
      });
  });

  it('adds the weights of different services: 9 + 3 + 1 = 13, status strong', () => {
    const small = emptyWorkbook();
    small.objectives = [objective('obj_X', 'Reading for pleasure', 'objective', null)];
    small.services = [
      service('svc_a', 'A', 'Reading', [2]),
      service('svc_b', 'B', 'Reading', [2]),
      service('svc_c', 'C', 'Reading', [2]),
    ];
    small.alignments = [
      link('aln_a', 'svc_a', 'obj_X', 3),
      link('aln_b', 'svc_b', 'obj_X', 2),
      link('aln_c', 'svc_c', 'obj_X', 1),
    ];
    expect(objectiveCoverage(small)[0]).toMatchObject({ score: 13, maxStrength: 3, status: 'strong' });
  });
});

describe('serviceSummaries', () => {
  it('totals each service’s links with the same weights', () => {
    expect(serviceSummaries(wb).map((s) => [s.name, s.objectiveIds, s.score, s.maxStrength])).toEqual([
      ['Chatty Café', ['obj_OC1', 'obj_O2'], 10, 3],
      ['Digital skills sessions', ['obj_O3'], 9, 3],
      // The 0 link is an assessment, not a link.
      ['Rhymetime', [], 0, 0],
      ['Job club', ['obj_O3', 'obj_O1'], 6, 2],
      ['Exhibitions', [], 0, 0],
      ['Reading Well', [], 0, 0],
      ['Public computers', [], 0, 0],
    ]);
  });
});

describe('findGaps', () => {
  it('lists assessable objectives with no or only weak links, with candidate services best first', () => {
    expect(
      findGaps(wb).map((g) => [g.title, g.status, g.candidates.map((c) => `${c.serviceId}:${c.strength}`)]),
    ).toEqual([
      // Health theme (outcomes 5, 7): Reading Well mainly serves 5. Chatty Café is already linked.
      ['More active people', 'weak', ['svc_S6:2']],
      // Economy (6, 4, 3) from the parent's words: Job club mainly serves 6 (medium), Digital skills sessions 3 (weak,
      // listed after); Public computers was dismissed.
      ['Support new firms', 'gap', ['svc_S4:2', 'svc_S2:1']],
      // No theme: nothing to suggest from.
      ['Keep the roads safe', 'gap', []],
      // Children (2, 4, 5): Rhymetime mainly serves 2 (medium), Reading Well 5 (weak).
      ['Every child ready for school', 'gap', ['svc_S3:2', 'svc_S6:1']],
    ]);
  });

  it('never lists a parent, however thin: it is judged through its children', () => {
    const ids = findGaps(wb).map((g) => g.objectiveId);
    expect(ids).not.toContain('obj_T1');
    expect(ids).not.toContain('obj_T2');
  });

  it('offers at most five candidates', () => {
    const many = emptyWorkbook();
    many.objectives = [
      objective('obj_X', 'Reading for pleasure', 'objective', null, 'children-young-people'),
    ];
    many.services = [...Array(8).keys()].map((i) => service(`svc_${i}`, `Service ${i}`, 'Reading', [2]));
    expect(findGaps(many)[0]!.candidates).toHaveLength(5);
  });
});

describe('unlinkedServices', () => {
  it('lists services with no link above 0, in workbook order', () => {
    expect(unlinkedServices(wb)).toEqual(['svc_S3', 'svc_S5', 'svc_S6', 'svc_S7']);
  });
});

describe('weakClaims', () => {
  it('flags medium and strong claims with no evidence, only weak evidence, or low confidence, strongest first', () => {
    expect(weakClaims(wb).map((c) => [c.alignmentId, c.strength, c.reasons])).toEqual([
      // Strong, resting on an anecdote, and the officer is not confident.
      ['aln_A3', 3, ['weak-evidence', 'low-confidence']],
      // Medium with nothing cited.
      ['aln_A4', 2, ['no-evidence']],
      // Medium, with strong evidence among what it cites, but low confidence.
      ['aln_A6', 2, ['low-confidence']],
    ]);
  });

  it('leaves weak links alone, and passes a strong link with good evidence and confidence', () => {
    const ids = weakClaims(wb).map((c) => c.alignmentId);
    expect(ids).not.toContain('aln_A1');
    expect(ids).not.toContain('aln_A2');
  });

  it('treats evidence that is not in the workbook as no evidence', () => {
    const broken = handBuiltWorkbook();
    broken.alignments = [link('aln_X', 'svc_S1', 'obj_O4', 3, 'high', ['evd_gone'])];
    expect(weakClaims(broken).map((c) => c.reasons)).toEqual([['no-evidence']]);
  });
});

describe('byAmbitionOutcome', () => {
  it('lists, for each of the seven outcomes, the services that serve it and the objectives they reach', () => {
    expect(byAmbitionOutcome(wb).map((v) => [v.outcome, v.serviceIds, v.objectiveIds])).toEqual([
      [1, [], []],
      // Rhymetime and Reading Well have no links above 0.
      [2, ['svc_S3', 'svc_S6'], []],
      [3, ['svc_S2', 'svc_S7'], ['obj_O3']],
      // Objectives in tree order (Healthy lives before Good jobs), not in the order the links were made.
      [4, ['svc_S2', 'svc_S4', 'svc_S7'], ['obj_O1', 'obj_O3']],
      [5, ['svc_S1', 'svc_S3', 'svc_S6'], ['obj_OC1', 'obj_O2']],
      [6, ['svc_S2', 'svc_S4', 'svc_S7'], ['obj_O1', 'obj_O3']],
      [7, ['svc_S1', 'svc_S3'], ['obj_OC1', 'obj_O2']],
    ]);
    expect(byAmbitionOutcome(wb)[4]!.name).toBe('Healthier and happier lives');
  });
});

describe('objective order', () => {
  it('gives coverage in tree order whatever order the objectives were added in', () => {
    // An outcome added last, after every other objective: it still comes straight after its parent.
    const late = wb.objectives.find((o) => o.id === 'obj_OC1')!;
    const shuffled = { ...wb, objectives: [...wb.objectives.filter((o) => o !== late), late] };
    expect(objectiveCoverage(shuffled).map((c) => c.objectiveId)).toEqual(objectiveCoverage(wb).map((c) => c.objectiveId));
    expect(objectiveCoverage(wb).map((c) => c.objectiveId)).toEqual(inTreeOrder(wb.objectives).map((x) => x.objective.id));
  });
});
