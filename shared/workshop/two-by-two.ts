/**
 * The 2×2 grid (WORKSHOPS.md §1.3, §5.C.13): positions run 0–1 on each axis (x left to right, y bottom to top),
 * quadrants carry names, a letter and a shape as well as a colour, and the facilitator gets the warning signs:
 * axes not defined, everything a quick win, no time sinks.
 */
import type { Activity, Placement } from '../model/workbook-schema';

export type TwoByTwo = Extract<Activity, { kind: 'two-by-two' }>;

export type QuadrantId = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

export interface Quadrant {
  readonly id: QuadrantId;
  readonly name: string;
  /** A letter printed and shown beside the colour, so the quadrant can be named aloud and read in greyscale. */
  readonly letter: string;
  readonly shape: 'circle' | 'square' | 'triangle' | 'diamond';
  /** Okabe–Ito colour (colour-blind safe), always paired with the letter and shape. */
  readonly colour: { readonly name: string; readonly hex: string };
}

const OKABE_ITO = {
  blue: { name: 'blue', hex: '0072B2' },
  orange: { name: 'orange', hex: 'E69F00' },
  green: { name: 'bluish green', hex: '009E73' },
  vermilion: { name: 'vermilion', hex: 'D55E00' },
} as const;

const IMPACT = /impact|value|benefit|contribution/i;
const EFFORT = /effort|cost|difficulty|time|resource/i;

/** Which axis is impact and which is effort, when the axes are those two (either way round). */
function impactEffort(a: Pick<TwoByTwo, 'xAxis' | 'yAxis'>): { impact: 'x' | 'y'; effort: 'x' | 'y' } | null {
  if (IMPACT.test(a.yAxis) && EFFORT.test(a.xAxis)) return { impact: 'y', effort: 'x' };
  if (IMPACT.test(a.xAxis) && EFFORT.test(a.yAxis)) return { impact: 'x', effort: 'y' };
  return null;
}

const lower = (s: string) => s.trim().toLowerCase() || 'unnamed axis';

/** The four quadrants with names for these axes: the impact/effort names when they apply, else "High X, low Y". */
export function quadrants(a: Pick<TwoByTwo, 'xAxis' | 'yAxis'>): Record<QuadrantId, Quadrant> {
  const ie = impactEffort(a);
  const at = (id: QuadrantId): { xHigh: boolean; yHigh: boolean } => ({
    xHigh: id.endsWith('right'),
    yHigh: id.startsWith('top'),
  });
  const name = (id: QuadrantId): { name: string; letter: string } => {
    const { xHigh, yHigh } = at(id);
    if (ie) {
      const impactHigh = ie.impact === 'y' ? yHigh : xHigh;
      const effortHigh = ie.effort === 'y' ? yHigh : xHigh;
      if (impactHigh && !effortHigh) return { name: 'Quick wins', letter: 'Q' };
      if (impactHigh && effortHigh) return { name: 'Major projects', letter: 'M' };
      if (!impactHigh && !effortHigh) return { name: 'Fill-ins', letter: 'F' };
      return { name: 'Time sinks', letter: 'T' };
    }
    const y = `${yHigh ? 'High' : 'Low'} ${lower(a.yAxis)}`;
    const x = `${xHigh ? 'high' : 'low'} ${lower(a.xAxis)}`;
    return {
      name: `${y}, ${x}`,
      letter: { 'top-left': 'A', 'top-right': 'B', 'bottom-left': 'C', 'bottom-right': 'D' }[id],
    };
  };
  const make = (id: QuadrantId, shape: Quadrant['shape'], colour: Quadrant['colour']): Quadrant => ({
    id,
    ...name(id),
    shape,
    colour,
  });
  return {
    'top-left': make('top-left', 'circle', OKABE_ITO.green),
    'top-right': make('top-right', 'square', OKABE_ITO.blue),
    'bottom-left': make('bottom-left', 'diamond', OKABE_ITO.orange),
    'bottom-right': make('bottom-right', 'triangle', OKABE_ITO.vermilion),
  };
}

/** The quadrant a position falls in; the centre lines count as the upper/right side. */
export function quadrantOf(p: Pick<Placement, 'x' | 'y'>): QuadrantId {
  const top = p.y >= 0.5;
  const right = p.x >= 0.5;
  return top ? (right ? 'top-right' : 'top-left') : right ? 'bottom-right' : 'bottom-left';
}

