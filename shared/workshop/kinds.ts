/**
 * The activities a workshop agenda is built from: what each is called, whether it opens the conversation out
 * (diverge) or narrows it (converge), its usual timebox, and ready-made agenda blocks with the standard timings
 * from WORKSHOPS.md §1 and §5.A.2.
 */
import type { Activity, ActivityKind, Workbook, Workshop } from '../model/workbook-schema';

export interface KindInfo {
  readonly label: string;
  readonly phase: 'diverge' | 'converge' | 'frame';
  readonly minutes: number;
  /** One line for the agenda builder. */
  readonly description: string;
}

/** The phase as the agenda, the room's screen and the report name it. */
export const PHASE_TEXT: Readonly<Record<KindInfo['phase'], string>> = {
  diverge: 'Opening out',
  converge: 'Narrowing down',
  frame: 'Around the work',
};

export const ACTIVITY_KINDS: Readonly<Record<ActivityKind, KindInfo>> = {
  ideas: {
    label: 'Idea capture',
    phase: 'diverge',
    minutes: 15,
    description:
      'Everyone writes silently first; then the facilitator types each idea against an objective or service, and groups them.',
  },
  'dot-vote': {
    label: 'Dot voting',
    phase: 'converge',
    minutes: 10,
    description:
      'Each person spreads a few dots across numbered options, in secret; totals are revealed together.',
  },
  points: {
    label: '100-point allocation',
    phase: 'converge',
    minutes: 10,
    description: 'Each person shares out 100 points across the options; works best with 10 to 20 options.',
  },
  'two-by-two': {
    label: '2×2 prioritisation',
    phase: 'converge',
    minutes: 20,
    description:
      'Agree what the two axes mean, then place each option one at a time (impact against effort by default).',
  },
  'walk-the-map': {
    label: 'Walk the map',
    phase: 'converge',
    minutes: 30,
    description:
      'Step through the objectives; the room proposes and agrees how strongly each service contributes, and why.',
  },
  block: {
    label: 'Agenda block',
    phase: 'frame',
    minutes: 10,
    description:
      'A welcome, an opening round, a break or the close: timed on the agenda, with nothing to record.',
  },
};

export type AgendaBlock = Extract<Activity, { kind: 'block' }>['block'];

