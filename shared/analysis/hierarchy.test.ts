/** Reading the objective tree: order, depth, descendants, what is assessed, and theme recognition. */
import { describe, expect, it } from 'vitest';
import { handBuiltWorkbook, objective } from '../../tests/fixtures/hand-built-workbook';
import { themesByWords,
  assessableObjectives,
  depthOf,
  descendantIds,
  indexObjectives,
  inTreeOrder,
  themesOf,
} from './hierarchy';

const wb = handBuiltWorkbook();
const index = indexObjectives(wb.objectives);

describe('hierarchy', () => {
  it('lists objectives parent first, keeping sibling order even when children come before parents in the file', () => {
    const shuffled = [...wb.objectives].reverse();
    expect(inTreeOrder(shuffled).map(({ objective: o, depth }) => `${'  '.repeat(depth)}${o.title}`)).toEqual(
      [
        'Every child ready for school',
        'Keep the roads safe',
        'Good jobs',
        '  Support new firms',
        '  Digital skills for all',
        'Healthy lives',
        '  More active people',
        '  Reduce loneliness',
        '    Fewer lonely adults',
      ],
    );
  });

  it('finds depth and every descendant', () => {
    expect(['obj_T1', 'obj_O1', 'obj_OC1'].map((id) => depthOf(index, id))).toEqual([0, 1, 2]);
    expect(descendantIds(index, 'obj_T1').sort()).toEqual(['obj_O1', 'obj_O2', 'obj_OC1']);
    expect(descendantIds(index, 'obj_OC1')).toEqual([]);
  });

  it('assesses only objectives without children', () => {
    expect(assessableObjectives(wb).map((o) => o.id)).toEqual([
      'obj_OC1',
      'obj_O2',
      'obj_O3',
      'obj_O6',
      'obj_O4',
      'obj_O5',
    ]);
  });

  it('treats an objective whose parent is missing as top level, and survives a cycle', () => {
    const orphan = objective('obj_x', 'Orphan', 'objective', 'obj_gone');
    const a = objective('obj_a', 'Health loop', 'objective', 'obj_b');
    const b = objective('obj_b', 'Other loop', 'objective', 'obj_a');
    const idx = indexObjectives([orphan, a, b]);
    expect(idx.children.get(null)!.map((o) => o.id)).toEqual(['obj_x']);
    expect(depthOf(idx, 'obj_x')).toBe(0);
    expect(depthOf(idx, 'obj_a')).toBe(2);
    expect(themesOf(idx, b).map((t) => t.id)).toEqual(['health-wellbeing']);
  });

  it('recognises every theme an objective’s words match, most matches first', () => {
    // “digital” and “skills” (digital inclusion: digital*; economy: skill*, job*): economy has two hits.
    const o = objective('obj_d', 'Digital skills for jobs', 'objective', null);
    expect(themesOf(indexObjectives([o]), o).map((t) => t.id)).toEqual([
      'economy-skills-jobs',
      'digital-inclusion',
    ]);
  });
});

describe('themes by meaning, from real council objectives', () => {
  const first = (title: string) => themesByWords(title)[0]?.id ?? 'none';
  it('reads net zero as the environment, even when the objective starts “Work towards”', () => {
    expect(first('Work towards net zero by 2030')).toBe('climate-environment');
    // Everyone's Essex, environment commitments.
    expect(first('Net zero')).toBe('climate-environment');
    expect(first('Minimise waste')).toBe('climate-environment');
    // Maidstone's draft outcomes.
    expect(first('More residents participate in taking care of the environment')).toBe('climate-environment');
    expect(first('The carbon footprint of the borough is reduced')).toBe('climate-environment');
    // East Devon Council Plan 2024-2028.
    expect(first('A sustainable environment that is moving towards carbon neutrality and which promotes ecological recovery.')).toBe('climate-environment');
  });

  it('reads work as employment only where it means jobs', () => {
    expect(first('Good jobs')).toBe('economy-skills-jobs');
    expect(first('Help people back to work')).toBe('economy-skills-jobs');
    expect(first('Help people gain the skills they need')).toBe('economy-skills-jobs');
    // Kent, Framing Kent's Future: working with Government is not employment.
    expect(themesByWords('Work with Government to secure the powers and resources that Kent needs to succeed').map((t) => t.id)).not.toContain('economy-skills-jobs');
  });

  it('keeps care for adult care, not “taking care of” something', () => {
    expect(first('Enable the right care, at the right time, in the right place for those in need of support.')).toBe('older-people-independence');
    expect(themesByWords('More residents participate in taking care of the environment').map((t) => t.id)).not.toContain('older-people-independence');
  });
});
