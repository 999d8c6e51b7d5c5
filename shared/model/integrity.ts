/**
 * Referential integrity: the checks a schema cannot express. Every problem carries the path of the field at
 * fault so the message can say where ("alignments[3].serviceId").
 */
import type { Workbook } from './workbook-schema';
import { checkBusinessCase } from './business-case-integrity';

export type Path = ReadonlyArray<string | number>;
export interface ModelIssue {
  readonly path: Path;
  readonly message: string;
}

const PARENT_LEVEL = { theme: [], objective: ['theme'], outcome: ['objective'] } as const;

export function checkIntegrity(wb: Workbook): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const report = (path: Path, message: string) => issues.push({ path, message });

  const seen = new Map<string, string>();
  const claim = (id: string, path: Path) => {
    const first = seen.get(id);
    if (first !== undefined) report([...path, 'id'], `Id "${id}" is used twice (also at ${first})`);
    else seen.set(id, formatPath(path));
  };

  const objectives = new Map(wb.objectives.map((o) => [o.id, o]));
  const services = new Set(wb.services.map((s) => s.id));
  const evidence = new Set(wb.evidence.map((e) => e.id));
  const workshops = new Set(wb.workshops.map((w) => w.id));
  const partners = new Set(wb.partners.map((p) => p.id));
  const kpis = new Set(wb.objectives.flatMap((o) => o.kpis.map((k) => k.id)));

  const evidenceRefs = (ids: readonly string[], path: Path) =>
    ids.forEach((id, i) => {
      if (!evidence.has(id)) report([...path, i], `Refers to evidence "${id}", which is not in the workbook`);
    });

  wb.objectives.forEach((o, i) => {
    const at = ['objectives', i] as const;
    claim(o.id, at);
    o.kpis.forEach((k, j) => claim(k.id, [...at, 'kpis', j]));
    evidenceRefs(o.evidenceIds, [...at, 'evidenceIds']);
    const allowed: readonly string[] = PARENT_LEVEL[o.level];
    if (o.parentId === null) {
      if (o.level === 'outcome') report([...at, 'parentId'], 'An outcome must sit under an objective');
    } else {
      const parent = objectives.get(o.parentId);
      if (!parent) report([...at, 'parentId'], `Refers to parent "${o.parentId}", which is not in the workbook`);
      else if (!allowed.includes(parent.level))
        report([...at, 'parentId'], `${capitalise(withArticle(o.level))} cannot sit under ${withArticle(parent.level)}`);
    }
    if (o.priority?.workshopId && !workshops.has(o.priority.workshopId))
      report([...at, 'priority', 'workshopId'], `Refers to workshop "${o.priority.workshopId}", which is not in the workbook`);
  });

  wb.services.forEach((s, i) => {
    const at = ['services', i] as const;
    claim(s.id, at);
    s.measures.forEach((m, j) => claim(m.id, [...at, 'measures', j]));
    evidenceRefs(s.evidenceIds, [...at, 'evidenceIds']);
    if (s.priority?.workshopId && !workshops.has(s.priority.workshopId))
      report([...at, 'priority', 'workshopId'], `Refers to workshop "${s.priority.workshopId}", which is not in the workbook`);
  });

  wb.evidence.forEach((e, i) => claim(e.id, ['evidence', i]));

  const pairs = new Map<string, number>();
  wb.alignments.forEach((a, i) => {
    const at = ['alignments', i] as const;
    claim(a.id, at);
    if (!services.has(a.serviceId)) report([...at, 'serviceId'], `Refers to service "${a.serviceId}", which is not in the workbook`);
    if (!objectives.has(a.objectiveId))
      report([...at, 'objectiveId'], `Refers to objective "${a.objectiveId}", which is not in the workbook`);
    const pair = `${a.serviceId}→${a.objectiveId}`;
    const other = pairs.get(pair);
    if (other !== undefined) report(at, `Links the same service and objective as alignments[${other}]`);
    else pairs.set(pair, i);
    evidenceRefs(a.evidenceIds, [...at, 'evidenceIds']);
    a.kpiIds.forEach((k, j) => {
      if (!kpis.has(k)) report([...at, 'kpiIds', j], `Refers to KPI "${k}", which is not in the workbook`);
    });
    if (a.provenance.workshopId && !workshops.has(a.provenance.workshopId))
      report([...at, 'provenance', 'workshopId'], `Refers to workshop "${a.provenance.workshopId}", which is not in the workbook`);
  });

  wb.partners.forEach((p, i) => {
    claim(p.id, ['partners', i]);
    p.objectives.forEach((po, j) => {
      claim(po.id, ['partners', i, 'objectives', j]);
      po.objectiveIds.forEach((id, k) => {
        if (!objectives.has(id))
          report(['partners', i, 'objectives', j, 'objectiveIds', k], `Refers to objective "${id}", which is not in the workbook`);
      });
    });
  });

  wb.workshops.forEach((w, i) => checkWorkshop(w, ['workshops', i], { objectives, services, claim, report }));

  wb.libraryData.figures.forEach((f, i) => claim(f.id, ['libraryData', 'figures', i]));

  wb.dismissedSuggestions.forEach((d, i) => {
    if (!services.has(d.serviceId))
      report(['dismissedSuggestions', i, 'serviceId'], `Refers to service "${d.serviceId}", which is not in the workbook`);
    if (!objectives.has(d.objectiveId))
      report(['dismissedSuggestions', i, 'objectiveId'], `Refers to objective "${d.objectiveId}", which is not in the workbook`);
  });

  wb.drafts.forEach((d, i) => {
    claim(d.id, ['drafts', i]);
    if (d.partnerId && !partners.has(d.partnerId))
      report(['drafts', i, 'partnerId'], `Refers to partner "${d.partnerId}", which is not in the workbook`);
    d.scope.serviceIds.forEach((id, j) => {
      if (!services.has(id)) report(['drafts', i, 'scope', 'serviceIds', j], `Refers to service "${id}", which is not in the workbook`);
    });
    d.scope.objectiveIds.forEach((id, j) => {
      if (!objectives.has(id)) report(['drafts', i, 'scope', 'objectiveIds', j], `Refers to objective "${id}", which is not in the workbook`);
    });
    if (d.basedOnDraftId !== null && (d.basedOnDraftId === d.id || !wb.drafts.some((other) => other.id === d.basedOnDraftId)))
      report(['drafts', i, 'basedOnDraftId'], `Refers to document draft "${d.basedOnDraftId}", which is not another draft in the workbook`);
    if (d.businessCase !== null) checkBusinessCase(d.businessCase, ['drafts', i, 'businessCase'], kpis, report);
  });

  return issues;
}

