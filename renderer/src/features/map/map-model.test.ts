/**
 * The map's model on the hand-built workbook (tests/fixtures/hand-built-workbook.ts), checked by hand, and the
 * reuse of rows, columns and suggestions between edits: whatever is reused, the model must equal one built
 * from scratch.
 */
import { describe, expect, it } from 'vitest';
import { pairKey, suggestLinks } from '../../../../shared/analysis/suggestions';
import type { Workbook } from '../../../../shared/model/workbook-schema';
import { handBuiltWorkbook, link } from '../../../../tests/fixtures/hand-built-workbook';
import { objectiveCodes } from '../../../../shared/analysis/hierarchy';
import { buildMapModel, cellLabel, NO_FILTERS, parseStrength, recordedWork, type MapModel } from './map-model';

/** The model as plain data, to compare two builds. */
function plain(m: MapModel) {
  return {
    rows: m.rows.map((r) => r.id),
    columns: m.columns.map((c) => [c.objective.id, c.objective.title, c.code, c.themeTitle]),
    links: [...m.links.entries()].map(([k, a]) => [k, a.strength]),
    suggestions: [...m.suggestions.entries()].map(([k, s]) => [k, s.strength, s.themeId]),
    rowSummary: [...m.rowSummary.entries()],
    columnSummary: [...m.columnSummary.entries()],
    councilThemes: m.councilThemes.map((t) => t.id),
  };
}

/** A copy with every array new, so nothing can be reused from an earlier build. */
const fresh = (wb: Workbook): Workbook => structuredClone(wb);

describe('buildMapModel', () => {
  const wb = handBuiltWorkbook();
  const m = buildMapModel(wb, NO_FILTERS);

  it('orders services by Universal Library Offer, keeping their order within one', () => {
    // Information and Digital, then Health and Wellbeing, Culture and Creativity, the Children's Promise.
    expect(m.rows.map((s) => s.name)).toEqual([
      'Digital skills sessions',
      'Job club',
      'Public computers',
      'Chatty Café',
      'Reading Well',
      'Exhibitions',
      'Rhymetime',
    ]);
  });

  it('makes a column of every objective except themes with objectives beneath, with tree codes and theme titles', () => {
    expect(m.columns.map((c) => [c.code, c.objective.title, c.themeTitle])).toEqual([
      ['1.1', 'Reduce loneliness', 'Healthy lives'],
      ['1.1.1', 'Fewer lonely adults', 'Healthy lives'],
      ['1.2', 'More active people', 'Healthy lives'],
      ['2.1', 'Digital skills for all', 'Good jobs'],
      ['2.2', 'Support new firms', 'Good jobs'],
      ['3', 'Keep the roads safe', ''],
      ['4', 'Every child ready for school', ''],
    ]);
    expect(m.councilThemes.map((t) => t.title)).toEqual(['Healthy lives', 'Good jobs']);
    expect(objectiveCodes(wb.objectives).get('obj_T2')).toBe('2');
  });

  it('sums rows and columns with the weights 9, 3 and 1, leaving out links of 0', () => {
    expect(Object.fromEntries(m.rowSummary)).toEqual({
      svc_S1: { links: 2, score: 10 },
      svc_S2: { links: 1, score: 9 },
      svc_S4: { links: 2, score: 6 },
    });
    expect(Object.fromEntries(m.columnSummary)).toEqual({
      obj_OC1: { services: 1, score: 9, status: 'strong' },
      obj_O2: { services: 1, score: 1, status: 'weak' },
      obj_O3: { services: 2, score: 12, status: 'strong' },
      obj_O1: { services: 1, score: 3, status: 'moderate' },
    });
    expect(m.links.get(pairKey('svc_S3', 'obj_O1'))!.strength).toBe(0);
  });

  it('shows exactly the suggestions suggestLinks makes', () => {
    expect([...m.suggestions.keys()]).toEqual(
      suggestLinks(wb).map((s) => pairKey(s.serviceId, s.objectiveId)),
    );
    expect(m.suggestions.size).toBe(7);
  });

  it('filters by offer, Ambition outcome and council theme, and can hide suggestions', () => {
    expect(buildMapModel(wb, { ...NO_FILTERS, offer: 'Health and Wellbeing' }).rows.map((s) => s.id)).toEqual(
      ['svc_S1', 'svc_S6'],
    );
    expect(buildMapModel(wb, { ...NO_FILTERS, outcome: 3 }).rows.map((s) => s.id)).toEqual([
      'svc_S2',
      'svc_S7',
    ]);
    expect(buildMapModel(wb, { ...NO_FILTERS, themeId: 'obj_T2' }).columns.map((c) => c.code)).toEqual([
      '2.1',
      '2.2',
    ]);
    expect(buildMapModel(wb, { ...NO_FILTERS, showSuggestions: false }).suggestions.size).toBe(0);
    expect(plain(buildMapModel(wb, NO_FILTERS))).toEqual(plain(m));
  });
});

