/**
 * Suggested links on the hand-built workbook (tests/fixtures/hand-built-workbook.ts) and on one-objective
 * workbooks that isolate each rule. Theme outcome lists (themes.json, main first): health and wellbeing 5, 7;
 * economy 6, 4, 3; children 2, 4, 5; digital inclusion 3, 4, 6.
 */
import { describe, expect, it } from 'vitest';
import {
  emptyWorkbook,
  handBuiltWorkbook,
  link,
  objective,
  service,
} from '../../tests/fixtures/hand-built-workbook';
import type { AmbitionOutcomeId } from '../model/vocabulary';
import type { Objective } from '../model/workbook-schema';
import { pairKey, suggestLinks } from './suggestions';

const short = (wb: ReturnType<typeof handBuiltWorkbook>) =>
  suggestLinks(wb).map((s) => `${s.serviceId}→${s.objectiveId}:${s.strength}:${s.themeId}`);

/** One objective and one service with the given outcomes: what, if anything, is suggested? */
function suggestionFor(target: Objective | Objective[], outcomes: AmbitionOutcomeId[]) {
  const wb = emptyWorkbook();
  wb.objectives = Array.isArray(target) ? target : [target];
  wb.services = [service('svc_x', 'Test service', 'Reading', outcomes)];
  return suggestLinks(wb);
}

describe('suggestLinks on the hand-built workbook', () => {
  it('suggests exactly the seven pairs worked out by hand, objective by objective', () => {
    expect(short(handBuiltWorkbook())).toEqual([
      // Fewer lonely adults and More active people: health theme from the top theme's themeRef. Reading Well
      // mainly serves 5, the theme's first outcome: medium. Chatty Café (7, also a main one) is already linked to both.
      'svc_S6→obj_OC1:2:health-wellbeing',
      'svc_S6→obj_O2:2:health-wellbeing',
      // Digital skills for all matches economy and digital inclusion: Public computers mainly serves 3, which is
      // economy's third (weak) but digital inclusion's first (medium): the better one wins.
      'svc_S7→obj_O3:2:digital-inclusion',
      // Support new firms, by its parent's words (economy): Digital skills sessions 3 is third (weak), Job club 6 first.
      'svc_S2→obj_O6:1:economy-skills-jobs',
      'svc_S4→obj_O6:2:economy-skills-jobs',
      // Every child ready for school (children): Rhymetime 2 first (medium), Reading Well 5 third (weak).
      'svc_S3→obj_O5:2:children-young-people',
      'svc_S6→obj_O5:1:children-young-people',
    ]);
  });

  it('explains each suggestion in words', () => {
    const [first, , , weak] = suggestLinks(handBuiltWorkbook());
    expect(first!.reason).toBe(
      'Reading Well mainly serves “Healthier and happier lives”, which the health and wellbeing theme draws on most.',
    );
    expect(weak!.reason).toBe(
      'Digital skills sessions mainly serves “Improved digital access and literacy”, which the economy, skills and jobs theme draws on.',
    );
  });

  it('never suggests a linked pair (even one assessed as 0), a dismissed pair, or a parent objective', () => {
    const keys = new Set(suggestLinks(handBuiltWorkbook()).map((s) => pairKey(s.serviceId, s.objectiveId)));
    for (const [s, o] of [
      ['svc_S1', 'obj_OC1'],
      ['svc_S1', 'obj_O2'],
      ['svc_S7', 'obj_O6'],
    ])
      expect(keys.has(pairKey(s!, o!))).toBe(false);
    expect([...keys].some((k) => k.endsWith('obj_T1') || k.endsWith('obj_T2') || k.endsWith('obj_O1'))).toBe(
      false,
    );
  });

  it('suggests a pair again once its dismissal or link is removed', () => {
    const wb = handBuiltWorkbook();
    wb.dismissedSuggestions = [];
    wb.alignments = wb.alignments.filter((a) => a.id !== 'aln_A2');
    expect(short(wb)).toContain('svc_S7→obj_O6:1:economy-skills-jobs');
    // Chatty Café mainly serves 7, health's second main outcome: still medium.
    expect(short(wb)).toContain('svc_S1→obj_O2:2:health-wellbeing');
  });
});

