/**
 * Edits inside a workshop that must keep its references whole: removing or merging ideas takes them out of the
 * votes and grids that used them as options; removing an activity clears re-votes that pointed at it; anonymity
 * can be made stricter (erasing authors and voter names) but never looser once anything is captured. Each
 * function mutates what it is given; callers pass an immer draft so the change is one undoable step.
 */
import { newId } from '../model/ids';
import {
  ActivitySchema,
  WorkshopSchema,
  type Activity,
  type ActivityKind,
  type Ballot,
  type Workshop,
} from '../model/workbook-schema';
import { ACTIVITY_KINDS, type AgendaPreset } from './kinds';
import { checkBallot, isSetupLocked, openVotingProblems, type Allocation } from './dot-vote';
import { parseSheets } from './paper-ballots';
import { checkAllocation, isPointsSetupLocked, openPointsProblems } from './points';

export function newWorkshop(init: { title: string; date: string | null }): Workshop {
  return WorkshopSchema.parse({ id: newId('workshop'), title: init.title, date: init.date });
}

export function newActivity(
  kind: ActivityKind,
  preset?: Pick<AgendaPreset, 'title' | 'minutes' | 'notes' | 'block'>,
): Activity {
  const info = ACTIVITY_KINDS[kind];
  return ActivitySchema.parse({
    id: newId('activity'),
    kind,
    title: preset?.title ?? info.label,
    minutes: preset?.minutes ?? info.minutes,
    notes: preset?.notes ?? '',
    ...(kind === 'block' && preset?.block ? { block: preset.block } : {}),
  });
}

function removeFrom<T>(list: T[], drop: (item: T) => boolean): void {
  for (let i = list.length - 1; i >= 0; i--) if (drop(list[i]!)) list.splice(i, 1);
}

/** Takes option ids out of every vote and grid in the workshop (used when ideas go). */
function dropOptions(w: Workshop, ids: ReadonlySet<string>): void {
  for (const a of w.activities) {
    if (a.kind === 'dot-vote' || a.kind === 'points') {
      removeFrom(a.optionIds, (id) => ids.has(id));
      for (const b of a.ballots) removeFrom(b.allocations, (al) => ids.has(al.optionId));
      if (a.kind === 'dot-vote') removeFrom(a.totals, (t) => ids.has(t.optionId));
    } else if (a.kind === 'two-by-two') {
      removeFrom(a.optionIds, (id) => ids.has(id));
      removeFrom(a.placements, (p) => ids.has(p.optionId));
    }
  }
}

/** Votes now open (not yet revealed) that have any of these ideas as an option: their option list is frozen. */
export function openVotesUsing(w: Pick<Workshop, 'activities'>, ideaIds: readonly string[]): string[] {
  const ids = new Set(ideaIds);
  return w.activities
    .filter(
      (a) =>
        (a.kind === 'dot-vote' || a.kind === 'points') &&
        a.votingOpen &&
        !a.revealed &&
        a.optionIds.some((id) => ids.has(id)),
    )
    .map((a) => a.title);
}

export function removeIdeas(w: Workshop, ideaIds: readonly string[]): void {
  const ids = new Set(ideaIds);
  for (const a of w.activities) if (a.kind === 'ideas') removeFrom(a.ideas, (i) => ids.has(i.id));
  dropOptions(w, ids);
}

/**
 * Merges duplicate ideas into one (only ever on the facilitator's explicit say-so): the one the facilitator chose
 * to keep, in the wording chosen (its own when none is given). Votes and placements that used a merged idea move
 * to the one kept; a ballot that voted for both keeps the sum.
 */
