import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPLETE_WORKBOOK } from '../../tests/fixtures/fixtures';
import { checkIntegrity, formatPath } from './integrity';
import { readWorkbookText, validateWorkbook } from './workbook-format';
import type { Workbook } from './workbook-schema';

const original = (() => {
  const read = readWorkbookText(readFileSync(COMPLETE_WORKBOOK, 'utf8'));
  if (!read.ok) throw new Error(read.error.message);
  return read.value.workbook;
})();

function withChange(edit: (wb: Workbook) => void): Workbook {
  const wb = structuredClone(original);
  edit(wb);
  return wb;
}

/** Problems as "path: message" lines, as an officer would read them. */
function problems(wb: Workbook): string[] {
  return checkIntegrity(wb).map((i) => `${formatPath(i.path)}: ${i.message}`);
}

const workshop = (wb: Workbook) => wb.workshops[0]!;
function activity<K extends Workbook['workshops'][number]['activities'][number]['kind']>(wb: Workbook, kind: K) {
  const found = workshop(wb).activities.find((a) => a.kind === kind);
  if (!found) throw new Error(`no ${kind} activity in the fixture`);
  return found as Extract<typeof found, { kind: K }>;
}

describe('referential integrity', () => {
  it('finds nothing wrong in the complete fixture', () => {
    expect(checkIntegrity(original)).toEqual([]);
  });

  it('reports an alignment pointing at a missing service with the exact path', () => {
    const wb = withChange((w) => {
      w.alignments[3]!.serviceId = 'svc_gone00000000';
    });
    expect(problems(wb)).toEqual(['alignments[3].serviceId: Refers to service "svc_gone00000000", which is not in the workbook']);
    const validated = validateWorkbook(wb, ['workbook']);
    expect(validated.ok).toBe(false);
    if (!validated.ok) {
      expect(validated.error.code).toBe('INVALID_WORKBOOK');
      expect(validated.error.issues).toEqual([
        { path: 'workbook.alignments[3].serviceId', message: 'Refers to service "svc_gone00000000", which is not in the workbook' },
      ]);
      expect(validated.error.message).toBe(
        'The workbook has a problem at workbook.alignments[3].serviceId: Refers to service "svc_gone00000000", which is not in the workbook.',
      );
    }
  });

  it('reports an alignment pointing at a missing objective, KPI, evidence item or workshop', () => {
    const wb = withChange((w) => {
      const a = w.alignments[0]!;
      a.objectiveId = 'obj_gone';
      a.kpiIds = [a.kpiIds[0]!, 'kpi_gone'];
      a.evidenceIds = ['evd_gone'];
      a.provenance.workshopId = 'wks_gone';
    });
    expect(problems(wb)).toEqual([
      'alignments[0].objectiveId: Refers to objective "obj_gone", which is not in the workbook',
      'alignments[0].evidenceIds[0]: Refers to evidence "evd_gone", which is not in the workbook',
      'alignments[0].kpiIds[1]: Refers to KPI "kpi_gone", which is not in the workbook',
      'alignments[0].provenance.workshopId: Refers to workshop "wks_gone", which is not in the workbook',
    ]);
  });

  it('reports two alignments for the same service and objective', () => {
    const wb = withChange((w) => {
      w.alignments.push({ ...structuredClone(w.alignments[1]!), id: 'aln_duplicate001' });
    });
    expect(problems(wb)).toEqual([`alignments[${wb.alignments.length - 1}]: Links the same service and objective as alignments[1]`]);
  });

  it('reports an id used twice, even by entities of different kinds', () => {
    const wb = withChange((w) => {
      w.services[2]!.id = w.objectives[1]!.kpis[0]!.id;
      w.alignments = w.alignments.filter((a) => a.serviceId !== original.services[2]!.id);
    });
    const kpiId = original.objectives[1]!.kpis[0]!.id;
    expect(problems(wb)).toEqual([`services[2].id: Id "${kpiId}" is used twice (also at objectives[1].kpis[0])`]);
  });

  it('keeps the objective hierarchy to theme › objective › outcome', () => {
    const wb = withChange((w) => {
      w.objectives[0]!.parentId = w.objectives[4]!.id; // a theme under a theme
      w.objectives[2]!.parentId = null; // an outcome with no objective
      w.objectives[3]!.parentId = w.objectives[2]!.id; // an objective under an outcome
      w.objectives[6]!.parentId = 'obj_gone';
    });
    expect(problems(wb)).toEqual([
      'objectives[0].parentId: A theme cannot sit under a theme',
      'objectives[2].parentId: An outcome must sit under an objective',
      'objectives[3].parentId: An objective cannot sit under an outcome',
      'objectives[6].parentId: Refers to parent "obj_gone", which is not in the workbook',
    ]);
  });

  it('reports evidence and priority references from objectives and services', () => {
    const wb = withChange((w) => {
      w.objectives[1]!.evidenceIds.push('evd_gone');
      w.services[1]!.priority!.workshopId = 'wks_gone';
      w.objectives[0]!.priority!.workshopId = 'wks_gone_too'; // a theme: no parent to check first
    });
    expect(problems(wb)).toEqual([
      'objectives[0].priority.workshopId: Refers to workshop "wks_gone_too", which is not in the workbook',
      'objectives[1].evidenceIds[2]: Refers to evidence "evd_gone", which is not in the workbook',
      'services[1].priority.workshopId: Refers to workshop "wks_gone", which is not in the workbook',
    ]);
  });

  it('reports partner objectives mapped to a missing council objective, and drafts for a missing partner', () => {
    const wb = withChange((w) => {
      w.partners[0]!.objectives[1]!.objectiveIds.push('obj_gone');
      w.drafts[0]!.partnerId = 'ptn_gone';
    });
    expect(problems(wb)).toEqual([
      'partners[0].objectives[1].objectiveIds[1]: Refers to objective "obj_gone", which is not in the workbook',
      'drafts[0].partnerId: Refers to partner "ptn_gone", which is not in the workbook',
    ]);
  });

  it('reports a draft scope naming a missing service or objective', () => {
    const wb = withChange((w) => {
      w.drafts[0]!.scope.serviceIds.push('svc_gone');
      w.drafts[0]!.scope.objectiveIds.push('obj_gone');
    });
    expect(problems(wb)).toEqual([
      'drafts[0].scope.serviceIds[0]: Refers to service "svc_gone", which is not in the workbook',
      'drafts[0].scope.objectiveIds[0]: Refers to objective "obj_gone", which is not in the workbook',
    ]);
  });

  it('checks ids, criteria, KPIs and the preferred option inside a draft\'s business case', () => {
    const wb = withChange((w) => {
      const bc = w.drafts[0]!.businessCase!;
      const [first, second] = bc.appraisal.options;
      first!.scores[1]!.criterionId = 'csf_gone';
      first!.scores.push({ criterionId: first!.scores[0]!.criterionId, score: 1, note: '' });
      second!.role = 'preferred';
      second!.costs.push({ id: first!.costs[0]!.id, label: 'Copy', kind: 'capital', amounts: [] });
      bc.management.benefits[1]!.kpiId = 'kpi_gone';
      bc.management.risks[1]!.id = bc.management.risks[0]!.id;
    });
    expect(problems(wb)).toEqual([
      'drafts[0].businessCase.appraisal.options[0].scores[1].criterionId: Refers to criterion "csf_gone", which is not in this business case',
      'drafts[0].businessCase.appraisal.options[0].scores[2].criterionId: Scores criterion "csf_b7kq2mzt4xwp" twice',
      'drafts[0].businessCase.appraisal.options[1].costs[0].id: Id "cln_e2pt5qcw7a2s" is used twice in this business case',
      'drafts[0].businessCase.appraisal.options[1].role: Only one option can be the preferred way forward',
      'drafts[0].businessCase.management.risks[1].id: Id "bcr_r6be8bp9h5d9" is used twice in this business case',
      'drafts[0].businessCase.management.benefits[1].kpiId: Refers to KPI "kpi_gone", which is not in the workbook',
    ]);
  });

  it('checks references inside every kind of workshop activity', () => {
    const wb = withChange((w) => {
      const ideas = activity(w, 'ideas');
      ideas.ideas[0]!.targetId = 'obj_gone';
      ideas.scope.serviceIds.push('svc_gone');
      const dots = activity(w, 'dot-vote');
      dots.ballots[0]!.participantId = 'ppt_gone';
      dots.ballots[1]!.allocations[0]!.optionId = 'obj_not_an_option';
      const points = activity(w, 'points');
      points.ballots[0]!.allocations.push({ optionId: w.services[0]!.id, amount: 5 });
      activity(w, 'two-by-two').placements[0]!.optionId = 'ide_gone';
      const walk = activity(w, 'walk-the-map');
      walk.proposals[0]!.serviceId = 'svc_gone';
      walk.proposals[1]!.objectiveId = 'obj_gone';
      workshop(w).actions[0]!.objectiveId = 'obj_gone';
    });
    const ws = 'workshops[0].activities';
    expect(problems(wb)).toEqual([
      `${ws}[0].scope.serviceIds[0]: Refers to service "svc_gone", which is not in the workbook`,
      `${ws}[0].ideas[0].targetId: Refers to objective or service "obj_gone", which is not in the workbook`,
      `${ws}[1].ballots[0].participantId: Refers to participant "ppt_gone", which is not in the workbook`,
      `${ws}[1].ballots[1].allocations[0].optionId: Votes for "obj_not_an_option", which is not an option of this activity`,
      `${ws}[2].ballots[0].allocations[3].optionId: Votes for "${original.services[0]!.id}", which is not an option of this activity`,
      `${ws}[3].placements[0].optionId: Places "ide_gone", which is not an option of this activity`,
      `${ws}[4].proposals[0].serviceId: Refers to service "svc_gone", which is not in the workbook`,
      `${ws}[4].proposals[1].objectiveId: Refers to objective "obj_gone", which is not in the workbook`,
      'workshops[0].actions[0].objectiveId: Refers to objective "obj_gone", which is not in the workbook',
    ]);
  });
});

describe('formatPath', () => {
  it('writes paths as an officer would find them in the file', () => {
    expect(formatPath(['alignments', 3, 'serviceId'])).toBe('alignments[3].serviceId');
    expect(formatPath(['workbook', 'workshops', 0, 'activities', 2, 'ballots', 1])).toBe('workbook.workshops[0].activities[2].ballots[1]');
    expect(formatPath([])).toBe('(top level)');
    expect(formatPath([0, 'x'])).toBe('[0].x');
  });
});
