/**
 * The one rule that turns the map's links into the contribution a document reports, used by every section,
 * table, chart and the matrix: a link recorded against an outcome (or anything else beneath an objective) counts
 * towards that objective, and a service's contribution to an objective is the strongest of its own link to the
 * objective and its links to what sits beneath it. Themes group objectives; a theme is reported on its own only
 * when nothing sits beneath it.
 */
import { indexObjectives, inTreeOrder, objectiveCodes, type HierarchyIndex } from '../../analysis/hierarchy';
import type { Strength } from '../../model/vocabulary';
import type { Alignment, Objective, Workbook } from '../../model/workbook-schema';

/** The method note every document that reports contributions prints, word for word. */
export const ROLL_UP_RULE =
  'A service’s contribution to an objective is the strongest of its link to the objective itself and its links to the outcomes beneath that objective; themes group objectives and are not assessed on their own.';

export interface RolledLink {
  readonly serviceId: string;
  readonly objectiveId: string;
  readonly strength: Strength;
  /** The links behind it (the objective's own and its outcomes'), with strength above zero. */
  readonly links: readonly Alignment[];
  /** Evidence cited by the links at the reported strength, then by the others, without repeats. */
  readonly evidenceIds: readonly string[];
}

export interface ObjectiveTree {
  readonly index: HierarchyIndex;
  /** Objectives that are reported on (columns of the matrix, rows of the coverage table), in tree order. */
  readonly reported: readonly Objective[];
  /** The reported objective each objective rolls up to (itself when it is one); absent for a theme with children. */
  readonly reportedOf: ReadonlyMap<string, string>;
  /** The top-level item (the theme) each reported objective sits in; itself for a top-level objective. */
  readonly themeOf: ReadonlyMap<string, string>;
  readonly codes: ReadonlyMap<string, string>;
  /** Position in tree order, for sorting anything by objective. */
  readonly order: ReadonlyMap<string, number>;
}

export function objectiveTree(objectives: readonly Objective[]): ObjectiveTree {
  const index = indexObjectives(objectives);
  const ordered = inTreeOrder(objectives);
  const reportedOf = new Map<string, string>();
  const themeOf = new Map<string, string>();
  const order = new Map<string, number>();
  const reported: Objective[] = [];
  ordered.forEach(({ objective: o }, i) => {
    order.set(o.id, i);
    // Walk to the root; the reported objective is the topmost item on the path that is not a theme.
    const path: Objective[] = [];
    const seen = new Set<string>();
    let current: Objective | undefined = o;
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      path.push(current);
      current = current.parentId ? index.byId.get(current.parentId) : undefined;
    }
    const root = path[path.length - 1]!;
    let target: Objective | undefined;
    for (let k = path.length - 1; k >= 0; k--)
      if (path[k]!.level !== 'theme') {
        target = path[k];
        break;
      }
    const hasChildren = (index.children.get(o.id) ?? []).length > 0;
    if (!target && !hasChildren && o.level === 'theme') target = o;
    // A theme inside a theme with nothing beneath it: reported where it stands.
    if (!target && !hasChildren) target = o;
    if (target) {
      reportedOf.set(o.id, target.id);
      if (target.id === o.id) {
        reported.push(o);
        themeOf.set(o.id, root.id);
      }
    }
  });
  return { index, reported, reportedOf, themeOf, codes: objectiveCodes(objectives), order };
}

/** Every (service, reported objective) pair with a contribution, after the roll-up. Key: `${serviceId}|${objectiveId}`. */
export function rollUpLinks(wb: Pick<Workbook, 'alignments'>, tree: ObjectiveTree): Map<string, RolledLink> {
  const grouped = new Map<string, Alignment[]>();
  for (const a of wb.alignments) {
    if (a.strength === 0) continue;
    const target = tree.reportedOf.get(a.objectiveId);
    if (!target) continue;
    const key = `${a.serviceId}|${target}`;
    const list = grouped.get(key);
    if (list) list.push(a);
    else grouped.set(key, [a]);
  }
  const out = new Map<string, RolledLink>();
  for (const [key, links] of grouped) {
    const [serviceId, objectiveId] = key.split('|') as [string, string];
    const strength = links.reduce<Strength>((m, l) => (l.strength > m ? l.strength : m), 0);
    const ranked = [...links].sort((x, y) => y.strength - x.strength);
    const evidenceIds = [...new Set(ranked.flatMap((l) => l.evidenceIds))];
    out.set(key, { serviceId, objectiveId, strength, links, evidenceIds });
  }
  return out;
}
