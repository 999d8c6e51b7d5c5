import { describe, expect, it } from 'vitest';
import { newActivity } from './operations';
import {
  agreedProposals,
  agreeProblems,
  propose,
  setAgreed,
  strengthText,
  walkObjectives,
  walkProgress,
  walkServices,
  type WalkTheMap,
} from './walk-the-map';
import { sampleWithWorkshop } from './test-workbook';

describe('walking the map', () => {
  it('steps through objectives and outcomes in plan order, or only those chosen', () => {
    const { wb } = sampleWithWorkshop();
    const a = newActivity('walk-the-map') as WalkTheMap;
    const all = walkObjectives(wb, a);
    expect(all.every((o) => o.level !== 'theme')).toBe(true);
    expect(all[0]!.id).toBe('obj_nsc_o11_wellbeing');
    expect(all[1]!.id).toBe('obj_nsc_o11a_loneliness');
    a.scope.objectiveIds = ['obj_nsc_o33_digital', 'obj_nsc_o11_wellbeing'];
    expect(walkObjectives(wb, a).map((o) => o.id)).toEqual(['obj_nsc_o11_wellbeing', 'obj_nsc_o33_digital']);
    a.scope.serviceIds = ['svc_nsc_wifi'];
    expect(walkServices(wb, a).map((s) => s.id)).toEqual(['svc_nsc_wifi']);
  });

  it('starts a proposal from the current map, and a new strength needs agreeing again', () => {
    const { wb } = sampleWithWorkshop();
    const a = newActivity('walk-the-map') as WalkTheMap;
    const p = propose(a, wb, 'svc_nsc_reading_well', 'obj_nsc_o11_wellbeing', {});
    expect(p).toMatchObject({ strength: 3, confidence: 'high', agreed: false });
    expect(p.rationale).toMatch(/^Reading Well collections/);
    expect(setAgreed(a, 'svc_nsc_reading_well', 'obj_nsc_o11_wellbeing', true)).toBe(true);
    propose(a, wb, 'svc_nsc_reading_well', 'obj_nsc_o11_wellbeing', {
      rationale: 'Reworded',
      objections: 'One partner thinks the reach is overstated.',
    });
    expect(a.proposals[0]).toMatchObject({ agreed: true, rationale: 'Reworded' });
    propose(a, wb, 'svc_nsc_reading_well', 'obj_nsc_o11_wellbeing', { strength: 2 });
    expect(a.proposals[0]).toMatchObject({ agreed: false, strength: 2 });
    expect(a.proposals).toHaveLength(1);
  });

  it('will not agree a contribution without a rationale, but agrees "no link" without one', () => {
    const { wb } = sampleWithWorkshop();
    const a = newActivity('walk-the-map') as WalkTheMap;
    propose(a, wb, 'svc_nsc_wifi', 'obj_nsc_o53_homelessness', { strength: 1 });
    expect(agreeProblems(a.proposals[0]!)).toHaveLength(1);
    expect(setAgreed(a, 'svc_nsc_wifi', 'obj_nsc_o53_homelessness', true)).toBe(false);
    propose(a, wb, 'svc_nsc_wifi', 'obj_nsc_o53_homelessness', { strength: 0 });
    expect(setAgreed(a, 'svc_nsc_wifi', 'obj_nsc_o53_homelessness', true)).toBe(true);
    expect(setAgreed(a, 'svc_nsc_bipc', 'obj_nsc_o53_homelessness', true)).toBe(false);
    expect(agreedProposals(a)).toHaveLength(1);
  });

  it('reports progress per objective, counting objections', () => {
    const { wb } = sampleWithWorkshop();
    const a = newActivity('walk-the-map') as WalkTheMap;
    a.scope.objectiveIds = ['obj_nsc_o33_digital'];
    propose(a, wb, 'svc_nsc_wifi', 'obj_nsc_o33_digital', {
      strength: 3,
      rationale: 'Free access in every library',
      objections: 'Coverage is patchy in rural branches',
    });
    propose(a, wb, 'svc_nsc_pcs', 'obj_nsc_o33_digital', { strength: 3, rationale: 'Free PCs' });
    setAgreed(a, 'svc_nsc_pcs', 'obj_nsc_o33_digital', true);
    expect(walkProgress(wb, a)).toEqual([
      { objectiveId: 'obj_nsc_o33_digital', proposed: 2, agreed: 1, objections: 1 },
    ]);
  });

  it('names strengths with the symbol and the word', () => {
    expect([0, 1, 2, 3].map((s) => strengthText(s as 0 | 1 | 2 | 3))).toEqual([
      'None',
      '△ Weak',
      '○ Medium',
      '● Strong',
    ]);
  });
});
