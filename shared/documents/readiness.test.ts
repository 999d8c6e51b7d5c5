import { describe, expect, it } from 'vitest';
import { handBuiltWorkbook } from '../../tests/fixtures/hand-built-workbook';
import { newDraftScope } from '../model/factories';
import { readinessChecklist, servicesInScope, type ReadinessDraft, type ReadinessTemplate } from './readiness';

const proposal: ReadinessTemplate = {
  scope: 'proposal',
  partner: 'required',
  questions: [
    { id: 'title', label: 'Name of the proposal', required: true },
    { id: 'cost', label: 'Total cost', required: true },
    { id: 'notes', label: 'Anything else', required: false },
  ],
};
const draft = (fields: Partial<ReadinessDraft> = {}): ReadinessDraft => ({ scope: newDraftScope(), answers: [], partnerId: null, ...fields });

describe('readinessChecklist', () => {
  it('lists what stops a final for an empty proposal: its scope, its partner and each required answer, linked to the field', () => {
    const items = readinessChecklist({ workbook: handBuiltWorkbook(), template: proposal, draft: draft({ answers: [{ questionId: 'cost', value: '  ' }] }) });
    expect(items.filter((i) => i.blocksFinal).map((i) => [i.kind, i.target])).toEqual([
      ['empty-scope', { kind: 'scope-field' }],
      ['missing-partner', { kind: 'partner-field' }],
      ['unanswered-required', { kind: 'question', questionId: 'title' }],
      ['unanswered-required', { kind: 'question', questionId: 'cost' }],
    ]);
    expect(items.find((i) => i.kind === 'unanswered')).toMatchObject({ blocksFinal: false, target: { kind: 'question', questionId: 'notes' } });
    // Nothing about the map without services in scope.
    expect(items.some((i) => ['unsupported-claim', 'weak-evidence', 'unlinked-service', 'scope-gap'].includes(i.kind))).toBe(false);
  });

  it('reports only the claims of the services in scope, each linked to its link on the Map', () => {
    const wb = handBuiltWorkbook();
    wb.partners = [{ id: 'ptn_P1', name: 'NHS', type: 'nhs-icb', description: '', contact: '', objectives: [] }];
    const items = readinessChecklist({
      workbook: wb,
      template: proposal,
      draft: draft({
        scope: newDraftScope({ serviceIds: ['svc_S1', 'svc_S4'] }),
        partnerId: 'ptn_P1',
        answers: [
          { questionId: 'title', value: 'Job club' },
          { questionId: 'cost', value: '£85,000' },
          { questionId: 'notes', value: 'None' },
        ],
      }),
    });
    // Job club → Digital skills for all is medium with no evidence; Digital skills sessions (out of scope) is not listed.
    expect(items).toEqual([
      {
        kind: 'unsupported-claim',
        blocksFinal: false,
        target: { kind: 'link', id: 'aln_A4' },
        message: 'Medium contribution of “Job club” to “Digital skills for all” cites no evidence.',
      },
    ]);
  });

  it('finds objectives in scope that no service in scope reaches, counting links to their outcomes', () => {
    const items = readinessChecklist({
      workbook: handBuiltWorkbook(),
      template: { ...proposal, partner: 'none' },
      draft: draft({
        scope: newDraftScope({ serviceIds: ['svc_S1', 'svc_S4'], objectiveIds: ['obj_O1', 'obj_O4'] }),
        answers: [
          { questionId: 'title', value: 'x' },
          { questionId: 'cost', value: '1' },
        ],
      }),
      askedQuestionIds: new Set(['title', 'cost']),
    });
    // Reduce loneliness is reached (Job club directly, Chatty Café through its outcome); the roads are not.
    // The Job club claim about digital skills is outside the objectives in scope, so it is not listed.
    expect(items.map((i) => [i.kind, i.target])).toEqual([['scope-gap', { kind: 'objective', id: 'obj_O4' }]]);
    expect(items[0]!.message).toBe('No service in scope contributes to “Keep the roads safe”: link one on the Map, or take the objective out of scope.');
  });

  it('covers every service for a whole-service template, whatever the draft lists', () => {
    const wb = handBuiltWorkbook();
    const template: ReadinessTemplate = { scope: 'whole-service', partner: 'none', questions: [] };
    expect(servicesInScope(wb, template, newDraftScope({ serviceIds: ['svc_S1'] }))).toHaveLength(7);
    const items = readinessChecklist({ workbook: wb, template, draft: draft() });
    expect(items.some((i) => i.kind === 'empty-scope')).toBe(false);
    expect(items.filter((i) => i.kind === 'unlinked-service').map((i) => i.target)).toEqual(
      ['svc_S3', 'svc_S5', 'svc_S6', 'svc_S7'].map((id) => ({ kind: 'service', id })),
    );
    expect(items.filter((i) => i.kind === 'weak-evidence').map((i) => i.target)).toEqual([{ kind: 'link', id: 'aln_A3' }]);
    // Objectives with nothing beneath them that no service reaches are the gaps in a whole-service paper.
    expect(items.filter((i) => i.kind === 'scope-gap').map((i) => i.target)).toEqual(['obj_O6', 'obj_O4', 'obj_O5'].map((id) => ({ kind: 'objective', id })));
    expect(items.every((i) => !i.blocksFinal)).toBe(true);
  });
});
