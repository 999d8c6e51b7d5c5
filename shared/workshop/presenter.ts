/**
 * Builds what the projector shows from the workbook and the console's choice of screen. Only what the room may
 * see goes in (see presenter-state.ts); long lists are split into pages rather than shrunk (WORKSHOPS.md §5.H.26).
 */
import type { Activity, Workbook, Workshop } from '../model/workbook-schema';
import { rankDotVote, voterCount } from './dot-vote';
import { longDate } from '../text/dates';
import { ACTIVITY_KINDS, describeOption, headCount, INFLUENCE_TEXT, PHASE_TEXT } from './kinds';
import { rankPoints } from './points';
import { rankLabel, type Ranking } from './ranking';
import type { PresenterScreen, PresenterState, PresenterTimer } from './presenter-state';
import { DISPOSITIONS } from './session';
import { describePlacement, quadrantOf, quadrants } from './two-by-two';
import { findProposal, strengthText, walkObjectives, walkServices } from './walk-the-map';

export type PresenterView =
  | {
      readonly screen: 'welcome' | 'agenda' | 'parking-lot' | 'decisions' | 'actions';
      readonly page?: number;
    }
  | {
      readonly screen: 'activity';
      readonly activityId: string;
      readonly page?: number;
      readonly objectiveIndex?: number;
    }
  | { readonly screen: 'message'; readonly heading: string; readonly body: string };

/** Items per projected page, chosen so each fits at the projector type size without shrinking. */
export const PAGE_SIZE = { ideas: 8, options: 10, links: 6, list: 6 } as const;

function paginate<T>(
  items: readonly T[],
  size: number,
  page = 1,
): { items: T[]; paging: { page: number; pages: number } } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, Math.floor(page)), pages);
  return { items: items.slice((p - 1) * size, p * size), paging: { page: p, pages } };
}

/** How many pages a view has, so the console can offer "next page" only when there is one. */
export function pageCount(wb: Workbook, workshop: Workshop, view: PresenterView): number {
  const screen = buildScreen(wb, workshop, view);
  return 'paging' in screen ? screen.paging.pages : 1;
}

function optionsOf(wb: Workbook, w: Workshop, ids: readonly string[]) {
  return ids.map((id, i) => {
    const info = describeOption(wb, w, id);
    return { number: i + 1, label: info.label, kind: info.kind };
  });
}

function voteStatus(
  wb: Workbook,
  w: Workshop,
  a: Extract<Activity, { kind: 'dot-vote' | 'points' }>,
  ranking: () => Ranking,
) {
  if (!a.revealed) {
    // The count appears once voting is open; before that there is nothing to count.
    const counting = (a.kind === 'points' || a.mode === 'ballots') && (a.votingOpen || a.ballots.length > 0);
    return {
      revealed: false as const,
      ballotsIn: counting ? a.ballots.length : null,
      expected: headCount(w),
    };
  }
  const numbers = new Map(a.optionIds.map((id, i) => [id, i + 1]));
  const r = ranking();
  return {
    revealed: true as const,
    rows: r.rows.map((row) => ({
      number: numbers.get(row.optionId) ?? 0,
      label: describeOption(wb, w, row.optionId).label,
      amount: row.amount,
      rank: rankLabel(row),
      tied: row.tied,
    })),
    ties: r.ties.map((g) => g.map((id) => describeOption(wb, w, id).label)),
    voters: a.kind === 'points' ? a.ballots.length : voterCount(a),
  };
}

/** Before the reveal: the numbered options and the ballot count. After: the ranked totals. Either way, paged. */
function voteParts(
  wb: Workbook,
  w: Workshop,
  a: Extract<Activity, { kind: 'dot-vote' | 'points' }>,
  ranking: () => Ranking,
  page?: number,
) {
  const status = voteStatus(wb, w, a, ranking);
  if (status.revealed) {
    const { items, paging } = paginate(status.rows, PAGE_SIZE.options, page);
    return { options: [], status: { ...status, rows: items }, paging };
  }
  const { items, paging } = paginate(optionsOf(wb, w, a.optionIds), PAGE_SIZE.options, page);
  return { options: items, status, paging };
}

