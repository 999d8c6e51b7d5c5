/**
 * Two summary charts of the map, drawn as SVG from the workbook: a heat map of council themes against Universal
 * Offers, and the flow from services (by offer) through Ambition outcomes to council themes. Each comes with the
 * same figures as a table, the text alternative, so nothing is conveyed by the picture alone. Pure; the Review
 * step shows the SVG inline and documents can place it like any other chart.
 */
import { STRENGTH_WEIGHT } from '../../analysis/coverage';
import { indexObjectives } from '../../analysis/hierarchy';
import { AMBITION_OUTCOMES, UNIVERSAL_OFFERS, type AmbitionOutcomeId, type UniversalOffer } from '../../model/vocabulary';
import type { Objective, Workbook } from '../../model/workbook-schema';
import { FONT_FAMILY, SHADES } from '../palette';
import { escapeMarkup as esc } from '../markup';

const wrap = (parts: readonly string[], width: number, height: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}, Arial, sans-serif">${parts.join('')}</svg>`;

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

/** The council theme (top-level item) an objective sits in; objectives without one are grouped as "Other". */
function themeTitles(wb: Workbook): (objectiveId: string) => string {
  const index = indexObjectives(wb.objectives);
  const cache = new Map<string, string>();
  return (id) => {
    const hit = cache.get(id);
    if (hit) return hit;
    let current: Objective | undefined = index.byId.get(id);
    const seen = new Set<string>();
    while (current?.parentId && index.byId.has(current.parentId) && !seen.has(current.id)) {
      seen.add(current.id);
      current = index.byId.get(current.parentId);
    }
    const title = current && current.level === 'theme' ? current.title : 'Other objectives';
    cache.set(id, title);
    return title;
  };
}

export interface ThemeOfferHeatmap {
  readonly themes: readonly string[];
  readonly offers: readonly UniversalOffer[];
  /** Weighted score (strong 9, medium 3, weak 1) by [theme][offer]. */
  readonly scores: ReadonlyArray<ReadonlyArray<number>>;
  /** Number of links by [theme][offer]. */
  readonly links: ReadonlyArray<ReadonlyArray<number>>;
}

export function themeOfferHeatmap(wb: Workbook): ThemeOfferHeatmap {
  const themeOf = themeTitles(wb);
  const serviceOffer = new Map(wb.services.map((s) => [s.id, s.offer]));
  const themes = [...new Set(wb.objectives.filter((o) => o.parentId === null).map((o) => (o.level === 'theme' ? o.title : 'Other objectives')))];
  const offers = UNIVERSAL_OFFERS.filter((o) => wb.services.some((s) => s.offer === o));
  const scores = themes.map(() => offers.map(() => 0));
  const links = themes.map(() => offers.map(() => 0));
  for (const a of wb.alignments) {
    if (a.strength === 0) continue;
    const t = themes.indexOf(themeOf(a.objectiveId));
    const offer = serviceOffer.get(a.serviceId);
    const o = offer ? offers.indexOf(offer) : -1;
    if (t < 0 || o < 0) continue;
    scores[t]![o]! += STRENGTH_WEIGHT[a.strength];
    links[t]![o]! += 1;
  }
  return { themes, offers, scores, links };
}