describe('suggestLinks rule by rule', () => {
  const health = objective('obj_h', 'Improve residents’ health', 'objective', null);
  const children = objective(
    'obj_c',
    'Better outcomes for families',
    'objective',
    null,
    'children-young-people',
  );

  it('medium when the service’s main outcome is one of the theme’s two main outcomes', () => {
    expect(suggestionFor(health, [5]).map((s) => s.strength)).toEqual([2]);
    expect(suggestionFor(health, [7, 1]).map((s) => s.strength)).toEqual([2]);
    expect(suggestionFor(children, [4]).map((s) => s.strength)).toEqual([2]);
  });

  it('weak when it is one the theme draws on further down', () => {
    expect(suggestionFor(children, [5]).map((s) => s.strength)).toEqual([1]);
  });

  it('nothing when only a secondary outcome overlaps, or the service has no outcomes', () => {
    // Health draws on 5 and 7; this service mainly serves 2 and only secondarily 5 and 7.
    expect(suggestionFor(health, [2, 5, 7])).toEqual([]);
    expect(suggestionFor(health, [])).toEqual([]);
  });

  it('takes the theme from themeRef first, even over the objective’s own words', () => {
    // Words say health; the theme set on it says children.
    const o = objective('obj_t', 'Improve residents’ health', 'objective', null, 'children-young-people');
    expect(suggestionFor(o, [2]).map((s) => s.themeId)).toEqual(['children-young-people']);
    expect(suggestionFor(o, [5]).map((s) => s.strength)).toEqual([1]);
  });

  it('takes the theme from an ancestor’s themeRef before any words', () => {
    const theme = objective('obj_p', 'Our families', 'theme', null, 'health-wellbeing');
    const child = objective('obj_k', 'Every child ready for school', 'objective', 'obj_p');
    expect(suggestionFor([theme, child], [5]).map((s) => [s.objectiveId, s.themeId])).toEqual([
      ['obj_k', 'health-wellbeing'],
    ]);
  });

  it('ignores a themeRef that names no starter theme and reads the words instead', () => {
    const o = objective('obj_w', 'Reduce loneliness', 'objective', null, 'not-a-theme');
    // “loneliness” is a health word and a communities word.
    expect(suggestionFor(o, [7]).map((s) => s.themeId)).toEqual(['health-wellbeing']);
  });

  it('reads the objective’s description as well as its title', () => {
    const o = {
      ...objective('obj_d', 'Priority 4', 'objective', null),
      description: 'More people in good jobs',
    };
    expect(suggestionFor(o, [6]).map((s) => [s.themeId, s.strength])).toEqual([['economy-skills-jobs', 2]]);
  });

  it('falls back to the nearest ancestor’s words when the objective has none', () => {
    const parent = objective('obj_p', 'Digital Northshire', 'theme', null);
    const child = objective('obj_k', 'Priority 4', 'objective', 'obj_p');
    expect(suggestionFor([parent, child], [3]).map((s) => [s.objectiveId, s.themeId, s.strength])).toEqual([
      ['obj_k', 'digital-inclusion', 2],
    ]);
  });

  it('suggests nothing for an objective no theme recognises', () => {
    expect(
      suggestionFor(objective('obj_n', 'Keep the roads safe', 'objective', null), [1, 2, 3, 4, 5, 6, 7]),
    ).toEqual([]);
  });

  it('keeps a link assessed as 0 from being suggested', () => {
    const wb = emptyWorkbook();
    wb.objectives = [health];
    wb.services = [service('svc_x', 'Test service', 'Reading', [5])];
    wb.alignments = [link('aln_0', 'svc_x', 'obj_h', 0)];
    expect(suggestLinks(wb)).toEqual([]);
  });
});
