/**
 * Results into the workbook (issue 5, point 4). Each transfer mutates the workbook it is given (the renderer
 * passes an immer draft, so the whole transfer is one undoable step) and returns what it changed, before and
 * after, so the facilitator sees the list before confirming and again afterwards.
 *
 * - Agreed map proposals become links with provenance "agreed at <workshop> on <date>".
 * - Revealed votes and points become priorities on the objectives and services voted on.
 * - Ideas become new services, evidence items or actions, once each (the idea remembers what it became).
 */
import { produce } from 'immer';
import { newService } from '../model/factories';
import { newId } from '../model/ids';
import { setLink } from '../model/operations';
import type { UniversalOffer } from '../model/vocabulary';
import type { Activity, Priority, Provenance, Workbook, Workshop } from '../model/workbook-schema';
import { describeDotVote, dotTotals } from './dot-vote';
import { longDate } from '../text/dates';
import { plural } from '../text/words';
import { describePoints, pointTotals } from './points';
import { agreedProposals, existingLink, strengthText } from './walk-the-map';

export type ChangeKind =
  'link-added' | 'link-updated' | 'priority-set' | 'service-added' | 'evidence-added' | 'action-added';

export interface Change {
  readonly kind: ChangeKind;
  /** What changed: "Reading Well → Improve mental wellbeing", "Objective: Reduce digital exclusion". */
  readonly subject: string;
  /** How it was before, in words; null when it did not exist. */
  readonly before: string | null;
  readonly after: string;
}

export interface TransferResult {
  readonly changes: readonly Change[];
  /** Things left alone and why ("already on the map as agreed", "an idea has no priority field"). */
  readonly skipped: readonly string[];
}

function clip(text: string, max = 500): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The date the workshop's results are recorded under: its own date, or today when it has none. */
export function workshopDate(w: Pick<Workshop, 'date'>, today: string): string {
  return w.date ?? today;
}

export function workshopProvenance(
  w: Pick<Workshop, 'id' | 'title' | 'date' | 'facilitator'>,
  today: string,
): Provenance {
  const date = workshopDate(w, today);
  return {
    kind: 'workshop',
    date,
    by: clip(w.facilitator),
    workshopId: w.id,
    note: clip(`agreed at ${w.title} on ${longDate(date)}`),
  };
}

function requireWorkshop(wb: Workbook, workshopId: string): Workshop {
  const w = wb.workshops.find((x) => x.id === workshopId);
  if (!w) throw new Error(`Workshop ${workshopId} is not in the workbook`);
  return w;
}

/** Agreed walk-the-map proposals (of one activity, or all in the workshop) onto the map. */
export function transferAgreedLinks(
  wb: Workbook,
  workshopId: string,
  today: string,
  activityId?: string,
): TransferResult {
  const w = requireWorkshop(wb, workshopId);
  const provenance = workshopProvenance(w, today);
  const changes: Change[] = [];
  const skipped: string[] = [];
  const services = new Map(wb.services.map((s) => [s.id, s]));
  const objectives = new Map(wb.objectives.map((o) => [o.id, o]));
  const done = new Set<string>();
  for (const a of w.activities) {
    if (a.kind !== 'walk-the-map' || (activityId && a.id !== activityId)) continue;
    for (const p of agreedProposals(a)) {
      const s = services.get(p.serviceId);
      const o = objectives.get(p.objectiveId);
      const key = `${p.serviceId}→${p.objectiveId}`;
      if (!s || !o || done.has(key)) continue;
      done.add(key);
      const subject = `${s.name} → ${o.title}`;
      const before = existingLink(wb, p.serviceId, p.objectiveId);
      if (
        before &&
        before.strength === p.strength &&
        before.rationale === p.rationale &&
        before.confidence === p.confidence &&
        before.provenance.kind === 'workshop' &&
        before.provenance.workshopId === w.id
      ) {
        skipped.push(`${subject}: already on the map as agreed.`);
        continue;
      }
      const beforeText = before
        ? `${strengthText(before.strength)}, ${before.confidence} confidence (${before.provenance.kind === 'workshop' ? 'from a workshop' : 'entered by an officer'})`
        : null;
      setLink(
        wb,
        p.serviceId,
        p.objectiveId,
        {
          strength: p.strength,
          rationale: p.rationale,
          confidence: p.confidence,
          provenance: { ...provenance },
        },
        { ...provenance },
      );
      changes.push({
        kind: before ? 'link-updated' : 'link-added',
        subject,
        before: beforeText,
        after: `${strengthText(p.strength)}, ${p.confidence} confidence: ${provenance.note}`,
      });
    }
  }
  return { changes, skipped };
}

type Vote = Extract<Activity, { kind: 'dot-vote' | 'points' }>;

