/**
 * Builds what the projector shows from the workbook and the console's choice of screen. Only what the room may
 * see goes in (see presenter-state.ts); long lists go whole, and the presenter window splits them into pages by what fits at its size rather than
 * shrinking them (WORKSHOPS.md §5.H.26).
 */
import type { Activity, Workbook, Workshop } from '../model/workbook-schema';
import { rankDotVote, voterCount } from './dot-vote';
import { longDate } from '../text/dates';
import {
  ACTIVITY_KINDS,
  blockScreenText,
  describeOption,
  headCount,
  INFLUENCE_TEXT,
  PHASE_TEXT,
} from './kinds';
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

/** The page asked for, as the presenter state carries it; the presenter window clamps it to the pages it made. */
function pageOf(view: { readonly page?: number }): number {
  const p = Math.floor(view.page ?? 1);
  return Number.isFinite(p) ? Math.min(Math.max(1, p), 1_000) : 1;
}

/** Names a view apart from its page: the presenter reports its page count against this. */
export function presenterViewKey(view: PresenterView): string {
  switch (view.screen) {
    case 'activity':
      return `activity:${view.activityId}:${view.objectiveIndex ?? 0}`;
    case 'message':
      return 'message';
    default:
      return view.screen;
  }
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
    ties: r.ties.map((g) =>
      g.map((id) => ({ number: numbers.get(id) ?? 0, label: describeOption(wb, w, id).label })),
    ),
    voters: a.kind === 'points' ? a.ballots.length : voterCount(a),
  };
}

/** Before the reveal: the numbered options and the ballot count. After: the ranked totals. */
function voteParts(
  wb: Workbook,
  w: Workshop,
  a: Extract<Activity, { kind: 'dot-vote' | 'points' }>,
  ranking: () => Ranking,
  page: number,
) {
  const status = voteStatus(wb, w, a, ranking);
  return { options: status.revealed ? [] : optionsOf(wb, w, a.optionIds), status, page };
}

function activityScreen(
  wb: Workbook,
  w: Workshop,
  a: Activity,
  view: Extract<PresenterView, { screen: 'activity' }>,
): PresenterScreen {
  switch (a.kind) {
    case 'block':
      return { kind: 'message', heading: a.title, body: blockScreenText(a.block, a.minutes, w) };
    case 'ideas': {
      const targets = [...a.scope.objectiveIds, ...a.scope.serviceIds];
      // Groups in the order they first appear, so the projector follows the order the room shared them in.
      const byGroup = new Map<string, string[]>();
      for (const idea of a.ideas) {
        const name =
          idea.group.trim() || (idea.targetId ? describeOption(wb, w, idea.targetId).label : 'Other ideas');
        byGroup.set(name, [...(byGroup.get(name) ?? []), idea.text]);
      }
      const groups = [...byGroup].map(([name, ideas]) => ({ name, ideas }));
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
        page: pageOf(view),
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
        ...voteParts(wb, w, a, () => rankDotVote(a), pageOf(view)),
      };
    }
    case 'points': {
      const cap = a.maxPerOption !== null ? `, at most ${a.maxPerOption} on one option` : '';
      return {
        kind: 'points',
        heading: a.title,
        rule: `Share out exactly ${a.total} points${cap}.`,
        ...voteParts(wb, w, a, () => rankPoints(a), pageOf(view)),
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
        page: pageOf(view),
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
      return {
        kind: 'walk-the-map',
        heading: a.title,
        objective: objective.title,
        position: `Objective ${index + 1} of ${objectives.length}`,
        links,
        page: pageOf(view),
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
        page: pageOf(view),
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
      const items = w.parkingLot.map((p) => ({
        text: p.text,
        disposition: DISPOSITIONS[p.disposition].label,
      }));
      return { kind: 'parking-lot', items, page: pageOf(view) };
    }
    case 'decisions': {
      const items = w.decisions.map((d) => ({ text: d.text, result: d.result }));
      return { kind: 'decisions', items, page: pageOf(view) };
    }
    case 'actions': {
      const items = w.actions
        .filter((a) => a.status !== 'dropped')
        .map((a) => ({
          text: a.text,
          owner: a.owner || 'Owner to be agreed',
          due: a.due ? longDate(a.due) : 'Date to be agreed',
        }));
      return { kind: 'actions', items, page: pageOf(view) };
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
    key: presenterViewKey(view),
    title: w.title,
    screen: buildScreen(wb, w, view),
    timer: options.timer,
    fontPx: options.fontPx ?? 0,
  };
}
