import { newId } from './ids';
import type { Workbook } from './workbook-schema';

export function createWorkbook(init: { title?: string; author?: string; now?: Date } = {}): Workbook {
  const stamp = (init.now ?? new Date()).toISOString();
  return {
    id: newId('workbook'),
    title: init.title?.trim() || 'Untitled workbook',
    author: init.author ?? '',
    authority: null,
    created: stamp,
    modified: stamp,
    notes: '',
    objectives: [],
    services: [],
    alignments: [],
    evidence: [],
    partners: [],
    workshops: [],
    drafts: [],
    dismissedSuggestions: [],
    libraryData: { comparator: { kind: 'neighbours', chosen: [] }, figures: [] },
    actionPlan: [],
  };
}