/** What the room's screen says during a block; nothing private (the facilitator's notes stay on the console). */
export function blockScreenText(
  block: AgendaBlock,
  minutes: number,
  w: Pick<Workshop, 'purpose' | 'nextSteps'>,
): string {
  switch (block) {
    case 'welcome':
      return w.purpose.trim()
        ? `Why we are here: ${w.purpose.trim()}`
        : 'Welcome. We will start in a moment.';
    case 'round':
      return 'Round the room: your name, your organisation, and one thing you hope this session achieves.';
    case 'break':
      return `Break: back in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
    case 'close':
      return w.nextSteps.trim()
        ? `Thank you. What happens next: ${w.nextSteps.trim()}`
        : 'Thank you for your time.';
  }
}

export const KIND_ORDER: readonly ActivityKind[] = [
  'ideas',
  'dot-vote',
  'points',
  'two-by-two',
  'walk-the-map',
];

/** Agenda blocks with standard timings; each sets an activity's kind, title, timebox and facilitator notes. */
export interface AgendaPreset {
  readonly id: string;
  readonly kind: ActivityKind;
  readonly title: string;
  readonly minutes: number;
  readonly notes: string;
  /** Where a vote's options come from when the block is added: the workbook's objectives, or the room. */
  readonly options?: 'objectives';
  /** For an agenda block: which one. */
  readonly block?: AgendaBlock;
}

export const AGENDA_PRESETS: readonly AgendaPreset[] = [
  {
    id: 'welcome',
    kind: 'block',
    block: 'welcome',
    title: 'Welcome and purpose',
    minutes: 10,
    notes:
      'Say why the room is here, what it can and cannot change, who decides afterwards, and the ground rules.',
  },
  {
    id: 'round',
    kind: 'block',
    block: 'round',
    title: 'Opening round',
    minutes: 10,
    notes: 'Everyone speaks once, briefly: name, organisation, one hope for the session. Keep time gently.',
  },
  {
    id: 'one-two-four-all',
    kind: 'ideas',
    title: '1-2-4-All: where could libraries help?',
    minutes: 12,
    notes:
      'About 1 minute alone, 2 in pairs, 4 in fours, then 5 minutes sharing: each group gives one idea not already heard. Type each idea as it is shared.',
  },
  {
    id: 'nominal-group',
    kind: 'ideas',
    title: 'Silent writing, then round-robin',
    minutes: 20,
    notes:
      'About 5 minutes of silent writing on cards. Then one idea per person per turn, recorded without debate. Quieter and junior voices first; senior voices last.',
  },
  {
    id: 'dot-vote',
    kind: 'dot-vote',
    title: 'Which objectives matter most for libraries?',
    minutes: 10,
    options: 'objectives',
    notes:
      'Say how the result will be used before voting. Read the numbered options aloud; plan your votes before placing any.',
  },
  {
    id: 'hundred-points',
    kind: 'points',
    title: 'Share out 100 points',
    minutes: 10,
    notes:
      'Allocate privately first. Then discuss the highest and lowest items and record the reasons. Park any talk of cost or effort.',
  },
  {
    id: 'impact-effort',
    kind: 'two-by-two',
    title: 'Impact and effort',
    minutes: 20,
    notes:
      'Agree what impact and effort mean first. Place one item at a time, starting at the centre; agree one high-effort and one low-impact anchor. Park anything still disputed after two minutes.',
  },
  {
    id: 'walk-the-map',
    kind: 'walk-the-map',
    title: 'Walk the map',
    minutes: 30,
    notes:
      'For each link: propose a strength, then ask "can anyone not live with this?". Record reasoned objections; adjust, or park with an owner.',
  },
  {
    id: 'break',
    kind: 'block',
    block: 'break',
    title: 'Break',
    minutes: 15,
    notes: 'Say when to be back. Put the screen on the break so latecomers see it.',
  },
  {
    id: 'close',
    kind: 'block',
    block: 'close',
    title: 'Close: what happens next',
    minutes: 10,
    notes:
      'Read out the decisions and actions with their owners; say what happens next and when people will hear back.',
  },
];

/** The agenda's total against the planned length: a warning when it runs over, else null. */
export function agendaOverrun(w: Pick<Workshop, 'activities' | 'plannedMinutes'>): string | null {
  const total = w.activities.reduce((n, a) => n + a.minutes, 0);
  if (w.plannedMinutes <= 0 || total <= w.plannedMinutes) return null;
  const over = total - w.plannedMinutes;
  return `The agenda runs ${over} ${over === 1 ? 'minute' : 'minutes'} over the ${w.plannedMinutes} planned (${total} in all). Shorten or remove an activity, or plan a longer session.`;
}

export function kindLabel(activity: Pick<Activity, 'kind'>): string {
  return ACTIVITY_KINDS[activity.kind].label;
}

export type OptionKind = 'objective' | 'service' | 'idea';

export interface OptionInfo {
  readonly id: string;
  readonly kind: OptionKind;
  readonly label: string;
}

/** What an option id names: an objective, a service, or one of the workshop's ideas. */
export function describeOption(
  wb: Pick<Workbook, 'objectives' | 'services'>,
  workshop: Pick<Workshop, 'activities'> | null,
  id: string,
): OptionInfo {
  const o = wb.objectives.find((x) => x.id === id);
  if (o) return { id, kind: 'objective', label: o.title };
  const s = wb.services.find((x) => x.id === id);
  if (s) return { id, kind: 'service', label: s.name };
  for (const a of workshop?.activities ?? []) {
    if (a.kind !== 'ideas') continue;
    const idea = a.ideas.find((i) => i.id === id);
    if (idea) return { id, kind: 'idea', label: idea.text };
  }
  return { id, kind: 'idea', label: 'Removed option' };
}

/** How many people the workshop expects to vote: named participants, else the head count, else the organisations' counts. */
export function headCount(w: Pick<Workshop, 'participants' | 'participantCount' | 'organisations'>): number {
  if (w.participants.length > 0) return w.participants.length;
  if (w.participantCount > 0) return w.participantCount;
  return w.organisations.reduce((n, o) => n + o.count, 0);
}

export const INFLUENCE_TEXT: Readonly<Record<Workshop['influence'], { label: string; description: string }>> =
  {
    inform: {
      label: 'Inform',
      description: 'We are telling you what has been decided and why; your questions and views are recorded.',
    },
    consult: {
      label: 'Consult',
      description:
        'Your views will be taken into account by the people who decide; this workshop does not itself decide.',
    },
    'co-design': {
      label: 'Co-design',
      description:
        'What this room agrees shapes the proposal directly; the final decision still rests with the people named below.',
    },
  };

/** How many voting sheets to print: one per expected voter, or 30 when nobody has said how many are coming. */
export function sheetCopies(
  w: Pick<Workshop, 'participants' | 'participantCount' | 'organisations'>,
): number {
  return Math.min(500, headCount(w) || 30);
}

/** The options a block starts with: the workbook's objectives (not themes or outcomes) for "which objectives". */
export function presetOptionIds(
  wb: Pick<Workbook, 'objectives'>,
  preset: Pick<AgendaPreset, 'options'> | undefined,
): string[] {
  if (preset?.options !== 'objectives') return [];
  return wb.objectives.filter((o) => o.level === 'objective').map((o) => o.id);
}