export function mergeIdeas(
  w: Workshop,
  keepId: string,
  mergeIds: readonly string[],
  wording?: string,
): boolean {
  const merging = new Set(mergeIds.filter((id) => id !== keepId));
  const keep = w.activities.flatMap((a) => (a.kind === 'ideas' ? a.ideas : [])).find((i) => i.id === keepId);
  if (!keep || merging.size === 0) return false;
  const text = wording?.trim();
  if (text) keep.text = text.slice(0, 500);
  for (const a of w.activities) {
    if (a.kind === 'ideas') removeFrom(a.ideas, (i) => merging.has(i.id));
    else if (a.kind === 'dot-vote' || a.kind === 'points') {
      const had = a.optionIds.some((id) => merging.has(id));
      removeFrom(a.optionIds, (id) => merging.has(id));
      if (had && !a.optionIds.includes(keepId)) a.optionIds.push(keepId);
      const redirect = (list: Allocation[]) => {
        let moved = 0;
        removeFrom(list, (al) => {
          if (!merging.has(al.optionId)) return false;
          moved += al.amount;
          return true;
        });
        if (moved === 0) return;
        const existing = list.find((al) => al.optionId === keepId);
        if (existing) existing.amount += moved;
        else list.push({ optionId: keepId, amount: moved });
      };
      for (const b of a.ballots) redirect(b.allocations);
      if (a.kind === 'dot-vote') redirect(a.totals);
    } else if (a.kind === 'two-by-two') {
      const had = a.optionIds.some((id) => merging.has(id));
      removeFrom(a.optionIds, (id) => merging.has(id));
      if (had && !a.optionIds.includes(keepId)) a.optionIds.push(keepId);
      const kept = a.placements.some((p) => p.optionId === keepId);
      const moved = a.placements.find((p) => merging.has(p.optionId));
      removeFrom(a.placements, (p) => merging.has(p.optionId));
      if (!kept && moved) a.placements.push({ ...moved, optionId: keepId });
    }
  }
  return true;
}

export function removeActivity(w: Workshop, activityId: string): void {
  const gone = w.activities.find((a) => a.id === activityId);
  if (!gone) return;
  removeFrom(w.activities, (a) => a.id === activityId);
  if (gone.kind === 'ideas') dropOptions(w, new Set(gone.ideas.map((i) => i.id)));
  for (const a of w.activities) if (a.kind === 'dot-vote' && a.revoteOf === activityId) a.revoteOf = null;
}

export function moveActivity(w: Workshop, activityId: string, direction: -1 | 1): boolean {
  const i = w.activities.findIndex((a) => a.id === activityId);
  const j = i + direction;
  if (i < 0 || j < 0 || j >= w.activities.length) return false;
  const [moved] = w.activities.splice(i, 1);
  w.activities.splice(j, 0, moved!);
  return true;
}

export function removeParticipant(w: Workshop, participantId: string): void {
  removeFrom(w.participants, (p) => p.id === participantId);
  for (const a of w.activities)
    if (a.kind === 'dot-vote' || a.kind === 'points')
      for (const b of a.ballots) if (b.participantId === participantId) b.participantId = null;
}

/** True once anything has been captured that a change of anonymity would affect. */
export function hasContent(w: Workshop): boolean {
  return w.activities.some((a) =>
    a.kind === 'ideas'
      ? a.ideas.length > 0
      : a.kind === 'dot-vote' || a.kind === 'points'
        ? a.ballots.length > 0
        : false,
  );
}

/**
 * Anonymity may always be made stricter (authors and voters are then erased, not hidden) and may be loosened
 * only before anything is captured. Returns false when the change is refused.
 */
export function setAnonymity(w: Workshop, level: Workshop['anonymity']): boolean {
  if (level === w.anonymity) return true;
  if (level === 'named' && hasContent(w)) return false;
  w.anonymity = level;
  if (level === 'anonymous') {
    for (const a of w.activities) {
      if (a.kind === 'ideas') for (const i of a.ideas) i.author = '';
      if (a.kind === 'dot-vote' || a.kind === 'points') {
        a.anonymous = true;
        for (const b of a.ballots) b.participantId = null;
      }
    }
  }
  return true;
}

