/**
 * Every line of an imported plan with the role it will have: theme, objective, outcome, description of the item
 * above, or left out. The parser proposes the roles; the officer can change any line's role in the preview before
 * anything is added; then the lines become objectives in one pass. Nothing is lost without the officer seeing it.
 */
import { newObjective } from '../model/factories';
import type { Objective, SourceRef } from '../model/workbook-schema';
import type { OutlineLine, OutlineNode } from './outline';
import type { TopLevel } from './to-objectives';

export const LINE_ROLES = ['theme', 'objective', 'outcome', 'description', 'omitted'] as const;
export type LineRole = (typeof LINE_ROLES)[number];

export const LINE_ROLE_LABELS: Record<LineRole, string> = {
  theme: 'Theme',
  objective: 'Objective',
  outcome: 'Outcome',
  description: 'Description',
  omitted: 'Left out',
};

export interface PlanLine {
  /** Unique within one import; the source line for text, the item's key for a spreadsheet. */
  readonly key: number;
  /** The line (or spreadsheet row) it came from, for messages. */
  readonly line: number;
  /** The whole line as written (what a description takes). */
  readonly text: string;
  /** As an item: its title and its own description ("Label: explanation", a spreadsheet's description column). */
  readonly title: string;
  readonly description: string;
  /** The parser's reading, from which the default role follows. */
  readonly reading: OutlineLine['reading'];
}

function levelAt(top: TopLevel, depth: number): LineRole {
  if (depth === 0) return top;
  if (top === 'theme') return depth === 1 ? 'objective' : 'outcome';
  return 'outcome';
}

export function defaultRole(line: PlanLine, top: TopLevel): LineRole {
  if (line.reading.kind === 'item') return levelAt(top, line.reading.depth);
  return line.reading.kind === 'description' ? 'description' : 'omitted';
}

/** The role a line gets when the officer keeps one the reader left out: the level of its place in the outline. */
export function keptRole(line: PlanLine, top: TopLevel): LineRole {
  const role = defaultRole(line, top);
  if (role !== 'omitted') return role;
  return levelAt(top, line.reading.kind === 'omitted' ? (line.reading.depth ?? 0) : 0);
}

/**
 * Leaves out the given lines and, for an item, the lines beneath it (deeper items and their descriptions), as
 * unticking an item did: what remains keeps its place in the hierarchy.
 */
export function leaveOutWithChildren(lines: readonly PlanLine[], roles: Map<number, LineRole>, keys: ReadonlySet<number>): void {
  let depth: number | null = null;
  for (const l of lines) {
    const d = l.reading.kind === 'item' ? l.reading.depth : null;
    if (depth !== null && d !== null && d <= depth) depth = null;
    if (keys.has(l.key)) {
      roles.set(l.key, 'omitted');
      if (d !== null && depth === null) depth = d;
    } else if (depth !== null) roles.set(l.key, 'omitted');
  }
}

/** The lines of a text or Word plan, with each item's title and description from the outline. */
export function planLinesFromText(nodes: readonly OutlineNode[], lines: readonly OutlineLine[]): PlanLine[] {
  const byKey = new Map<number, OutlineNode>();
  const index = (list: readonly OutlineNode[]) => list.forEach((n) => (byKey.set(n.key, n), index(n.children)));
  index(nodes);
  return lines.map((l) => {
    const node = l.reading.kind === 'item' ? byKey.get(l.reading.key) : undefined;
    // A node's description also holds the prose lines after it, which are lines of their own here.
    const own = node && l.text.startsWith(`${node.title}: `) ? l.text.slice(node.title.length + 2) : '';
    return { key: l.line, line: l.line, text: l.text, title: node?.title ?? l.text, description: own, reading: l.reading };
  });
}