describe('buildMapModel between edits', () => {
  it('reuses rows and columns when only the links changed, and drops the suggestion a new link answers', () => {
    const before = handBuiltWorkbook();
    const first = buildMapModel(before, NO_FILTERS);
    const edited: Workbook = {
      ...before,
      alignments: [...before.alignments, link('aln_new', 'svc_S6', 'obj_OC1', 2)],
    };
    const second = buildMapModel(edited, NO_FILTERS);
    expect(second.rows).toBe(first.rows);
    expect(second.columns).toBe(first.columns);
    expect(second.suggestions.has(pairKey('svc_S6', 'obj_OC1'))).toBe(false);
    expect(second.suggestions.size).toBe(6);
    expect(plain(second)).toEqual(plain(buildMapModel(fresh(edited), NO_FILTERS)));
    // Undo: the suggestion is back.
    expect(plain(buildMapModel(before, NO_FILTERS))).toEqual(plain(first));
  });

  it('drops a suggestion once it is dismissed', () => {
    const before = handBuiltWorkbook();
    buildMapModel(before, NO_FILTERS);
    const dismissed: Workbook = {
      ...before,
      dismissedSuggestions: [...before.dismissedSuggestions, { serviceId: 'svc_S3', objectiveId: 'obj_O5' }],
    };
    const after = buildMapModel(dismissed, NO_FILTERS);
    expect(after.suggestions.has(pairKey('svc_S3', 'obj_O5'))).toBe(false);
    expect(plain(after)).toEqual(plain(buildMapModel(fresh(dismissed), NO_FILTERS)));
  });

  it('rebuilds the columns when an objective changes, and the rows when a service does', () => {
    const before = handBuiltWorkbook();
    const first = buildMapModel(before, NO_FILTERS);
    const renamed: Workbook = {
      ...before,
      objectives: before.objectives.map((o) =>
        o.id === 'obj_O4' ? { ...o, title: 'Safer roads for everyone' } : o,
      ),
    };
    const second = buildMapModel(renamed, NO_FILTERS);
    expect(second.columns).not.toBe(first.columns);
    expect(second.columns.find((c) => c.objective.id === 'obj_O4')!.objective.title).toBe(
      'Safer roads for everyone',
    );
    // A service whose main outcome is now health's: it is suggested for the health objectives.
    const moved: Workbook = {
      ...renamed,
      services: renamed.services.map((s) => (s.id === 'svc_S5' ? { ...s, outcomes: [5] } : s)),
    };
    const third = buildMapModel(moved, NO_FILTERS);
    expect(third.suggestions.has(pairKey('svc_S5', 'obj_O2'))).toBe(true);
    expect(plain(third)).toEqual(plain(buildMapModel(fresh(moved), NO_FILTERS)));
  });
});

describe('parseStrength', () => {
  it('reads digits, words and symbols a spreadsheet user might type, and blanks as clear', () => {
    expect(
      ['3', ' 2 ', '0', 'Strong', 'moderate', 'low', 'none', '●', '○', '△', '', '-', '–'].map(parseStrength),
    ).toEqual([3, 2, 0, 3, 2, 1, 0, 3, 2, 1, 'clear', 'clear', 'clear']);
    expect(['4', 'maybe', '2.5'].map(parseStrength)).toEqual([null, null, null]);
  });
});

describe('cellLabel: a cell says where it is and what it holds', () => {
  const wb = handBuiltWorkbook();
  const m = buildMapModel(wb, NO_FILTERS);
  const at = (serviceId: string, objectiveId: string) => cellLabel(m, m.rows.findIndex((r) => r.id === serviceId), m.columns.findIndex((c) => c.objective.id === objectiveId));

  it('names the service, the objective with its code, the strength with its number, and the evidence count', () => {
    expect(at('svc_S1', 'obj_OC1')).toBe('Chatty Café, 1.1.1 Fewer lonely adults: strong (3), 1 evidence item');
    expect(at('svc_S4', 'obj_O1')).toBe('Job club, 1.1 Reduce loneliness: medium (2), 2 evidence items');
  });

  it('says when a contributing link has no evidence, but not for "none"', () => {
    expect(at('svc_S1', 'obj_O2')).toBe('Chatty Café, 1.2 More active people: weak (1), no evidence');
    expect(at('svc_S3', 'obj_O1')).toBe('Rhymetime, 1.1 Reduce loneliness: none (0)');
  });

  it('says "not assessed", with the suggestion when there is one', () => {
    expect(at('svc_S5', 'obj_O4')).toBe('Exhibitions, 3 Keep the roads safe: not assessed');
    const suggested = [...m.suggestions.values()][0]!;
    expect(at(suggested.serviceId, suggested.objectiveId)).toMatch(/: not assessed; suggested (weak|medium|strong)$/);
  });
});

describe('recordedWork: what clearing cells would throw away', () => {
  it('counts evidence, rationales and KPI links of the cleared links only', () => {
    const wb = handBuiltWorkbook();
    wb.alignments[0] = { ...wb.alignments[0]!, rationale: 'Because.', kpiIds: ['kpi_1'] };
    expect(recordedWork(wb, [{ serviceId: 'svc_S1', objectiveId: 'obj_OC1' }])).toBe('1 evidence item, its rationale and 1 KPI link');
    expect(recordedWork(wb, [{ serviceId: 'svc_S4', objectiveId: 'obj_O1' }, { serviceId: 'svc_S2', objectiveId: 'obj_O3' }])).toBe('3 evidence items');
  });

  it('is null when only a strength would go, so no Undo offer is needed', () => {
    const wb = handBuiltWorkbook();
    expect(recordedWork(wb, [{ serviceId: 'svc_S1', objectiveId: 'obj_O2' }])).toBeNull();
    expect(recordedWork(wb, [{ serviceId: 'svc_S5', objectiveId: 'obj_O4' }])).toBeNull();
  });
});
