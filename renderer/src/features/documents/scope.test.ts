import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { scopeServiceIds } from '../../../../shared/documents/facts/scope';
import { newDraftScope } from '../../../../shared/model/factories';
import type { Workbook } from '../../../../shared/model/workbook-schema';
import {
  setObjectivesInScope,
  setServicesInScope,
} from './scope';

const wb = {
  services: [{ id: 'svc_a' }, { id: 'svc_b' }, { id: 'svc_c' }],
  objectives: [{ id: 'obj_1' }, { id: 'obj_2' }],
} as unknown as Pick<Workbook, 'services' | 'objectives'>;

describe('draft scope', () => {
  it('turns a whole-service draft into a list when one service is taken out, keeping the workbook’s order', () => {
    const whole = newDraftScope({ wholeService: true });
    expect(scopeServiceIds(wb, whole)).toEqual(['svc_a', 'svc_b', 'svc_c']);
    const next = produce(whole, (s) => setServicesInScope(s, wb, ['svc_b'], false));
    expect(next).toMatchObject({ wholeService: false, serviceIds: ['svc_a', 'svc_c'] });
    const back = produce(next, (s) => setServicesInScope(s, wb, ['svc_b'], true));
    expect(back.serviceIds).toEqual(['svc_a', 'svc_b', 'svc_c']);
  });

  it('adds and removes objectives, ignoring ids the workbook no longer has', () => {
    const s = produce(newDraftScope(), (d) =>
      setObjectivesInScope(d, wb, ['obj_2', 'obj_gone', 'obj_1'], true),
    );
    expect(s.objectiveIds).toEqual(['obj_1', 'obj_2']);
    expect(produce(s, (d) => setObjectivesInScope(d, wb, ['obj_1'], false)).objectiveIds).toEqual(['obj_2']);
  });
});