/** A revealed vote's totals as priorities on the objectives and services that were options. */
export function transferPriorities(
  wb: Workbook,
  workshopId: string,
  activityId: string,
  today: string,
): TransferResult {
  const w = requireWorkshop(wb, workshopId);
  const a = w.activities.find(
    (x): x is Vote => x.id === activityId && (x.kind === 'dot-vote' || x.kind === 'points'),
  );
  if (!a) throw new Error(`Activity ${activityId} is not a vote in this workshop`);
  if (!a.revealed)
    return {
      changes: [],
      skipped: ['The results have not been revealed yet; reveal them to the room first.'],
    };
  const totals = a.kind === 'dot-vote' ? dotTotals(a) : pointTotals(a);
  const method = clip(a.kind === 'dot-vote' ? describeDotVote(a) : describePoints(a));
  const unit = a.kind === 'dot-vote' ? 'dot' : 'point';
  const date = workshopDate(w, today);
  const changes: Change[] = [];
  const skipped: string[] = [];
  for (const optionId of a.optionIds) {
    const score = totals.get(optionId) ?? 0;
    const priority: Priority = { score, method, workshopId: w.id, date };
    const target = wb.objectives.find((o) => o.id === optionId) ?? wb.services.find((s) => s.id === optionId);
    if (!target) {
      skipped.push(
        'Ideas voted on have no priority of their own; turn them into services first if they should carry one.',
      );
      continue;
    }
    const isObjective = 'title' in target;
    const subject = `${isObjective ? 'Objective' : 'Service'}: ${isObjective ? target.title : target.name}`;
    const old = target.priority;
    if (old && old.score === score && old.method === method && old.workshopId === w.id && old.date === date) {
      skipped.push(`${subject}: already has this priority.`);
      continue;
    }
    target.priority = priority;
    changes.push({
      kind: 'priority-set',
      subject,
      before: old ? `${old.score.toLocaleString('en-GB')} (${old.method}, ${longDate(old.date)})` : null,
      after: `${plural(score, unit)} (${method}, ${longDate(date)})`,
    });
  }
  return { changes, skipped: [...new Set(skipped)] };
}

export type IdeaDestination =
  | { readonly as: 'service'; readonly offer: UniversalOffer }
  | { readonly as: 'evidence' }
  | { readonly as: 'action' };

export interface IdeaRequest {
  readonly ideaId: string;
  readonly destination: IdeaDestination;
}

/** Ideas into new services, evidence items (attached to what they were captured against) or workshop actions. */
export function transferIdeas(
  wb: Workbook,
  workshopId: string,
  requests: readonly IdeaRequest[],
  today: string,
): TransferResult {
  const w = requireWorkshop(wb, workshopId);
  const date = workshopDate(w, today);
  const where = `${w.title} on ${longDate(date)}`;
  const changes: Change[] = [];
  const skipped: string[] = [];
  const ideas = new Map(
    w.activities.flatMap((a) => (a.kind === 'ideas' ? a.ideas : [])).map((i) => [i.id, i]),
  );
  for (const r of requests) {
    const idea = ideas.get(r.ideaId);
    if (!idea) continue;
    if (idea.becameId) {
      skipped.push(`“${idea.text}” was transferred before.`);
      continue;
    }
    const target = idea.targetId
      ? (wb.objectives.find((o) => o.id === idea.targetId) ?? wb.services.find((s) => s.id === idea.targetId))
      : undefined;
    const targetName = target ? ('title' in target ? target.title : target.name) : null;
    const context = `Suggested at ${where}${idea.group ? ` (group: ${idea.group})` : ''}${targetName ? `, against “${targetName}”` : ''}.`;
    switch (r.destination.as) {
      case 'service': {
        const service = newService({ name: clip(idea.text), description: context, offer: r.destination.offer });
        wb.services.push(service);
        idea.becameId = service.id;
        changes.push({
          kind: 'service-added',
          subject: `Service: ${service.name}`,
          before: null,
          after: `New service under ${service.offer}. ${context}`,
        });
        break;
      }
      case 'evidence': {
        const id = newId('evidence');
        wb.evidence.push({
          id,
          title: clip(idea.text),
          publisher: clip(`Workshop: ${w.title}`),
          year: date.slice(0, 4),
          url: '',
          keyFinding: context,
          figure: '',
          kind: 'other',
          quality: 'anecdotal',
          origin: 'officer',
          libraryRef: '',
        });
        if (target && !target.evidenceIds.includes(id)) target.evidenceIds.push(id);
        idea.becameId = id;
        changes.push({
          kind: 'evidence-added',
          subject: `Evidence: ${clip(idea.text, 120)}`,
          before: null,
          after: `Anecdotal evidence${targetName ? `, attached to “${targetName}”` : ''}. ${context}`,
        });
        break;
      }
      case 'action': {
        const id = newId('action');
        const objectiveId =
          idea.targetId && wb.objectives.some((o) => o.id === idea.targetId) ? idea.targetId : null;
        w.actions.push({
          id,
          text: clip(idea.text),
          owner: '',
          due: null,
          status: 'open',
          objectiveId,
          doneWhen: '',
        });
        idea.becameId = id;
        changes.push({
          kind: 'action-added',
          subject: `Action: ${clip(idea.text, 120)}`,
          before: null,
          after: 'Open action in this workshop; give it an owner and a due date.',
        });
        break;
      }
    }
  }
  return { changes, skipped };
}

/** Runs a transfer on a copy: what it would change, without changing anything. */
export function previewTransfer(wb: Workbook, run: (draft: Workbook) => TransferResult): TransferResult {
  let result: TransferResult = { changes: [], skipped: [] };
  produce(wb, (draft) => {
    result = run(draft as Workbook);
  });
  return result;
}