/** Heat map SVG: shade by score band, and the number in every cell. */
export function heatmapSvg(h: ThemeOfferHeatmap): { svg: string; width: number; height: number } {
  const labelW = 230;
  const cellW = 96;
  const cellH = 40;
  const headH = 70;
  const width = labelW + h.offers.length * cellW + 2;
  const height = headH + h.themes.length * cellH + 2;
  const max = Math.max(1, ...h.scores.flat());
  const band = (v: number) => (v === 0 ? SHADES['strength-0'] : v < max / 3 ? SHADES['strength-1'] : v < (2 * max) / 3 ? SHADES['strength-2'] : SHADES['strength-3']);
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="#ffffff"/>`];
  h.offers.forEach((offer, j) => {
    const x = labelW + j * cellW;
    const words = clip(offer, 40).split(' ');
    const lines: string[] = [];
    for (const w of words) {
      const last = lines[lines.length - 1];
      if (last !== undefined && (last + ' ' + w).length <= 14) lines[lines.length - 1] = `${last} ${w}`;
      else lines.push(w);
    }
    lines.slice(0, 4).forEach((line, k) => {
      parts.push(`<text x="${x + cellW / 2}" y="${headH - 8 - (Math.min(lines.length, 4) - 1 - k) * 13}" font-size="11" text-anchor="middle" fill="#0b0c0c">${esc(line)}</text>`);
    });
  });
  h.themes.forEach((theme, i) => {
    const y = headH + i * cellH;
    parts.push(`<text x="${labelW - 8}" y="${y + cellH / 2 + 4}" font-size="12" text-anchor="end" fill="#0b0c0c">${esc(clip(theme, 34))}</text>`);
    h.offers.forEach((_, j) => {
      const v = h.scores[i]![j]!;
      const c = band(v);
      const x = labelW + j * cellW;
      parts.push(`<rect x="${x}" y="${y}" width="${cellW}" height="${cellH}" fill="#${c.fill}" stroke="#ffffff" stroke-width="2"/>`);
      parts.push(`<text x="${x + cellW / 2}" y="${y + cellH / 2 + 4}" font-size="12" text-anchor="middle" fill="#${c.text}">${v === 0 ? '–' : `${v} (${h.links[i]![j]})`}</text>`);
    });
  });
  return { svg: wrap(parts, width, height), width, height };
}

export function heatmapAlt(h: ThemeOfferHeatmap): string {
  if (h.themes.length === 0 || h.offers.length === 0) return 'Heat map of contribution by council theme and Universal Library Offer: no data yet.';
  let best = { t: 0, o: 0, v: -1 };
  h.scores.forEach((row, t) => row.forEach((v, o) => v > best.v && (best = { t, o, v })));
  const empty = h.themes.filter((_, t) => h.scores[t]!.every((v) => v === 0));
  return `Heat map of weighted contribution (strong 9, medium 3, weak 1) by ${h.themes.length} council themes and ${h.offers.length} Universal Library Offers. The strongest is ${h.offers[best.o]} to “${h.themes[best.t]}” (score ${best.v}).${
    empty.length > 0 ? ` No contribution yet to ${empty.map((t) => `“${t}”`).join(', ')}.` : ''
  } The table gives every figure.`;
}

export interface OutcomeFlow {
  readonly offers: readonly UniversalOffer[];
  readonly outcomes: ReadonlyArray<{ id: AmbitionOutcomeId; name: string }>;
  readonly themes: readonly string[];
  /** offer → outcome weights, and outcome → theme weights (strong 9, medium 3, weak 1), through each service's main outcome. */
  readonly left: ReadonlyArray<{ offer: number; outcome: number; weight: number }>;
  readonly right: ReadonlyArray<{ outcome: number; theme: number; weight: number }>;
}

export function outcomeFlow(wb: Workbook): OutcomeFlow {
  const themeOf = themeTitles(wb);
  const services = new Map(wb.services.map((s) => [s.id, s]));
  const offers = UNIVERSAL_OFFERS.filter((o) => wb.services.some((s) => s.offer === o));
  const themes = [...new Set(wb.objectives.filter((o) => o.parentId === null).map((o) => (o.level === 'theme' ? o.title : 'Other objectives')))];
  const left = new Map<string, number>();
  const right = new Map<string, number>();
  for (const a of wb.alignments) {
    if (a.strength === 0) continue;
    const s = services.get(a.serviceId);
    const main = s?.outcomes[0];
    if (!s || main === undefined) continue;
    const o = AMBITION_OUTCOMES.findIndex((x) => x.id === main);
    const f = offers.indexOf(s.offer);
    const t = themes.indexOf(themeOf(a.objectiveId));
    if (o < 0 || f < 0 || t < 0) continue;
    const w = STRENGTH_WEIGHT[a.strength];
    left.set(`${f}:${o}`, (left.get(`${f}:${o}`) ?? 0) + w);
    right.set(`${o}:${t}`, (right.get(`${o}:${t}`) ?? 0) + w);
  }
  return {
    offers,
    outcomes: AMBITION_OUTCOMES.map((o) => ({ id: o.id, name: o.name })),
    themes,
    left: [...left].map(([k, weight]) => ({ offer: Number(k.split(':')[0]), outcome: Number(k.split(':')[1]), weight })),
    right: [...right].map(([k, weight]) => ({ outcome: Number(k.split(':')[0]), theme: Number(k.split(':')[1]), weight })),
  };
}

/** Three columns of labelled nodes joined by bands whose width follows the weight, with the weight written on. */
export function flowSvg(f: OutcomeFlow): { svg: string; width: number; height: number } {
  const width = 1040;
  const colX = [10, 390, 770];
  const nodeW = 260;
  const rowH = 46;
  const rows = Math.max(f.offers.length, f.outcomes.length, f.themes.length, 1);
  const height = rows * rowH + 40;
  const y = (i: number, n: number) => 30 + i * rowH + ((rows - n) * rowH) / 2;
  const max = Math.max(1, ...f.left.map((l) => l.weight), ...f.right.map((r) => r.weight));
  const thickness = (w: number) => 2 + (w / max) * 14;
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="#ffffff"/>`];
  const band = (x1: number, y1: number, x2: number, y2: number, w: number) => {
    const mid = (x1 + x2) / 2;
    parts.push(
      `<path d="M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}" fill="none" stroke="#${SHADES['strength-2'].fill}" stroke-opacity="0.7" stroke-width="${thickness(w).toFixed(1)}"/>`,
    );
    parts.push(`<text x="${mid}" y="${(y1 + y2) / 2 - 3}" font-size="10" text-anchor="middle" fill="#0b0c0c">${w}</text>`);
  };
  for (const l of f.left) band(colX[0]! + nodeW, y(l.offer, f.offers.length) + 16, colX[1]!, y(l.outcome, f.outcomes.length) + 16, l.weight);
  for (const r of f.right) band(colX[1]! + nodeW, y(r.outcome, f.outcomes.length) + 16, colX[2]!, y(r.theme, f.themes.length) + 16, r.weight);
  const node = (x: number, top: number, label: string) => {
    parts.push(`<rect x="${x}" y="${top}" width="${nodeW}" height="32" rx="4" fill="#${SHADES.accent.fill}" stroke="#1d4f91"/>`);
    parts.push(`<text x="${x + 8}" y="${top + 20}" font-size="11" fill="#0b0c0c">${esc(clip(label, 44))}</text>`);
  };
  parts.push(`<text x="${colX[0]}" y="16" font-size="12" font-weight="bold" fill="#0b0c0c">Services, by offer</text>`);
  parts.push(`<text x="${colX[1]}" y="16" font-size="12" font-weight="bold" fill="#0b0c0c">Ambition outcomes</text>`);
  parts.push(`<text x="${colX[2]}" y="16" font-size="12" font-weight="bold" fill="#0b0c0c">Council themes</text>`);
  f.offers.forEach((o, i) => node(colX[0]!, y(i, f.offers.length), o));
  f.outcomes.forEach((o, i) => node(colX[1]!, y(i, f.outcomes.length), `${o.id}. ${o.name}`));
  f.themes.forEach((t, i) => node(colX[2]!, y(i, f.themes.length), t));
  return { svg: wrap(parts, width, height), width, height };
}

export function flowAlt(f: OutcomeFlow): string {
  if (f.left.length === 0) return 'Flow from library services through Ambition outcomes to council themes: no links yet.';
  const byOutcome = f.outcomes.map((o, i) => ({ name: o.name, w: f.right.filter((r) => r.outcome === i).reduce((n, r) => n + r.weight, 0) })).sort((a, b) => b.w - a.w);
  const top = byOutcome.filter((o) => o.w > 0).slice(0, 3);
  return `Flow diagram from library services (grouped by Universal Library Offer) through their main Ambition outcome to the council themes they contribute to, weighted strong 9, medium 3, weak 1. Most contribution flows through ${top.map((o) => `“${o.name}” (${o.w})`).join(', ')}. The table lists every flow.`;
}
