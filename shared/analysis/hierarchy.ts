/**
 * Reading the objective hierarchy: children, descendants, depth, and which starter theme an objective belongs
 * to (its own theme, its parent's, or one recognised from its words).
 */
import type { Objective, Workbook } from '../model/workbook-schema';
import { findTheme, THEMES, type Theme } from '../reference/catalogue';

export interface HierarchyIndex {
  readonly byId: ReadonlyMap<string, Objective>;
  readonly children: ReadonlyMap<string | null, readonly Objective[]>;
}

export function indexObjectives(objectives: readonly Objective[]): HierarchyIndex {
  const byId = new Map(objectives.map((o) => [o.id, o]));
  const children = new Map<string | null, Objective[]>();
  for (const o of objectives) {
    const parent = o.parentId !== null && byId.has(o.parentId) ? o.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(o);
    children.set(parent, list);
  }
  return { byId, children };
}

export function descendantIds(index: HierarchyIndex, id: string): string[] {
  const out: string[] = [];
  const stack = [...(index.children.get(id) ?? [])];
  while (stack.length > 0) {
    const o = stack.pop()!;
    out.push(o.id);
    stack.push(...(index.children.get(o.id) ?? []));
  }
  return out;
}

export function depthOf(index: HierarchyIndex, id: string): number {
  let depth = 0;
  let current = index.byId.get(id);
  const seen = new Set<string>();
  while (current?.parentId && index.byId.has(current.parentId) && !seen.has(current.parentId)) {
    seen.add(current.parentId);
    depth++;
    current = index.byId.get(current.parentId);
  }
  return depth;
}

/** Objectives in display order: each parent followed by its children, depth first, keeping sibling order. */
export function inTreeOrder(objectives: readonly Objective[]): Array<{ objective: Objective; depth: number }> {
  const index = indexObjectives(objectives);
  const out: Array<{ objective: Objective; depth: number }> = [];
  const visit = (parent: string | null, depth: number) => {
    for (const o of index.children.get(parent) ?? []) {
      out.push({ objective: o, depth });
      visit(o.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** Tree numbers as the map, the Review step, the documents and the command line show them: 1, 1.2, 1.2.3. */
export function objectiveCodes(objectives: readonly Objective[]): Map<string, string> {
  const codes = new Map<string, string>();
  const counters = new Map<string | null, number>();
  for (const { objective } of inTreeOrder(objectives)) {
    const n = (counters.get(objective.parentId) ?? 0) + 1;
    counters.set(objective.parentId, n);
    const parentCode = objective.parentId ? codes.get(objective.parentId) : undefined;
    codes.set(objective.id, parentCode ? `${parentCode}.${n}` : String(n));
  }
  return codes;
}

/** Objectives that are assessed on their own: those without children (a theme with children is judged through them). */
export function assessableObjectives(wb: Pick<Workbook, 'objectives'>): Objective[] {
  const index = indexObjectives(wb.objectives);
  return wb.objectives.filter((o) => (index.children.get(o.id) ?? []).length === 0);
}

const keywordPatterns = new Map<string, RegExp>();
function keywordPattern(keyword: string): RegExp {
  let re = keywordPatterns.get(keyword);
  if (!re) {
    const prefix = keyword.endsWith('*');
    const body = (prefix ? keyword.slice(0, -1) : keyword).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(`\\b${body}${prefix ? '' : '\\b'}`, 'i');
    keywordPatterns.set(keyword, re);
  }
  return re;
}

/**
 * Themes whose words appear in the text, the best match first. A phrase says more than a single word ("net zero"
 * names the environment; a lone word such as "growth" could belong to several themes), so each keyword counts
 * for as many words as it has.
 */
export function themesByWords(text: string): Theme[] {
  return THEMES.map((theme) => ({
    theme,
    score: theme.keywords.filter((k) => keywordPattern(k).test(text)).reduce((n, k) => n + k.split(/\s+/).length, 0),
  }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((m) => m.theme);
}

/** The starter theme an objective belongs to (the best match), or undefined when nothing points to one. */
export function themeOf(index: HierarchyIndex, objective: Objective): Theme | undefined {
  return themesOf(index, objective)[0];
}

/**
 * Every starter theme an objective may belong to: the one set on it or an ancestor; otherwise all themes its
 * own words match ("help people gain digital skills" is both digital inclusion and skills); otherwise those
 * its nearest ancestor's words match.
 */
export function themesOf(index: HierarchyIndex, objective: Objective): Theme[] {
  const seen = new Set<string>();
  let current: Objective | undefined = objective;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    if (current.themeRef) {
      const theme = findTheme(current.themeRef);
      if (theme) return [theme];
    }
    current = current.parentId ? index.byId.get(current.parentId) : undefined;
  }
  current = objective;
  seen.clear();
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    const themes = themesByWords(`${current.title} ${current.description}`);
    if (themes.length > 0) return themes;
    current = current.parentId ? index.byId.get(current.parentId) : undefined;
  }
  return [];
}