function activityScreen(
  wb: Workbook,
  w: Workshop,
  a: Activity,
  view: Extract<PresenterView, { screen: 'activity' }>,
): PresenterScreen {
  switch (a.kind) {
    case 'ideas': {
      const targets = [...a.scope.objectiveIds, ...a.scope.serviceIds];
      // Groups in the order they first appear, so the projector follows the order the room shared them in.
      const byGroup = new Map<string, string[]>();
      for (const idea of a.ideas) {
        const name =
          idea.group.trim() || (idea.targetId ? describeOption(wb, w, idea.targetId).label : 'Other ideas');
        byGroup.set(name, [...(byGroup.get(name) ?? []), idea.text]);
      }
      const flat = [...byGroup].flatMap(([name, ideas]) => ideas.map((text) => ({ name, text })));
      const { items, paging } = paginate(flat, PAGE_SIZE.ideas, view.page);
      const groups: Array<{ name: string; ideas: string[] }> = [];
      for (const it of items) {
        const last = groups[groups.length - 1];
        if (last && last.name === it.name) last.ideas.push(it.text);
        else groups.push({ name: it.name, ideas: [it.text] });
      }
      const scopeNames = targets.map((id) => describeOption(wb, w, id).label);
      return {
        kind: 'ideas',
        heading: a.title,
        prompt:
          scopeNames.length > 0
            ? `Ideas for: ${scopeNames.join('; ')}`
            : 'Write your ideas silently first, then share them one at a time.',
        groups,
        count: a.ideas.length,
        paging,
      };
    }
    case 'dot-vote': {
      const cap = a.maxPerOption < a.budget ? `, at most ${a.maxPerOption} on one option` : '';
      const how = a.revealed
        ? ''
        : a.mode === 'totals'
          ? ' Place your dots on the wall.'
          : ' Vote in secret on the laptop.';
      return {
        kind: 'dot-vote',
        heading: a.title,
        rule: `${a.budget} ${a.budget === 1 ? 'dot' : 'dots'} each${cap}.${how}`,
        ...voteParts(wb, w, a, () => rankDotVote(a), view.page),
      };
    }
    case 'points': {
      const cap = a.maxPerOption !== null ? `, at most ${a.maxPerOption} on one option` : '';
      return {
        kind: 'points',
        heading: a.title,
        rule: `Share out exactly ${a.total} points${cap}.`,
        ...voteParts(wb, w, a, () => rankPoints(a), view.page),
      };
    }
    case 'two-by-two': {
      const q = quadrants(a);
      const numbers = new Map(a.optionIds.map((id, i) => [id, i + 1]));
      const placedIds = new Set(a.placements.map((p) => p.optionId));
      return {
        kind: 'two-by-two',
        heading: a.title,
        xAxis: a.xAxis,
        yAxis: a.yAxis,
        xDefinition: a.xDefinition,
        yDefinition: a.yDefinition,
        quadrants: Object.values(q).map((x) => ({
          id: x.id,
          name: x.name,
          letter: x.letter,
          shape: x.shape,
          colour: x.colour.hex,
          colourName: x.colour.name,
        })),
        placed: a.placements
          .filter((p) => numbers.has(p.optionId))
          .map((p) => ({
            number: numbers.get(p.optionId)!,
            label: describeOption(wb, w, p.optionId).label,
            x: p.x,
            y: p.y,
            quadrant: describePlacement(a, p),
            letter: q[quadrantOf(p)].letter,
          })),
        waiting: optionsOf(wb, w, a.optionIds).filter((o) => !placedIds.has(a.optionIds[o.number - 1]!)),
      };
    }
    case 'walk-the-map': {
      const objectives = walkObjectives(wb, a);
      const index = Math.min(Math.max(0, view.objectiveIndex ?? 0), Math.max(0, objectives.length - 1));
      const objective = objectives[index];
      if (!objective)
        return { kind: 'message', heading: a.title, body: 'There are no objectives to walk through yet.' };
      // What the room has said, and what the map says already for services not yet discussed.
      const links = walkServices(wb, a).flatMap((s) => {
        const p = findProposal(a, s.id, objective.id);
        const link = wb.alignments.find(
          (l) => l.serviceId === s.id && l.objectiveId === objective.id && l.strength > 0,
        );
        if (!p && !link) return [];
        const strength = p ? p.strength : link!.strength;
        const status = p ? (p.agreed ? 'agreed' : 'proposed') : 'on-map';
        return [
          {
            service: s.name,
            strength,
            strengthText: strengthText(strength),
            rationale: p ? p.rationale : link!.rationale,
            status: status as 'agreed' | 'proposed' | 'on-map',
          },
        ];
      });
      const order = { proposed: 0, agreed: 1, 'on-map': 2 } as const;
      links.sort((x, y) => order[x.status] - order[y.status]);
      const { items, paging } = paginate(links, PAGE_SIZE.links, view.page);
      return {
        kind: 'walk-the-map',
        heading: a.title,
        objective: objective.title,
        position: `Objective ${index + 1} of ${objectives.length}`,
        links: items,
        paging,
      };
    }
  }
}

