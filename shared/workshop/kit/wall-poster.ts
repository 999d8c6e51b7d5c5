/**
 * The contribution map as a wall poster, read from 2 metres: every word at 50 pt or more (the A3 table poster's
 * 14 pt reads only at arm's length; WORKSHOPS.md §2.3), on one A0 or A1 sheet, or tiled across numbered A3 sheets
 * that overlap and join into one large poster. Every box has a size fixed in millimetres, so what fits is known
 * before printing: names are shortened to what their box holds, and a map too big for one sheet is split into
 * several posters, each titled with the objectives and services it shows.
 */
import { BRAND } from '../../documents/palette';
import { escapeMarkup as esc } from '../../documents/markup';
import { STRENGTHS, type Strength } from '../../model/vocabulary';
import type { Objective, Service, Workbook } from '../../model/workbook-schema';
import { plural } from '../../text/words';
import { cardNumbers, cardObjectives, themeCategories } from './categories';
import type { KitOptions, KitPage } from './kit-html';
import { baseCss, clipText, page } from './print-page';

export type WallPoster = 'A0' | 'A1' | 'A3-sheets';

export const WALL_POSTERS: Record<WallPoster, { readonly label: string; readonly description: string }> = {
  A0: { label: 'One A0 sheet', description: 'a single A0 sheet (1189 × 841 mm) for a plotter or print shop' },
  A1: { label: 'One A1 sheet', description: 'a single A1 sheet (841 × 594 mm) for a plotter or print shop' },
  'A3-sheets': {
    label: 'A3 sheets to join',
    description: 'numbered A3 sheets from an ordinary printer, trimmed and joined into one large poster',
  },
};

/** Text size for reading from 2 metres (about 50 pt: WORKSHOPS.md §2.3), and the sizes that follow from it. */
export const WALL_TEXT_PT = 50;
const TITLE_PT = 60;
const SYMBOL_PT = 64;
const MM_PER_PT = 25.4 / 72;
const LINE_MM = WALL_TEXT_PT * MM_PER_PT * 1.15;
/** A generous average width of an Arimo character in running text, so a shortened name always fits its box. */
const CHAR_MM = WALL_TEXT_PT * MM_PER_PT * 0.52;

const MARGIN = 10;
const TOP = Math.ceil(TITLE_PT * MM_PER_PT * 1.25 + LINE_MM + 8);
/** Service names run up the column in two lines; the card number sits below. */
const NAME_HEIGHT = 220;
const HEAD = NAME_HEIGHT + Math.ceil(LINE_MM + 4);
const COL = Math.ceil(2 * LINE_MM + 4);
const ROW = Math.ceil(2 * LINE_MM + 5);
const OBJ = 400;
const charsIn = (mm: number) => Math.floor(mm / CHAR_MM);
const SERVICE_CHARS = 2 * charsIn(NAME_HEIGHT - 6) - 4;
const OBJECTIVE_CHARS = 2 * charsIn(OBJ - 12) - 4;

/** Sheet sizes in millimetres, landscape. */
const SHEETS = { A0: [1189, 841], A1: [841, 594] } as const;

/** A3 tiles: the printed window on each sheet, clear of the printer's unprintable edge, and how much they overlap. */
export const TILE = { page: [420, 297], left: 10, top: 10, width: 400, height: 262, overlap: 15 } as const;
const STEP_X = TILE.width - TILE.overlap;
const STEP_Y = TILE.height - TILE.overlap;
/** At most 5 × 5 A3 sheets (about 1.9 × 1.2 m) to one poster; a bigger map becomes several posters. */
const MAX_TILES = 5;

const capacity = (width: number, height: number) => ({
  columns: Math.max(1, Math.floor((width - 2 * MARGIN - OBJ) / COL)),
  rows: Math.max(1, Math.floor((height - 2 * MARGIN - TOP - HEAD) / ROW)),
});

