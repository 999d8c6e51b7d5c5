/**
 * What an imported outline's top level is (themes, or objectives); below it the hierarchy's own rules decide
 * (plan-lines.ts): objectives under themes, outcomes under objectives, anything deeper further outcomes.
 */
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
