/**
 * What the projector shows, as data: the console builds it, main relays it, the presenter window renders it and
 * nothing else. It is checked at the IPC boundary and carries no private content by construction: no facilitator
 * notes, no idea authors, no ballots or who voted, no running totals before the reveal, no objections, no admin
 * controls (WORKSHOPS.md §5.E.17, §3 "own votes leak on the shared screen").
 */
import { z } from 'zod';

const text = z.string().max(20_000);
const short = z.string().max(600);

export const PresenterTimerSchema = z.object({
  label: short,
  durationMs: z.number().min(0).max(36_000_000),
  remainingAtStartMs: z.number().min(-36_000_000).max(36_000_000),
  /** Clock time (ms since 1970) the current run started; the presenter counts down from it on its own clock. */
  startedAt: z.number().nullable(),
});
export type PresenterTimer = z.infer<typeof PresenterTimerSchema>;

const OptionSchema = z.object({
  number: z.number().int().min(1),
  label: short,
  kind: z.enum(['objective', 'service', 'idea']),
});

const VoteStatusSchema = z.discriminatedUnion('revealed', [
  z.object({
    revealed: z.literal(false),
    ballotsIn: z.number().int().min(0).nullable(),
    expected: z.number().int().min(0),
  }),
  z.object({
    revealed: z.literal(true),
    rows: z
      .array(
        z.object({
          number: z.number().int(),
          label: short,
          amount: z.number(),
          rank: short,
          tied: z.boolean(),
        }),
      )
      .max(1_000),
    /** Each group of options tied on the same total, by number and label. */
    ties: z.array(z.array(z.object({ number: z.number().int(), label: short })).max(1_000)).max(500),
    voters: z.number().int().min(0).nullable(),
  }),
]);

/**
 * The page of a long screen the console asks for. The presenter window splits the screen into pages by what fits
 * at its size and type size (measured, not a fixed count), shows the one asked for (or its last) and reports how
 * many there are (PresenterPagesSchema), so the console can page through them.
 */
const page = z.number().int().min(1).max(1_000);

export const PresenterScreenSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('welcome'),
    date: short,
    venue: short,
    purpose: text,
    influence: short,
    influenceDescription: short,
    whoDecides: short,
    outOfScope: text,
    facilitator: short,
  }),
  z.object({
    kind: z.literal('agenda'),
    page,
    items: z
      .array(
        z.object({
          title: short,
          minutes: z.number(),
          kind: short,
          phase: short,
          current: z.boolean(),
          done: z.boolean(),
        }),
      )
      .max(200),
  }),
  z.object({
    kind: z.literal('ideas'),
    heading: short,
    prompt: short,
    groups: z.array(z.object({ name: short, ideas: z.array(short).max(5_000) })).max(5_000),
    count: z.number().int().min(0),
    page,
  }),
  z.object({
    kind: z.literal('dot-vote'),
    heading: short,
    rule: short,
    options: z.array(OptionSchema).max(1_000),
    status: VoteStatusSchema,
    page,
  }),
  z.object({
    kind: z.literal('points'),
    heading: short,
    rule: short,
    options: z.array(OptionSchema).max(1_000),
    status: VoteStatusSchema,
    page,
  }),
  z.object({
    kind: z.literal('two-by-two'),
    heading: short,
    xAxis: short,
    yAxis: short,
    xDefinition: short,
    yDefinition: short,
    quadrants: z
      .array(
        z.object({
          id: z.enum(['top-left', 'top-right', 'bottom-left', 'bottom-right']),
          name: short,
          letter: short,
          shape: short,
          colour: short,
          colourName: short,
        }),
      )
      .length(4),
    placed: z
      .array(
        z.object({
          number: z.number().int(),
          label: short,
          x: z.number().min(0).max(1),
          y: z.number().min(0).max(1),
          quadrant: short,
          letter: short,
        }),
      )
      .max(1_000),
    waiting: z.array(OptionSchema).max(1_000),
    /** The key beside the grid is paged; the grid and its numbered markers show on every page. */
    page,
  }),
  z.object({
    kind: z.literal('walk-the-map'),
    heading: short,
    objective: short,
    position: short,
    /** Links for this objective: agreed, proposed, or on the map already and not yet discussed. */
    links: z
      .array(
        z.object({
          service: short,
          strength: z.number().int().min(0).max(3),
          strengthText: short,
          rationale: text,
          status: z.enum(['agreed', 'proposed', 'on-map']),
        }),
      )
      .max(5_000),
    page,
  }),
  z.object({
    kind: z.literal('parking-lot'),
    items: z.array(z.object({ text: short, disposition: short })).max(5_000),
    page,
  }),
  z.object({
    kind: z.literal('decisions'),
    items: z.array(z.object({ text: short, result: short })).max(5_000),
    page,
  }),
  z.object({
    kind: z.literal('actions'),
    items: z.array(z.object({ text: short, owner: short, due: short })).max(5_000),
    page,
  }),
  z.object({ kind: z.literal('message'), heading: short, body: text }),
]);
export type PresenterScreen = z.infer<typeof PresenterScreenSchema>;

export const PresenterStateSchema = z.object({
  /** The screen is blanked ("hold"): the presenter shows nothing else. */
  held: z.boolean(),
  /** Names the screen apart from its page, so a page count the presenter reports is matched to its screen. */
  key: short,
  title: short,
  screen: PresenterScreenSchema,
  timer: PresenterTimerSchema.nullable(),
  /** Large type from the room set-up (CSS px at 1080 lines); 0 for the default. */
  fontPx: z.number().min(0).max(200),
});
export type PresenterState = z.infer<typeof PresenterStateSchema>;

/** From the presenter window to the console: how many pages the screen named by key took at the projector's size. */
export const PresenterPagesSchema = z.object({ key: short, pages: z.number().int().min(1).max(1_000) });
export type PresenterPages = z.infer<typeof PresenterPagesSchema>;