/** Splits into as few parts as fit, of even sizes (12 and 12 rather than 17 and 7). */
function evenChunks<T>(items: readonly T[], max: number): T[][] {
  if (items.length === 0) return [[]];
  const parts = Math.ceil(items.length / max);
  const size = Math.ceil(items.length / parts);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface Poster {
  readonly objectives: Objective[];
  readonly services: Service[];
  readonly width: number;
  readonly height: number;
  readonly heading: string;
}

const mm = (n: number) => `${Math.round(n * 100) / 100}mm`;
const box = (cls: string, x: number, y: number, w: number, h: number, inner: string, extra = '') =>
  `<div class="${cls}" style="left:${mm(x)};top:${mm(y)};width:${mm(w)};height:${mm(h)}${extra}">${inner}</div>`;

/** The poster's boxes, positioned from its top-left corner. */
function posterBoxes(wb: Workbook, p: Poster): string {
  const numbers = cardNumbers(wb);
  const { of } = themeCategories(wb);
  const links = new Map(wb.alignments.map((l) => [`${l.serviceId}→${l.objectiveId}`, l.strength]));
  const x0 = MARGIN;
  const gridTop = MARGIN + TOP + HEAD;
  const out: string[] = [
    box('title', x0, MARGIN, p.width - 2 * MARGIN, TITLE_PT * MM_PER_PT * 1.25, `<h1>${esc(p.heading)}</h1>`),
    box(
      'key',
      x0,
      MARGIN + TITLE_PT * MM_PER_PT * 1.25 + 2,
      p.width - 2 * MARGIN,
      LINE_MM,
      '<p><span class="symbol">●</span> strong <span class="symbol">○</span> medium <span class="symbol">△</span> weak</p>',
    ),
    box('corner', x0, MARGIN + TOP, OBJ, HEAD, '<p>Objectives</p>'),
  ];
  p.services.forEach((s, c) => {
    const x = x0 + OBJ + c * COL;
    out.push(
      box('svc', x, MARGIN + TOP, COL, NAME_HEIGHT, `<p>${esc(clipText(s.name, SERVICE_CHARS))}</p>`),
      box(
        'svc-num',
        x,
        MARGIN + TOP + NAME_HEIGHT,
        COL,
        HEAD - NAME_HEIGHT,
        `<p>${esc(numbers.get(s.id)!)}</p>`,
      ),
    );
  });
  p.objectives.forEach((ob, r) => {
    const y = gridTop + r * ROW;
    const zebra = r % 2 === 1 ? ' zebra' : '';
    out.push(
      box(
        `obj${zebra}`,
        x0,
        y,
        OBJ,
        ROW,
        `<p><strong>${esc(numbers.get(ob.id)!)} (${esc(of(ob).letter)})</strong> ${esc(clipText(ob.title, OBJECTIVE_CHARS))}</p>`,
      ),
    );
    p.services.forEach((s, c) => {
      const st = (links.get(`${s.id}→${ob.id}`) ?? 0) as Strength;
      const { symbol, label } = STRENGTHS.find((x) => x.value === st)!;
      out.push(
        box(
          `cell${zebra}`,
          x0 + OBJ + c * COL,
          y,
          COL,
          ROW,
          symbol
            ? `<span class="symbol" aria-hidden="true">${symbol}</span><span class="visually-hidden">${esc(label)}</span>`
            : '',
        ),
      );
    });
  });
  return out.join('');
}

function posterCss(o: KitOptions): string {
  return `${baseCss(o)}
.poster { position: relative; overflow: hidden; background: #fff; }
.poster > div { position: absolute; box-sizing: border-box; overflow: hidden; }
.poster p { margin: 0; font-size: ${WALL_TEXT_PT}pt; line-height: 1.15; }
.title h1 { font-size: ${TITLE_PT}pt; line-height: 1.2; white-space: nowrap; }
.key .symbol { font-size: ${WALL_TEXT_PT}pt; }
.corner { display: flex; align-items: flex-end; padding: 0 3mm 3mm; font-weight: 700; }
.svc { border-left: 0.75pt solid #${BRAND.rule}; display: flex; justify-content: center; padding: 3mm 0 2mm; }
.svc p { writing-mode: sideways-lr; }
.svc-num { border-left: 0.75pt solid #${BRAND.rule}; text-align: center; font-weight: 700; }
.obj { border-top: 0.75pt solid #${BRAND.rule}; padding: 1.5mm 3mm; display: flex; align-items: center; }
.cell { border-top: 0.75pt solid #${BRAND.rule}; border-left: 0.75pt solid #${BRAND.rule}; display: flex; align-items: center; justify-content: center; }
.cell .symbol { font-size: ${SYMBOL_PT}pt; line-height: 1; }
.zebra { background: #F3F2F1; }
`;
}

/** The posters a map needs on sheets of the given size, or (A3 tiles) sized to fit, up to MAX_TILES each way. */
function planPosters(wb: Workbook, format: WallPoster): Poster[] {
  const fixed = format === 'A3-sheets' ? null : SHEETS[format];
  const [maxW, maxH] = fixed ?? [MAX_TILES * STEP_X + TILE.overlap, MAX_TILES * STEP_Y + TILE.overlap];
  const fit = capacity(maxW, maxH);
  const numbers = cardNumbers(wb);
  const rowChunks = evenChunks(cardObjectives(wb), fit.rows);
  const columnChunks = evenChunks(wb.services, fit.columns);
  const posters: Poster[] = [];
  for (const objectives of rowChunks)
    for (const services of columnChunks) {
      // Which part of the map this is comes first, so shortening a long workbook title never hides it.
      const parts: string[] = [];
      const range = (xs: ReadonlyArray<{ id: string }>) =>
        `${numbers.get(xs[0]!.id)} to ${numbers.get(xs[xs.length - 1]!.id)}`;
      if (rowChunks.length > 1 && objectives.length > 0) parts.push(range(objectives));
      if (columnChunks.length > 1 && services.length > 0) parts.push(range(services));
      const width = fixed ? maxW : 2 * MARGIN + OBJ + Math.max(services.length, 1) * COL;
      const height = fixed ? maxH : 2 * MARGIN + TOP + HEAD + Math.max(objectives.length, 1) * ROW;
      const heading = `Contribution map${parts.length ? `, ${parts.join(' and ')}` : ''}: ${wb.title}`;
      posters.push({
        objectives,
        services,
        width,
        height,
        heading: clipText(heading, charsIn((width - 2 * MARGIN) * (WALL_TEXT_PT / TITLE_PT))),
      });
    }
  return posters;
}

/** Where each A3 sheet joins: "join to the right of sheet 1 and below sheet 2". */
function joinNote(n: number, row: number, column: number, columns: number): string {
  const joins: string[] = [];
  if (column > 0) joins.push(`to the right of sheet ${n - 1}`);
  if (row > 0) joins.push(`below sheet ${n - columns}`);
  return joins.length ? `join ${joins.join(' and ')}` : 'the top-left corner';
}

function tiledPosters(wb: Workbook, posters: readonly Poster[]): { html: string; sheets: number } {
  const out: string[] = [];
  let sheets = 0;
  posters.forEach((p, i) => {
    // The poster's blank outer margin needs no sheet of its own.
    const columns = Math.max(1, Math.ceil((p.width - MARGIN - TILE.overlap) / STEP_X));
    const rows = Math.max(1, Math.ceil((p.height - MARGIN - TILE.overlap) / STEP_Y));
    const total = columns * rows;
    const inner = posterBoxes(wb, p);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns; c++) {
        const n = r * columns + c + 1;
        const which = posters.length > 1 ? `Poster ${i + 1} of ${posters.length}, sheet` : 'Sheet';
        const note = `${which} ${n} of ${total} (row ${r + 1}, column ${c + 1}): ${joinNote(n, r, c, columns)}.`;
        const how =
          c > 0 || r > 0
            ? ' Trim this sheet along the dashed line and lay it over its neighbour so the picture lines up.'
            : '';
        const marks = [
          c > 0 ? `<div class="join join-v" style="left:${mm(TILE.left + TILE.overlap)}"></div>` : '',
          r > 0 ? `<div class="join join-h" style="top:${mm(TILE.top + TILE.overlap)}"></div>` : '',
        ].join('');
        out.push(`<section class="tile">
<div class="window" style="left:${mm(TILE.left)};top:${mm(TILE.top)};width:${mm(TILE.width)};height:${mm(TILE.height)}"><div class="poster" style="left:${mm(-c * STEP_X)};top:${mm(-r * STEP_Y)};width:${mm(p.width)};height:${mm(p.height)}">${inner}</div></div>
${marks}<p class="sheet-note"><strong>${esc(note)}</strong>${esc(how)}</p></section>`);
      }
    sheets += total;
  });
  return { html: out.join(''), sheets };
}