interface WorkshopContext {
  objectives: ReadonlyMap<string, unknown>;
  services: ReadonlySet<string>;
  claim: (id: string, path: Path) => void;
  report: (path: Path, message: string) => void;
}

function checkWorkshop(w: Workbook['workshops'][number], at: Path, ctx: WorkshopContext) {
  const { objectives, services, claim, report } = ctx;
  claim(w.id, at);
  const participants = new Set(w.participants.map((p) => p.id));
  w.participants.forEach((p, j) => claim(p.id, [...at, 'participants', j]));
  const isTarget = (id: string) => objectives.has(id) || services.has(id);
  const missing = (kind: string, id: string) => `Refers to ${kind} "${id}", which is not in the workbook`;
  // Votes and grids are over objectives, services or this workshop's own ideas.
  const ideas = new Set(w.activities.flatMap((a) => (a.kind === 'ideas' ? a.ideas.map((i) => i.id) : [])));
  const optionRefs = (ids: readonly string[], path: Path) =>
    ids.forEach((id, k) => {
      if (!isTarget(id) && !ideas.has(id)) report([...path, k], missing('objective, service or idea', id));
    });

  w.activities.forEach((a, j) => {
    const aAt = [...at, 'activities', j];
    claim(a.id, aAt);
    a.scope.objectiveIds.forEach((id, k) => {
      if (!objectives.has(id)) report([...aAt, 'scope', 'objectiveIds', k], missing('objective', id));
    });
    a.scope.serviceIds.forEach((id, k) => {
      if (!services.has(id)) report([...aAt, 'scope', 'serviceIds', k], missing('service', id));
    });
    switch (a.kind) {
      case 'ideas':
        a.ideas.forEach((idea, k) => {
          claim(idea.id, [...aAt, 'ideas', k]);
          if (idea.targetId && !isTarget(idea.targetId))
            report([...aAt, 'ideas', k, 'targetId'], missing('objective or service', idea.targetId));
        });
        break;
      case 'dot-vote':
      case 'points': {
        const options = new Set(a.optionIds);
        optionRefs(a.optionIds, [...aAt, 'optionIds']);
        if (a.kind === 'dot-vote' && a.revoteOf && !w.activities.some((x) => x.id === a.revoteOf))
          report([...aAt, 'revoteOf'], missing('activity', a.revoteOf));
        a.ballots.forEach((b, k) => {
          claim(b.id, [...aAt, 'ballots', k]);
          if (b.participantId && !participants.has(b.participantId))
            report([...aAt, 'ballots', k, 'participantId'], missing('participant', b.participantId));
          b.allocations.forEach((al, m) => {
            if (!options.has(al.optionId))
              report([...aAt, 'ballots', k, 'allocations', m, 'optionId'], `Votes for "${al.optionId}", which is not an option of this activity`);
          });
        });
        break;
      }
      case 'two-by-two': {
        const options = new Set(a.optionIds);
        optionRefs(a.optionIds, [...aAt, 'optionIds']);
        a.placements.forEach((p, k) => {
          if (!options.has(p.optionId))
            report([...aAt, 'placements', k, 'optionId'], `Places "${p.optionId}", which is not an option of this activity`);
        });
        break;
      }
      case 'walk-the-map':
        a.proposals.forEach((p, k) => {
          if (!services.has(p.serviceId)) report([...aAt, 'proposals', k, 'serviceId'], missing('service', p.serviceId));
          if (!objectives.has(p.objectiveId))
            report([...aAt, 'proposals', k, 'objectiveId'], missing('objective', p.objectiveId));
        });
        break;
    }
  });
  w.decisions.forEach((d, j) => claim(d.id, [...at, 'decisions', j]));
  w.parkingLot.forEach((p, j) => claim(p.id, [...at, 'parkingLot', j]));
  w.actions.forEach((a, j) => {
    claim(a.id, [...at, 'actions', j]);
    if (a.objectiveId && !objectives.has(a.objectiveId))
      report([...at, 'actions', j, 'objectiveId'], missing('objective', a.objectiveId));
  });
}

const withArticle = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** ["alignments", 3, "serviceId"] → "alignments[3].serviceId" */
export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(top level)' : out;
}
