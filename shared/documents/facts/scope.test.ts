import { describe, expect, it } from 'vitest';
import { handBuiltWorkbook } from '../../../tests/fixtures/hand-built-workbook';
import { newDraftScope } from '../../model/factories';
import type { Question } from '../template/manifest';
import { attachmentScope, defaultScope, resolveScope } from './scope';

const proposal = { manifest: { scope: 'proposal' as const, questions: [] as Question[] } };
const whole = { manifest: { scope: 'whole-service' as const, questions: [] as Question[] } };

describe('resolveScope', () => {
  const wb = handBuiltWorkbook();

  it('describes every service and objective for a whole-service template, whatever the draft says', () => {
    const r = resolveScope(wb, newDraftScope({ serviceIds: ['svc_S1'] }), whole, null);
    expect(r.wholeService).toBe(true);
    expect(r.serviceIds).toEqual(wb.services.map((s) => s.id));
    // Reported objectives: the outcome "Fewer lonely adults" rolls up into "Reduce loneliness".
    // In tree order; a top-level objective with no theme above it is its own group.
    expect(r.objectiveIds).toEqual(['obj_O1', 'obj_O2', 'obj_O3', 'obj_O6', 'obj_O4', 'obj_O5']);
    expect(r.themeIds).toEqual(['obj_T1', 'obj_T2', 'obj_O4', 'obj_O5']);
  });

  it('limits a proposal to the services it names and the objectives they contribute to after the roll-up', () => {
    const r = resolveScope(wb, newDraftScope({ serviceIds: ['svc_S1', 'svc_gone'] }), proposal, null);
    expect(r.wholeService).toBe(false);
    expect(r.serviceIds).toEqual(['svc_S1']);
    // Chatty Café → Fewer lonely adults (an outcome of Reduce loneliness) and → More active people.
    expect(r.objectiveIds).toEqual(['obj_O1', 'obj_O2']);
    expect(r.objectivesNamed).toBe(false);
  });

  it('reads objectives the draft names: an outcome stands for its objective, a theme for the objectives in it', () => {
    const r = resolveScope(wb, newDraftScope({ serviceIds: ['svc_S1'], objectiveIds: ['obj_OC1', 'obj_T2', 'obj_nowhere'] }), proposal, 'ptn_unknown');
    expect(r.objectiveIds).toEqual(['obj_O1', 'obj_O3', 'obj_O6']);
    expect(r.objectivesNamed).toBe(true);
    expect(r.partnerId).toBeNull();
  });

  it('treats a missing scope as the whole service', () => {
    expect(resolveScope(wb, undefined, proposal, null).wholeService).toBe(true);
  });
});

describe('defaultScope', () => {
  const wb = handBuiltWorkbook();
  const questions: Question[] = [
    { id: 'total_cost', label: 'Cost', kind: 'money', required: true, hint: '', group: '', options: [], columns: [] } as unknown as Question,
    { id: 'cost_period', label: 'Period', kind: 'text', required: true, hint: '', group: '', options: [], columns: [] } as unknown as Question,
  ];

  it('starts a whole-service template on the whole service', () => {
    expect(defaultScope(whole, wb, {})).toMatchObject({ wholeService: true, serviceIds: [] });
  });

  it('starts a proposal on the services its answers name, with the sum and period from its answers', () => {
    const named = wb.services[0]!.name;
    const scope = defaultScope({ manifest: { scope: 'proposal', questions } }, wb, { decision: `Continue the ${named.toLowerCase()} for two years.`, total_cost: '£85k', cost_period: '2026/27' });
    expect(scope.wholeService).toBe(false);
    expect(scope.serviceIds).toEqual([wb.services[0]!.id]);
    expect(scope.amount).toBe(85000);
    expect(scope.period).toEqual({ label: '2026/27', start: '2026-04-01', end: '2027-03-31' });
  });

  it('leaves the services empty when the answers name none', () => {
    expect(defaultScope(proposal, wb, { decision: 'Something else entirely' })).toMatchObject({ wholeService: false, serviceIds: [], amount: null });
  });
});

describe('attachmentScope', () => {
  const wb = handBuiltWorkbook();

  it('carries a proposal’s own services and objectives, with the outcomes that roll up to them, and no names', () => {
    const a = attachmentScope(wb, newDraftScope({ serviceIds: ['svc_S1'] }), proposal, null);
    expect(a.serviceIds).toEqual(['svc_S1']);
    // Reduce loneliness with its outcome Fewer lonely adults (the link that rolls up), and More active people.
    expect(a.objectiveIds).toEqual(expect.arrayContaining(['obj_O1', 'obj_OC1', 'obj_O2']));
    expect(a.objectiveIds).not.toContain('obj_O3');
    expect(new Set(a.objectiveIds).size).toBe(a.objectiveIds!.length);
    expect(a.includeNames).toBe(false);
  });

  it('carries every service for a whole-service document, and a proposal with nothing in scope carries no service', () => {
    expect(attachmentScope(wb, newDraftScope(), whole, null).serviceIds).toEqual(wb.services.map((s) => s.id));
    expect(attachmentScope(wb, newDraftScope(), proposal, null).serviceIds).toEqual([]);
  });
});