const tileCss = `
@page { size: A3 landscape; margin: 0; }
.tile { position: relative; width: ${TILE.page[0]}mm; height: ${TILE.page[1]}mm; overflow: hidden; break-after: page; }
.tile:last-child { break-after: auto; }
.window { position: absolute; overflow: hidden; contain: strict; }
.window > .poster { position: absolute; }
.join { position: absolute; border: 0 dashed #${BRAND.text}; }
.join-v { top: 3mm; bottom: 3mm; width: 0; border-left-width: 1pt; }
.join-h { left: 3mm; right: 3mm; height: 0; border-top-width: 1pt; }
.sheet-note { position: absolute; left: ${TILE.left}mm; right: ${TILE.left}mm; top: ${TILE.top + TILE.height + 3}mm; margin: 0; font-size: 14pt; line-height: 1.2; }
`;

/** The wall poster of the contribution map, in the chosen format. */
export function wallPosterPage(wb: Workbook, format: WallPoster, o: KitOptions): KitPage {
  const posters = planPosters(wb, format);
  const title = `Contribution map for the wall: ${wb.title}`;
  const key = `objectives down, services across, ● strong, ○ medium, △ weak, with every word at ${WALL_TEXT_PT} pt or larger to read from 2 metres`;
  if (format === 'A3-sheets') {
    const { html, sheets } = tiledPosters(wb, posters);
    return {
      part: 'wall-poster',
      fileName: 'Wall poster (A3 sheets to join)',
      title,
      description: `The contribution map as a wall poster on ${plural(sheets, 'numbered A3 sheet')} that overlap and join${posters.length > 1 ? ` into ${posters.length} posters` : ''}: ${key}.`,
      pageSize: 'A3',
      landscape: true,
      html: page(title, `${posterCss(o)}${tileCss}`, html),
    };
  }
  const [w, h] = SHEETS[format];
  const sheetsHtml = posters
    .map(
      (p) =>
        `<section class="poster sheet" style="width:${w}mm;height:${h}mm">${posterBoxes(wb, p)}</section>`,
    )
    .join('');
  return {
    part: 'wall-poster',
    fileName: `Wall poster (${format})`,
    title,
    description: `The contribution map as a wall poster on ${plural(posters.length, `${format} sheet`)}: ${key}.`,
    pageSize: format,
    landscape: true,
    html: page(
      title,
      `${posterCss(o)}
@page { size: ${w}mm ${h}mm; margin: 0; }
.sheet { break-after: page; }
.sheet:last-child { break-after: auto; }
`,
      sheetsHtml,
    ),
  };
}