type Vote = Extract<Activity, { kind: 'dot-vote' | 'points' }>;

/** Opens voting, freezing the options and budget; returns the reasons it cannot open, or [] when it opened. */
export function openVoting(a: Vote): string[] {
  const problems = a.kind === 'dot-vote' ? openVotingProblems(a) : openPointsProblems(a);
  if (problems.length === 0) {
    a.votingOpen = true;
    if (a.status === 'planned') a.status = 'running';
  }
  return problems;
}

export function isVoteSetupLocked(a: Vote): boolean {
  return a.kind === 'dot-vote' ? isSetupLocked(a) : isPointsSetupLocked(a);
}

/**
 * Records one person's ballot after checking it. In an anonymous vote no participant is stored, whatever the
 * caller passes. Returns the problems, or [] when the ballot was recorded.
 */
export function recordBallot(
  a: Vote,
  w: Pick<Workshop, 'anonymity'>,
  allocations: readonly Allocation[],
  participantId: string | null,
  label?: (id: string) => string,
): string[] {
  if (!a.votingOpen) return ['Voting has not been opened yet.'];
  if (a.revealed) return ['The results have been revealed; this vote is closed.'];
  const check =
    a.kind === 'dot-vote' ? checkBallot(a, allocations, label) : checkAllocation(a, allocations, label);
  if (!check.ok) return [...check.problems];
  const anonymous = a.anonymous || w.anonymity === 'anonymous';
  const ballot: Ballot = {
    id: newId('ballot'),
    sheet: null,
    participantId: anonymous ? null : participantId,
    allocations: allocations
      .filter((al) => al.amount > 0)
      .map((al) => ({ optionId: al.optionId, amount: al.amount })),
  };
  if (!anonymous && participantId) {
    const previous = a.ballots.findIndex((b) => b.participantId === participantId);
    if (previous >= 0) return ['This participant has already voted.'];
  }
  a.ballots.push(ballot);
  return [];
}

/**
 * Records that someone took part and chose not to vote (an empty ballot, valid in a dot vote and in a points
 * allocation alike), so "n of N voted" counts them. Returns the problems, or [] when it was recorded.
 */
export function recordAbstention(
  a: Vote,
  w: Pick<Workshop, 'anonymity'>,
  participantId: string | null,
): string[] {
  if (!a.votingOpen) return ['Voting has not been opened yet.'];
  if (a.revealed) return ['The results have been revealed; this vote is closed.'];
  const anonymous = a.anonymous || w.anonymity === 'anonymous';
  if (!anonymous && participantId && a.ballots.some((b) => b.participantId === participantId))
    return ['This participant has already voted.'];
  a.ballots.push({
    id: newId('ballot'),
    participantId: anonymous ? null : participantId,
    allocations: [],
    sheet: null,
  });
  return [];
}

/**
 * Records paper sheets typed in by number (see paper-ballots.ts): all of them or, when any line is wrong or a sheet
 * is already in, none. Sheets carry no names. Returns the problems, or [] when every sheet was recorded.
 */
export function recordPaperSheets(a: Vote, text: string): { problems: string[]; recorded: number } {
  if (!a.votingOpen) return { problems: ['Voting has not been opened yet.'], recorded: 0 };
  if (a.revealed) return { problems: ['The results have been revealed; this vote is closed.'], recorded: 0 };
  const batch = parseSheets(text, a);
  if (batch.problems.length > 0) return { problems: [...batch.problems], recorded: 0 };
  for (const s of batch.sheets)
    a.ballots.push({
      id: newId('ballot'),
      participantId: null,
      sheet: s.sheet,
      allocations: s.allocations.filter((al) => al.amount > 0).map((al) => ({ ...al })),
    });
  return { problems: [], recorded: batch.sheets.length };
}

/** Shows every total at once; voting closes. */
export function reveal(a: Vote): void {
  a.revealed = true;
  a.votingOpen = false;
}