export function buildScreen(wb: Workbook, w: Workshop, view: PresenterView): PresenterScreen {
  switch (view.screen) {
    case 'welcome': {
      const influence = INFLUENCE_TEXT[w.influence];
      return {
        kind: 'welcome',
        date: longDate(w.date),
        venue: w.venue,
        purpose: w.purpose,
        influence: influence.label,
        influenceDescription: influence.description,
        whoDecides: w.whoDecides,
        outOfScope: w.outOfScope,
        facilitator: [w.facilitator, w.facilitatorRole].filter(Boolean).join(', '),
      };
    }
    case 'agenda': {
      const firstOpen = w.activities.findIndex((a) => a.status !== 'done');
      return {
        kind: 'agenda',
        items: w.activities.map((a, i) => ({
          title: a.title,
          minutes: a.minutes,
          kind: ACTIVITY_KINDS[a.kind].label,
          phase: PHASE_TEXT[ACTIVITY_KINDS[a.kind].phase],
          current:
            a.status === 'running' || (!w.activities.some((x) => x.status === 'running') && i === firstOpen),
          done: a.status === 'done',
        })),
      };
    }
    case 'parking-lot': {
      const { items, paging } = paginate(
        w.parkingLot.map((p) => ({ text: p.text, disposition: DISPOSITIONS[p.disposition].label })),
        PAGE_SIZE.list,
        view.page,
      );
      return { kind: 'parking-lot', items, paging };
    }
    case 'decisions': {
      const { items, paging } = paginate(
        w.decisions.map((d) => ({ text: d.text, result: d.result })),
        PAGE_SIZE.list,
        view.page,
      );
      return { kind: 'decisions', items, paging };
    }
    case 'actions': {
      const { items, paging } = paginate(
        w.actions
          .filter((a) => a.status !== 'dropped')
          .map((a) => ({
            text: a.text,
            owner: a.owner || 'Owner to be agreed',
            due: a.due ? longDate(a.due) : 'Date to be agreed',
          })),
        PAGE_SIZE.list,
        view.page,
      );
      return { kind: 'actions', items, paging };
    }
    case 'message':
      return { kind: 'message', heading: view.heading.slice(0, 600), body: view.body.slice(0, 20_000) };
    case 'activity': {
      const a = w.activities.find((x) => x.id === view.activityId);
      if (!a) return { kind: 'message', heading: w.title, body: '' };
      return activityScreen(wb, w, a, view);
    }
  }
}

export function buildPresenterState(
  wb: Workbook,
  workshopId: string,
  view: PresenterView,
  options: { held: boolean; timer: PresenterTimer | null; fontPx?: number },
): PresenterState | null {
  const w = wb.workshops.find((x) => x.id === workshopId);
  if (!w) return null;
  return {
    held: options.held,
    title: w.title,
    screen: buildScreen(wb, w, view),
    timer: options.timer,
    fontPx: options.fontPx ?? 0,
  };
}

/** "7 of 12 voted" for the console and the projector while a vote is open. */
