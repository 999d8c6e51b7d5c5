import { describe, expect, it } from 'vitest';
import { parseOutlineLines } from './outline';
import { changeRole, countLines, defaultRoles, effectiveRoles, planLinesFromText, planLinesToObjectives, type LineRole } from './plan-lines';

const linesOf = (text: string) => {
  const { nodes, lines } = parseOutlineLines(text);
  return planLinesFromText(nodes, lines);
};

describe('plan lines', () => {
  const text = ['Theme 1: Healthy lives', 'Reduce loneliness', 'Help more people to be physically active', 'Priority 2:', 'Jobs: More residents in good, secure jobs'].join('\n');

  it('lists every line with a role, a bare "Priority 2:" left out where the officer sees it', () => {
    const lines = linesOf(text);
    const roles = defaultRoles(lines, 'theme');
    expect(lines.map((l) => [l.line, roles.get(l.key), l.title])).toEqual([
      [1, 'theme', 'Healthy lives'],
      [2, 'objective', 'Reduce loneliness'],
      [3, 'objective', 'Help more people to be physically active'],
      [4, 'omitted', 'Priority 2:'],
      [5, 'objective', 'Jobs'],
    ]);
    expect(lines[4]!.description).toBe('More residents in good, secure jobs');
  });

  it('follows the officer’s changes: an objective made a description is added to the item above', () => {
    const lines = linesOf(text);
    const roles = defaultRoles(lines, 'theme', new Map<number, LineRole>([[3, 'description'], [5, 'theme']]));
    const objectives = planLinesToObjectives(lines, roles, { document: 'Plan', page: '4', url: '' });
    expect(objectives.map((o) => [o.level, o.title, o.description])).toEqual([
      ['theme', 'Healthy lives', ''],
      ['objective', 'Reduce loneliness', 'Help more people to be physically active'],
      ['theme', 'Jobs', 'More residents in good, secure jobs'],
    ]);
    expect(objectives[1]!.parentId).toBe(objectives[0]!.id);
    expect(objectives[2]!.parentId, 'promoted to a theme of its own').toBeNull();
    expect(objectives.every((o) => o.source?.page === '4')).toBe(true);
  });

  it('never makes an outcome without an objective, or a description of nothing, and says so', () => {
    const lines = linesOf('Reduce loneliness\nHelp more people to be physically active');
    const roles = new Map<number, LineRole>([[1, 'description'], [2, 'outcome']]);
    const effective = effectiveRoles(lines, roles);
    expect(effective.map((e) => [e.role, e.note])).toEqual([
      ['omitted', 'no item above it to describe'],
      ['objective', 'no objective above it, so it is added as an objective'],
    ]);
    expect(countLines(effective)).toEqual({ read: 2, kept: 1, omitted: 1 });
  });

  it('promotes and demotes one level at a time, and brings a left-out line back', () => {
    expect(changeRole('outcome', 'promote')).toBe('objective');
    expect(changeRole('theme', 'promote')).toBe('theme');
    expect(changeRole('objective', 'demote')).toBe('outcome');
    expect(changeRole('outcome', 'demote')).toBe('description');
    expect(changeRole('omitted', 'promote')).toBe('objective');
    expect(changeRole('theme', 'description')).toBe('description');
    expect(changeRole('description', 'omitted')).toBe('omitted');
  });
});
