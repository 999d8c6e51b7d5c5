/**
 * From an imported outline to workbook objectives: which level each item gets, where deep nesting goes, and
 * that the result is always a hierarchy the workbook accepts.
 */
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../model/new-workbook';
import { validateWorkbook } from '../model/workbook-format';
import type { Objective, SourceRef } from '../model/workbook-schema';
import { parseOutline, type OutlineNode } from './outline';
import { defaultRoles, planLinesFromOutline, planLinesToObjectives, type PlanLine } from './plan-lines';
import { defaultTopLevel, type TopLevel } from './to-objectives';

/** An outline made into objectives with every item at its default role, as an import with no changes does. */
function outlineToObjectives(nodes: readonly OutlineNode[], options: { topLevel: TopLevel; source: SourceRef | null | ((line: PlanLine) => SourceRef | null) }) {
  const lines = planLinesFromOutline(nodes);
  return planLinesToObjectives(lines, defaultRoles(lines, options.topLevel), options.source);
}

/** "title (level) ← parent title" for each objective, in the order made. */
function placed(objectives: readonly Objective[]): string[] {
  const title = new Map(objectives.map((o) => [o.id, o.title]));
  return objectives.map(
    (o) => `${o.title} (${o.level})${o.parentId ? ` ← ${title.get(o.parentId) ?? o.parentId}` : ''}`,
  );
}

function expectValid(objectives: Objective[], existing: Objective[] = []) {
  const wb = createWorkbook({ title: 'Import test', now: new Date('2026-11-28T09:00:00Z') });
  wb.objectives.push(...existing, ...objectives);
  const checked = validateWorkbook(wb);
  expect(checked.ok ? [] : (checked.error.issues ?? [checked.error.message])).toEqual([]);
}

const DEEP = parseOutline(
  '1 Health\n1.1 Loneliness\n1.1.1 Befriending\n1.1.1.1 Reading Friends\n1.1.1.1.1 Phone calls\n1.2 Activity\n2 Economy',
);

describe('defaultTopLevel', () => {
  it('reads a flat list as objectives and anything nested as themes', () => {
    expect(defaultTopLevel(parseOutline('- Health\n- Economy'))).toBe('objective');
    expect(defaultTopLevel(parseOutline('- Health\n  - Loneliness'))).toBe('theme');
    expect(defaultTopLevel([])).toBe('objective');
  });
});

describe('an outline made into objectives', () => {
  it('makes themes, objectives beneath them, and outcomes beneath those', () => {
    const made = outlineToObjectives(
      parseOutline('1. Health\n1.1 Loneliness\n1.1.1 Fewer lonely adults\n2. Economy'),
      { topLevel: 'theme', source: null },
    );
    expect(placed(made)).toEqual([
      'Health (theme)',
      'Loneliness (objective) ← Health',
      'Fewer lonely adults (outcome) ← Loneliness',
      'Economy (theme)',
    ]);
    expectValid(made);
  });

  it('flattens anything deeper than outcomes into further outcomes of the same objective', () => {
    const made = outlineToObjectives(DEEP, { topLevel: 'theme', source: null });
    expect(placed(made)).toEqual([
      'Health (theme)',
      'Loneliness (objective) ← Health',
      'Befriending (outcome) ← Loneliness',
      'Reading Friends (outcome) ← Loneliness',
      'Phone calls (outcome) ← Loneliness',
      'Activity (objective) ← Health',
      'Economy (theme)',
    ]);
    expectValid(made);
  });

  it('with objectives at the top, puts everything below them as outcomes', () => {
    const made = outlineToObjectives(DEEP, { topLevel: 'objective', source: null });
    expect(placed(made)).toEqual([
      'Health (objective)',
      'Loneliness (outcome) ← Health',
      'Befriending (outcome) ← Health',
      'Reading Friends (outcome) ← Health',
      'Phone calls (outcome) ← Health',
      'Activity (outcome) ← Health',
      'Economy (objective)',
    ]);
    expectValid(made);
  });

  it('keeps descriptions, gives every item the shared source, and starts with no KPIs, evidence or theme', () => {
    const nodes = parseOutline(
      'Theme 1: Health\nWe want everyone to live a long and healthy life in Northshire.\n- Loneliness',
    );
    const made = outlineToObjectives(nodes, {
      topLevel: 'theme',
      source: { document: 'Council Plan 2026', page: '12', url: '' },
    });
    expect(made[0]).toMatchObject({
      title: 'Health',
      description: 'We want everyone to live a long and healthy life in Northshire.',
      source: { document: 'Council Plan 2026', page: '12', url: '' },
      themeRef: '',
      kpis: [],
      evidenceIds: [],
      priority: null,
    });
    expect(made[1]!.source).toEqual(made[0]!.source);
    expect(new Set(made.map((o) => o.id)).size).toBe(2);
    expect(made.every((o) => /^obj_[a-z2-9]{12}$/.test(o.id))).toBe(true);
  });

  it('takes a source per item when given a function (a spreadsheet row can name its own)', () => {
    const nodes = parseOutline('- Health\n- Economy');
    const made = outlineToObjectives(nodes, {
      topLevel: 'objective',
      source: (n: PlanLine) =>
        n.title === 'Health' ? { document: 'Health strategy', page: '', url: '' } : null,
    });
    expect(made.map((o) => o.source)).toEqual([{ document: 'Health strategy', page: '', url: '' }, null]);
  });

  it('cuts titles and descriptions to the lengths the workbook allows', () => {
    const node: OutlineNode = {
      title: 'T'.repeat(600),
      description: 'D'.repeat(25_000),
      line: 1,
      key: 1,
      children: [],
    };
    const [made] = outlineToObjectives([node], { topLevel: 'objective', source: null });
    expect(made!.title).toHaveLength(500);
    expect(made!.description).toHaveLength(20_000);
    expectValid([made!]);
  });
});
