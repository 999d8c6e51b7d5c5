import { describe, expect, it } from 'vitest';
import { emptyWorkbook, link, objective, service } from '../../tests/fixtures/hand-built-workbook';
import type { Partner } from '../model/workbook-schema';
import { partnerOverlap } from './partner-overlap';

function workbook() {
  const wb = emptyWorkbook();
  wb.objectives = [
    objective('t1', 'Health and wellbeing', 'theme', null),
    objective('o12', 'Fewer people feel lonely', 'objective', 't1'),
    objective('o11', 'Healthier lives', 'objective', 't1'),
    objective('u111', 'More adults are active', 'outcome', 'o11'),
    objective('t2', 'Jobs', 'theme', null),
  ];
  wb.services = [
    service('s1', 'Books on Prescription', 'Health and Wellbeing', []),
    service('s2', 'Walking groups', 'Health and Wellbeing', []),
    service('s3', 'Chatter and Natter', 'Health and Wellbeing', []),
    service('s4', 'Job club', 'Information and Digital', []),
  ];
  wb.alignments = [
    link('a1', 's1', 'o11', 1),
    link('a2', 's1', 'u111', 3),
    link('a3', 's2', 'u111', 2),
    link('a4', 's3', 'o12', 3),
    link('a5', 's4', 't2', 3),
    link('a6', 's2', 'o12', 0),
  ];
  return wb;
}

const partner: Partner = {
  id: 'p1',
  name: 'Northshire ICB',
  type: 'nhs-icb',
  description: '',
  contact: '',
  objectives: [
    { id: 'po1', title: 'Prevent ill health', description: '', objectiveIds: ['o12', 'o11', 'o11'] },
    { id: 'po2', title: 'A healthy workforce', description: '', objectiveIds: [] },
  ],
};

describe('where a partner meets the council', () => {
  it('lists the shared council objectives in hierarchy order, each once', () => {
    const [row] = partnerOverlap(workbook(), partner);
    expect(row!.councilObjectives.map((o) => o.id)).toEqual(['o12', 'o11']);
  });

  it('credits each service with its strongest link to a shared objective or an outcome beneath it, strongest first', () => {
    const [row] = partnerOverlap(workbook(), partner);
    expect(row!.services.map((s) => [s.name, s.strength])).toEqual([
      ['Books on Prescription', 3],
      ['Chatter and Natter', 3],
      ['Walking groups', 2],
    ]);
  });

  it('shows a partner objective mapped to nothing with no objectives and no services', () => {
    const rows = partnerOverlap(workbook(), partner);
    expect(rows[1]).toEqual({ partnerObjectiveId: 'po2', partnerObjective: 'A healthy workforce', councilObjectives: [], services: [] });
  });
});