/** Axes must be named and defined before anything is placed (define the axes first, then place). */
export function axesProblems(a: Pick<TwoByTwo, 'xAxis' | 'yAxis' | 'xDefinition' | 'yDefinition'>): string[] {
  const problems: string[] = [];
  if (!a.xAxis.trim()) problems.push('Name the horizontal axis.');
  if (!a.yAxis.trim()) problems.push('Name the vertical axis.');
  if (!a.xDefinition.trim())
    problems.push(`Agree what “${a.xAxis.trim() || 'the horizontal axis'}” means before placing anything.`);
  if (!a.yDefinition.trim())
    problems.push(`Agree what “${a.yAxis.trim() || 'the vertical axis'}” means before placing anything.`);
  return problems;
}

export function canPlace(a: TwoByTwo): boolean {
  return axesProblems(a).length === 0;
}

/** New items start at the centre and are moved relative to the items already placed. */
export const CENTRE: Readonly<Pick<Placement, 'x' | 'y'>> = { x: 0.5, y: 0.5 };

const round = (n: number) => Math.round(n * 1000) / 1000;
const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/** Keyboard moves: arrows step by `step` (a twentieth by default), Home/End jump to an edge. */
export function nudge(
  p: Pick<Placement, 'x' | 'y'>,
  key: string,
  step = 0.05,
): Pick<Placement, 'x' | 'y'> | null {
  switch (key) {
    case 'ArrowLeft':
      return { x: round(clamp01(p.x - step)), y: p.y };
    case 'ArrowRight':
      return { x: round(clamp01(p.x + step)), y: p.y };
    case 'ArrowUp':
      return { x: p.x, y: round(clamp01(p.y + step)) };
    case 'ArrowDown':
      return { x: p.x, y: round(clamp01(p.y - step)) };
    case 'Home':
      return { x: 0, y: p.y };
    case 'End':
      return { x: 1, y: p.y };
    case 'PageUp':
      return { x: p.x, y: 1 };
    case 'PageDown':
      return { x: p.x, y: 0 };
    default:
      return null;
  }
}

/** Sets or moves one option's position, clamped into the grid. */
export function place(a: TwoByTwo, optionId: string, at: Pick<Placement, 'x' | 'y'>): void {
  const x = round(clamp01(at.x));
  const y = round(clamp01(at.y));
  const existing = a.placements.find((p) => p.optionId === optionId);
  if (existing) {
    existing.x = x;
    existing.y = y;
  } else a.placements.push({ optionId, x, y });
}

export function unplace(a: TwoByTwo, optionId: string): void {
  const i = a.placements.findIndex((p) => p.optionId === optionId);
  if (i >= 0) a.placements.splice(i, 1);
}

/** Gentle warnings once enough is placed to judge: most things a quick win, or nothing a time sink. */
export function gridWarnings(a: TwoByTwo): string[] {
  const placed = a.placements.filter((p) => a.optionIds.includes(p.optionId));
  if (placed.length < 4) return [];
  const q = quadrants(a);
  const counts = new Map<QuadrantId, number>();
  for (const p of placed) counts.set(quadrantOf(p), (counts.get(quadrantOf(p)) ?? 0) + 1);
  const byName = (name: string) => Object.values(q).find((x) => x.name === name)?.id ?? null;
  const warnings: string[] = [];
  const quick = byName('Quick wins');
  const sinks = byName('Time sinks');
  if (quick && (counts.get(quick) ?? 0) > placed.length / 2)
    warnings.push(
      `More than half the items (${counts.get(quick)} of ${placed.length}) are quick wins. Is the room underestimating the effort?`,
    );
  if (sinks && (counts.get(sinks) ?? 0) === 0)
    warnings.push('Nothing is in Time sinks. Is anything honestly low impact and high effort?');
  if (!quick) {
    const most = [...counts].sort((x, y) => y[1] - x[1])[0];
    if (most && most[1] > placed.length * 0.75)
      warnings.push(
        `Almost everything is in “${q[most[0]].name}”. Check the axes are being used the same way by everyone.`,
      );
  }
  return warnings;
}

/** Where a position sits in words, for screen readers and the report: "Quick wins (impact 80%, effort 20%)". */
export function describePlacement(
  a: Pick<TwoByTwo, 'xAxis' | 'yAxis'>,
  p: Pick<Placement, 'x' | 'y'>,
): string {
  const q = quadrants(a)[quadrantOf(p)];
  return `${q.name} (${a.yAxis || 'vertical'} ${Math.round(p.y * 100)}%, ${a.xAxis || 'horizontal'} ${Math.round(p.x * 100)}%)`;
}
