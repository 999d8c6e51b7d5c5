/** The workbook's objectives (by theme), services (by Universal Library Offer) and a workshop's ideas, as checklists. */
import { UNIVERSAL_OFFERS } from '../../../../shared/model/vocabulary';
import type { Workbook, Workshop } from '../../../../shared/model/workbook-schema';
import type { ChecklistGroup } from './ChecklistDialog';

export function objectiveGroups(wb: Workbook): ChecklistGroup[] {
  const themes = wb.objectives.filter((o) => o.level === 'theme');
  const byId = new Map(wb.objectives.map((o) => [o.id, o]));
  const themeOf = (id: string | null): string | null => {
    let current = id ? byId.get(id) : undefined;
    const seen = new Set<string>();
    while (current && current.level !== 'theme' && current.parentId && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.parentId);
    }
    return current?.level === 'theme' ? current.id : null;
  };
  const groups: ChecklistGroup[] = themes.map((t) => ({
    heading: `Objectives: ${t.title}`,
    items: wb.objectives
      .filter((o) => o.level !== 'theme' && themeOf(o.id) === t.id)
      .map((o) => ({ id: o.id, label: o.title, ...(o.level === 'outcome' ? { hint: 'outcome' } : {}) })),
  }));
  const loose = wb.objectives.filter((o) => o.level !== 'theme' && themeOf(o.id) === null);
  if (loose.length > 0)
    groups.push({
      heading: 'Objectives without a theme',
      items: loose.map((o) => ({ id: o.id, label: o.title })),
    });
  return groups.filter((g) => g.items.length > 0);
}

export function serviceGroups(wb: Workbook): ChecklistGroup[] {
  return UNIVERSAL_OFFERS.map((offer) => ({
    heading: `Services: ${offer}`,
    items: wb.services.filter((s) => s.offer === offer).map((s) => ({ id: s.id, label: s.name })),
  })).filter((g) => g.items.length > 0);
}

export function ideaGroups(w: Workshop): ChecklistGroup[] {
  return w.activities
    .filter((a) => a.kind === 'ideas' && a.ideas.length > 0)
    .map((a) => ({
      heading: `Ideas: ${a.title}`,
      items:
        a.kind === 'ideas'
          ? a.ideas.map((i) => ({ id: i.id, label: i.text, ...(i.group ? { hint: i.group } : {}) }))
          : [],
    }));
}
