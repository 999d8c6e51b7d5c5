/**
 * Maps an imported outline onto the workbook's objective hierarchy (theme → objective → outcome). Only the
 * top level is a choice (themes, or objectives); below it the hierarchy's own rules decide: objectives sit
 * under themes, outcomes under objectives, and anything deeper becomes further outcomes of the same objective.
 */
import { newObjective } from '../model/factories';
import type { ObjectiveLevel } from '../model/vocabulary';
import type { Objective, SourceRef } from '../model/workbook-schema';
import { outlineDepth, type OutlineNode } from './outline';

export type TopLevel = 'theme' | 'objective';

/** A flat list is a list of objectives; anything nested starts with themes. */
export function defaultTopLevel(nodes: readonly OutlineNode[]): TopLevel {
  return outlineDepth(nodes) <= 1 ? 'objective' : 'theme';
}

export const TOP_LEVEL_CHOICES: ReadonlyArray<{ value: TopLevel; label: string }> = [
  { value: 'theme', label: 'Themes (with objectives and outcomes beneath)' },
  { value: 'objective', label: 'Objectives (with outcomes beneath)' },
];

export interface PlacedParent {
  readonly id: string;
  readonly level: ObjectiveLevel;
  /** For an outcome: the objective it sits under, which receives the outcome's children. */
  readonly parentId: string | null;
}

export function outlineToObjectives(
  nodes: readonly OutlineNode[],
  options: {
    topLevel: TopLevel;
    /** One source for everything, or per item (a spreadsheet row can name its own). */
    source: SourceRef | null | ((node: OutlineNode) => SourceRef | null);
    under?: PlacedParent | null;
  },
): Objective[] {
  const out: Objective[] = [];
  const visit = (list: readonly OutlineNode[], parent: PlacedParent | null) => {
    for (const node of list) {
      let level: ObjectiveLevel;
      let parentId: string | null;
      if (parent === null) {
        level = options.topLevel;
        parentId = null;
      } else if (parent.level === 'theme') {
        level = 'objective';
        parentId = parent.id;
      } else if (parent.level === 'objective') {
        level = 'outcome';
        parentId = parent.id;
      } else {
        level = 'outcome';
        parentId = parent.parentId;
      }
      const objective = newObjective({
        parentId,
        level,
        title: node.title.slice(0, 500),
        description: node.description.slice(0, 20_000),
        source: typeof options.source === 'function' ? options.source(node) : options.source,
      });
      out.push(objective);
      visit(node.children, { id: objective.id, level, parentId });
    }
  };
  visit(nodes, options.under ?? null);
  return out;
}
