import { useCallback, useState } from 'react';
import type { TemplateInfo } from '../../../../shared/ipc/documents-contract';
import type { ProtectiveMarking } from '../../../../shared/model/vocabulary';
import type { Draft, Workbook } from '../../../../shared/model/workbook-schema';
import { latestDraft, latestDraftFor, newDraft } from './answers';

/**
 * Which draft the step shows: the one the officer worked on last, or the one for the template they choose. A draft
 * for a template chosen but not yet touched is held here, outside the workbook; its first change adds it (one
 * undoable step, see commands.ts), so moving through the templates with the arrow keys leaves no drafts behind,
 * and when that first change is undone the form falls back to it rather than vanishing.
 */
export function useDraftChoice(workbook: Workbook | null) {
  const [draftId, setDraftId] = useState<string | null>(() => (workbook ? (latestDraft(workbook)?.id ?? null) : null));
  const [pending, setPending] = useState<Draft | null>(null);

  const stored = workbook && draftId ? (workbook.drafts.find((d) => d.id === draftId) ?? null) : null;
  const draft = stored ?? (pending && pending.id === draftId ? pending : null);

  const choose = useCallback((wb: Workbook, template: TemplateInfo, marking: ProtectiveMarking) => {
    const existing = latestDraftFor(wb, template.id);
    const next = existing ? null : newDraft(template, marking, wb);
    setDraftId(existing?.id ?? next?.id ?? null);
    setPending(next);
  }, []);

  const forget = useCallback(() => {
    setDraftId(null);
    setPending(null);
  }, []);

  return { draft, stored: stored !== null, choose, forget };
}