/** The items of a spreadsheet's outline as lines, in the order the outline holds them. */
export function planLinesFromOutline(nodes: readonly OutlineNode[]): PlanLine[] {
  const out: PlanLine[] = [];
  const visit = (list: readonly OutlineNode[], depth: number) => {
    for (const n of list) {
      out.push({ key: n.key, line: n.line, text: n.title, title: n.title, description: n.description, reading: { kind: 'item', depth, key: n.key } });
      visit(n.children, depth + 1);
    }
  };
  visit(nodes, 0);
  return out;
}

export type RoleChange = 'promote' | 'demote' | 'description' | 'objective' | 'omitted';

/** The role a change gives a line: promote and demote step through theme, objective, outcome and description. */
export function changeRole(role: LineRole, change: RoleChange): LineRole {
  const ladder: readonly LineRole[] = ['theme', 'objective', 'outcome', 'description'];
  switch (change) {
    case 'promote':
      return role === 'omitted' ? 'objective' : ladder[Math.max(0, ladder.indexOf(role) - 1)]!;
    case 'demote':
      return role === 'omitted' ? 'description' : ladder[Math.min(ladder.length - 1, ladder.indexOf(role) + 1)]!;
    default:
      return change;
  }
}

/**
 * What each line will actually become, given the roles chosen: an outcome with no objective above it becomes an
 * objective, and a description with no item above it is left out (both said in `note`). One pass.
 */
export function effectiveRoles(lines: readonly PlanLine[], roles: ReadonlyMap<number, LineRole>): Array<{ line: PlanLine; role: LineRole; note: string }> {
  let hasItem = false;
  let hasObjective = false;
  return lines.map((line) => {
    let role = roles.get(line.key)!;
    let note = '';
    if (role === 'outcome' && !hasObjective) {
      role = 'objective';
      note = 'no objective above it, so it is added as an objective';
    }
    if (role === 'description' && !hasItem) {
      role = 'omitted';
      note = 'no item above it to describe';
    }
    if (role === 'theme') hasObjective = false;
    if (role === 'objective') hasObjective = true;
    if (role === 'theme' || role === 'objective' || role === 'outcome') hasItem = true;
    return { line, role, note };
  });
}

/** The default roles for all lines. */
export function defaultRoles(lines: readonly PlanLine[], top: TopLevel, chosen: ReadonlyMap<number, LineRole> = new Map()): Map<number, LineRole> {
  return new Map(lines.map((l) => [l.key, chosen.get(l.key) ?? defaultRole(l, top)]));
}

export interface LineCounts {
  read: number;
  kept: number;
  omitted: number;
}

export function countLines(effective: ReadonlyArray<{ role: LineRole }>): LineCounts {
  const omitted = effective.filter((e) => e.role === 'omitted').length;
  return { read: effective.length, kept: effective.length - omitted, omitted };
}

/**
 * The objectives the lines make, in order: a theme starts a group, an objective sits under the last theme, an
 * outcome under the last objective, and a description is added to the item above it.
 */
export function planLinesToObjectives(
  lines: readonly PlanLine[],
  roles: ReadonlyMap<number, LineRole>,
  source: SourceRef | null | ((line: PlanLine) => SourceRef | null),
): Objective[] {
  const out: Objective[] = [];
  let theme: Objective | null = null;
  let objective: Objective | null = null;
  let last: Objective | null = null;
  for (const { line, role } of effectiveRoles(lines, roles)) {
    if (role === 'omitted') continue;
    if (role === 'description') {
      if (last) last.description = (last.description ? `${last.description} ${line.text}` : line.text).slice(0, 20_000);
      continue;
    }
    const parentId = role === 'theme' ? null : role === 'objective' ? (theme?.id ?? null) : objective!.id;
    const o = newObjective({
      level: role,
      parentId,
      title: line.title.slice(0, 500),
      description: line.description.slice(0, 20_000),
      source: typeof source === 'function' ? source(line) : source,
    });
    out.push(o);
    last = o;
    if (role === 'theme') {
      theme = o;
      objective = null;
    } else if (role === 'objective') objective = o;
  }
  return out;
}
