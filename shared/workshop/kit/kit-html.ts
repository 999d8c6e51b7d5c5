/**
 * The printed workshop kit as self-contained print HTML, in the document engine's conventions (Arimo, the house
 * colours, real headings and header cells so Chromium writes a tagged PDF, no scripts, no external URLs), with
 * the page sizes the engine's report pages do not have: A6 cards (four to an A4 sheet, or one per A6 page for
 * card stock) and an A3 matrix poster. Type follows RNIB Clear Print: 14 pt or more, 18 pt or more in large
 * print, left-aligned, no italics or blocks of capitals (WORKSHOPS.md §2.3, §5.G.25).
 */
import { BRAND, FONT_FAMILY } from '../../documents/palette';
import { STRENGTHS, type Strength } from '../../model/vocabulary';
import type { Objective, Service, Workbook, Workshop } from '../../model/workbook-schema';
import { longDate } from '../../text/dates';
import { plural } from '../../text/words';
import { ACTIVITY_KINDS, describeOption, INFLUENCE_TEXT, PHASE_TEXT, sheetCopies } from '../kinds';
import {
  cardNumbers,
  cardObjectives,
  offerCategory,
  shapeSvg,
  themeCategories,
  type Category,
} from './categories';
import { escapeMarkup as esc } from '../../documents/markup';
import { baseCss, chunk, clipText, page } from './print-page';
import { wallPosterPage, type WallPoster } from './wall-poster';

export type KitPart =
  | 'agenda'
  | 'objective-cards'
  | 'service-cards'
  | 'cards-a6'
  | 'matrix-poster'
  | 'wall-poster'
  | 'voting-sheets';
export type PageSize = 'A4' | 'A6' | 'A3' | 'A1' | 'A0';

export interface KitOptions {
  /** @font-face rules (node: documentFontCss()); '' for system fonts. */
  readonly fontCss: string;
  /** 18 pt and larger type throughout. */
  readonly largePrint: boolean;
  /** Also print the map as a wall poster (50 pt text) in this format. */
  readonly wallPoster?: WallPoster | null;
}

export interface KitPage {
  readonly part: KitPart;
  /** File name without extension. */
  readonly fileName: string;
  readonly title: string;
  readonly description: string;
  readonly pageSize: PageSize;
  readonly landscape: boolean;
  readonly html: string;
}

// ---- Agenda ------------------------------------------------------------------------------------------------

function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

export function agendaPage(wb: Workbook, w: Workshop, o: KitOptions): KitPage {
  const title = `Agenda: ${w.title}`;
  const big = o.largePrint;
  const css = `${baseCss(o)}
@page { size: A4 portrait; margin: 18mm 18mm 20mm 18mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: ${FONT_FAMILY}, Arial, sans-serif; font-size: ${big ? 18 : 14}pt; color: #${BRAND.secondary}; } }
h1 { font-size: ${big ? 28 : 24}pt; padding-bottom: 4pt; border-bottom: 2pt solid #${BRAND.heading}; margin-bottom: 8pt; }
h2 { font-size: ${big ? 22 : 18}pt; margin: 14pt 0 6pt; }
.facts p { margin: 0 0 3pt; }
.influence { border-left: 4pt solid #${BRAND.heading}; background: #${BRAND.headerFill}; padding: 6pt 10pt; margin: 10pt 0; }
td.time, th.time { white-space: nowrap; width: 22%; }
td.mins, th.mins { text-align: right; width: 12%; }
tr { break-inside: avoid; }
`;
  let at = 0;
  const rows = w.activities
    .map((a) => {
      const from = at;
      at += a.minutes;
      const scope = [...a.scope.objectiveIds, ...a.scope.serviceIds].map(
        (id) => describeOption(wb, w, id).label,
      );
      const detail = `${ACTIVITY_KINDS[a.kind].label} (${PHASE_TEXT[ACTIVITY_KINDS[a.kind].phase].toLowerCase()})${
        scope.length > 0 && scope.length <= 4
          ? `. For: ${scope.join('; ')}`
          : scope.length > 4
            ? `. For ${plural(scope.length, 'objective or service', 'objectives and services')}`
            : ''
      }`;
      return `<tr><td class="time">${clock(from)} to ${clock(at)}</td><th scope="row">${esc(a.title)}<br><span style="font-weight:400">${esc(detail)}</span></th><td class="mins">${a.minutes}</td></tr>`;
    })
    .join('');
  const influence = INFLUENCE_TEXT[w.influence];
  const facts = [
    ['Date', longDate(w.date) || 'To be confirmed'],
    ['Venue', w.venue || 'To be confirmed'],
    ['Facilitator', [w.facilitator, w.facilitatorRole].filter(Boolean).join(', ') || 'To be confirmed'],
  ]
    .map(([k, v]) => `<p><strong>${esc(k!)}:</strong> ${esc(v!)}</p>`)
    .join('');
  const body = `<h1>${esc(title)}</h1>
<div class="facts">${facts}</div>
${w.purpose.trim() ? `<h2>Why we are meeting</h2><p>${esc(w.purpose.trim())}</p>` : ''}
<div class="influence"><p><strong>What this workshop can change (${esc(influence.label.toLowerCase())}):</strong> ${esc(influence.description)}</p>
${w.whoDecides.trim() ? `<p><strong>Who decides afterwards:</strong> ${esc(w.whoDecides.trim())}</p>` : ''}
${w.outOfScope.trim() ? `<p><strong>Not up for discussion today:</strong> ${esc(w.outOfScope.trim())}</p>` : ''}</div>
<h2>Timings</h2>
${
  w.activities.length > 0
    ? `<table><caption>Activities, with the time from the start of the session</caption><thead><tr><th scope="col" class="time">Time</th><th scope="col">Activity</th><th scope="col" class="mins">Minutes</th></tr></thead><tbody>${rows}</tbody></table>
<p style="margin-top:6pt">${plural(at, 'minute')} in all (${clock(at)}), with the timer shown on the screen for each activity.</p>`
    : '<p>No activities are planned yet.</p>'
}`;
  return {
    part: 'agenda',
    fileName: 'Agenda',
    title,
    description: `The agenda for ${w.title}.`,
    pageSize: 'A4',
    landscape: false,
    html: page(title, css, body),
  };
}

// ---- Cards ---------------------------------------------------------------------------------------------------

interface Card {
  readonly number: string;
  readonly title: string;
  readonly body: string;
  readonly category: Category;
  readonly kindLabel: string;
}

function objectiveCards(wb: Workbook): Card[] {
  const numbers = cardNumbers(wb);
  const { of } = themeCategories(wb);
  return cardObjectives(wb).map((ob: Objective) => ({
    number: numbers.get(ob.id)!,
    title: ob.title,
    body: ob.description,
    category: of(ob),
    kindLabel: ob.level === 'outcome' ? 'Outcome' : 'Objective',
  }));
}

function serviceCards(wb: Workbook): Card[] {
  const numbers = cardNumbers(wb);
  return wb.services.map((s: Service) => ({
    number: numbers.get(s.id)!,
    title: s.name,
    body: s.description,
    category: offerCategory(s.offer),
    kindLabel: 'Service',
  }));
}

function cardHtml(c: Card, o: KitOptions): string {
  const big = o.largePrint;
  // What fits an A6 card at each size, leaving the band and footer clear.
  const titleMax = big ? 110 : 150;
  const bodyMax = big ? 120 : 260;
  const body = clipText(c.body, bodyMax);
  return `<article class="card" style="--band:#${c.category.colour.hex}">
<div class="band"><div class="badge">${shapeSvg(c.category, big ? 20 : 17)}</div><p class="cat">${esc(c.category.name)}</p></div>
<p class="number">${esc(c.kindLabel)} ${esc(c.number)}</p>
<h1>${esc(clipText(c.title, titleMax))}</h1>
${body ? `<p class="desc">${esc(body)}</p>` : ''}
<p class="key">${esc(c.category.colour.name)} ${esc(c.category.shape)}, letter ${esc(c.category.letter)}</p>
</article>`;
}

function cardCss(o: KitOptions, layout: 'a4' | 'a6'): string {
  const big = o.largePrint;
  return `${baseCss(o)}
@page { size: ${layout === 'a4' ? 'A4 portrait' : '105mm 148mm'}; margin: 0; }
.sheet { width: 210mm; height: 297mm; display: grid; grid-template-columns: 105mm 105mm; grid-template-rows: 148.5mm 148.5mm; break-after: page; overflow: hidden; }
.sheet:last-child { break-after: auto; }
.card { box-sizing: border-box; width: 105mm; height: ${layout === 'a4' ? '148.5mm' : '148mm'}; padding: 8mm 8mm 7mm; overflow: hidden; position: relative; display: flex; flex-direction: column; ${
    layout === 'a4' ? 'outline: 0.5pt dashed #6F777B; outline-offset: -0.25pt;' : 'break-after: page;'
  } }
.card:last-child { break-after: auto; }
.band { display: flex; align-items: center; gap: 3mm; border-top: 5mm solid var(--band); padding-top: 3mm; margin: -8mm -8mm 3mm; padding-left: 8mm; padding-right: 8mm; }
.badge { flex: none; line-height: 0; }
.cat { margin: 0; font-size: ${big ? 18 : 14}pt; font-weight: 700; line-height: 1.2; }
.number { margin: 0 0 2mm; font-size: ${big ? 20 : 16}pt; font-weight: 700; color: #${BRAND.secondary}; }
.card h1 { font-size: ${big ? 24 : 18}pt; margin: 0 0 3mm; color: #${BRAND.text}; }
.desc { font-size: ${big ? 18 : 14}pt; margin: 0; line-height: 1.35; }
.key { margin-top: auto; font-size: ${big ? 18 : 14}pt; color: #${BRAND.secondary}; }
`;
}

function cardsPage(
  part: KitPart,
  title: string,
  description: string,
  cards: Card[],
  o: KitOptions,
  layout: 'a4' | 'a6',
  fileName: string,
): KitPage {
  // Each card is a unit on its own, so its title is the page's top-level heading.
  let inner: string;
  if (cards.length === 0)
    inner = `<article class="card"><h1>Nothing to print yet</h1><p class="desc">Add objectives and services to the workbook first.</p></article>`;
  else if (layout === 'a6') inner = cards.map((c) => cardHtml(c, o)).join('');
  else {
    const sheets: string[] = [];
    for (let i = 0; i < cards.length; i += 4)
      sheets.push(
        `<div class="sheet">${cards
          .slice(i, i + 4)
          .map((c) => cardHtml(c, o))
          .join('')}</div>`,
      );
    inner = sheets.join('');
  }
  return {
    part,
    fileName,
    title,
    description,
    pageSize: layout === 'a4' ? 'A4' : 'A6',
    landscape: false,
    html: page(title, cardCss(o, layout), inner),
  };
}

export function objectiveCardsPage(wb: Workbook, o: KitOptions): KitPage {
  return cardsPage(
    'objective-cards',
    'Objective cards',
    'A6 objective cards, four to an A4 sheet, to cut out for card sorting.',
    objectiveCards(wb),
    o,
    'a4',
    'Objective cards (A4 sheets)',
  );
}

export function serviceCardsPage(wb: Workbook, o: KitOptions): KitPage {
  return cardsPage(
    'service-cards',
    'Service cards',
    'A6 service cards, four to an A4 sheet, to cut out for card sorting.',
    serviceCards(wb),
    o,
    'a4',
    'Service cards (A4 sheets)',
  );
}

/** Every card on its own A6 page, for printers loaded with A6 card stock. */
export function a6CardsPage(wb: Workbook, o: KitOptions): KitPage {
  return cardsPage(
    'cards-a6',
    'Objective and service cards (A6)',
    'Every objective and service card on its own A6 page, for A6 card stock.',
    [...objectiveCards(wb), ...serviceCards(wb)],
    o,
    'a6',
    'Cards (A6 card stock)',
  );
}

// ---- A3 matrix poster ------------------------------------------------------------------------------------

/** Services and objectives per poster page, so every name can stay at 14 pt and be read across the room. */
const POSTER_COLUMNS = 24;
const POSTER_ROWS = 15;

export function matrixPosterPage(wb: Workbook, o: KitOptions): KitPage {
  const title = `Contribution map: ${wb.title}`;
  const numbers = cardNumbers(wb);
  const { of } = themeCategories(wb);
  const links = new Map(wb.alignments.map((l) => [`${l.serviceId}→${l.objectiveId}`, l.strength]));
  const columnChunks = chunk(wb.services, POSTER_COLUMNS);
  const rowChunks = chunk(cardObjectives(wb), POSTER_ROWS);
  const sheets: string[] = [];
  for (const objectives of rowChunks)
    for (const services of columnChunks) {
      const head = services
        .map(
          (s) =>
            `<th scope="col" class="svc"><span class="svc-name">${esc(clipText(s.name, 44))}</span><span class="svc-num">${esc(numbers.get(s.id)!)}</span></th>`,
        )
        .join('');
      const rows = objectives
        .map((ob) => {
          const cells = services
            .map((s) => {
              const st = (links.get(`${s.id}→${ob.id}`) ?? 0) as Strength;
              const { symbol, label } = STRENGTHS.find((x) => x.value === st)!;
              return `<td class="cell">${symbol ? `<span class="symbol" aria-hidden="true">${symbol}</span><span class="visually-hidden">${label}</span>` : ''}</td>`;
            })
            .join('');
          return `<tr><th scope="row" class="obj"><span class="obj-num">${esc(numbers.get(ob.id)!)} (${esc(of(ob).letter)})</span> ${esc(clipText(ob.title, 78))}</th>${cells}</tr>`;
        })
        .join('');
      const parts: string[] = [];
      if (rowChunks.length > 1 && objectives.length > 0)
        parts.push(
          `objectives ${numbers.get(objectives[0]!.id)} to ${numbers.get(objectives[objectives.length - 1]!.id)}`,
        );
      if (columnChunks.length > 1 && services.length > 0)
        parts.push(
          `services ${numbers.get(services[0]!.id)} to ${numbers.get(services[services.length - 1]!.id)}`,
        );
      sheets.push(`<section class="poster"><h1>${esc(title)}${parts.length ? ` (${esc(parts.join(', '))})` : ''}</h1>
<p class="key"><strong>Key:</strong> <span class="symbol">●</span> strong, <span class="symbol">○</span> medium, <span class="symbol">△</span> weak, blank: no contribution recorded. Numbers match the cards (O objectives, S services); the letter in brackets is the objective’s theme card.</p>
<table><caption class="visually-hidden">How strongly each service contributes to each objective</caption><thead><tr><th scope="col" class="corner">Objective</th>${head}</tr></thead><tbody>${rows}</tbody></table></section>`);
    }
  const css = `${baseCss(o)}
@page { size: A3 landscape; margin: 9mm 10mm 9mm 10mm; }
.poster { break-after: page; }
.poster:last-child { break-after: auto; }
h1 { font-size: 24pt; margin: 0 0 2mm; }
.key { font-size: 14pt; margin: 0 0 2mm; }
table { table-layout: fixed; font-size: 14pt; }
th.corner { width: 105mm; vertical-align: bottom; }
th.svc { vertical-align: bottom; padding: 1pt; height: 68mm; }
.svc-num { display: block; font-size: 14pt; text-align: center; margin-top: 2pt; }
.svc-name { display: block; writing-mode: sideways-lr; font-size: 14pt; font-weight: 400; line-height: 1.05; margin: 0 auto; max-height: 60mm; max-width: 100%; overflow: hidden; }
th.obj { font-weight: 400; font-size: 14pt; line-height: 1.15; padding: 1pt 4pt; vertical-align: middle; height: 11.4mm; }
.obj-num { font-weight: 700; }
td.cell { text-align: center; vertical-align: middle; font-size: 22pt; padding: 0; line-height: 1; }
tr { break-inside: avoid; }
tbody tr:nth-child(even) td, tbody tr:nth-child(even) th { background: #F3F2F1; }
`;
  return {
    part: 'matrix-poster',
    fileName: 'Matrix poster (A3)',
    title,
    description:
      'The contribution map as it stands, as an A3 poster: objectives down, services across, ● strong, ○ medium, △ weak.',
    pageSize: 'A3',
    landscape: true,
    html: page(title, css, sheets.join('')),
  };
}

// ---- Dot-voting and points sheets ----------------------------------------------------------------------

type VoteActivity = Extract<Workshop['activities'][number], { kind: 'dot-vote' | 'points' }>;

/**
 * How a voting sheet's options fill A4 pages: lines of label text per page (the first page also carries the rules)
 * and characters per line in the option column, at 14 pt (RNIB Clear Print's minimum) and 18 pt large print.
 */
const SHEET_FIT = {
  standard: { first: 30, next: 33, chars: 60 },
  large: { first: 14, next: 17, chars: 46 },
} as const;

interface SheetRow {
  readonly n: number;
  readonly label: string;
}

/**
 * Splits the options over pages by the lines their labels take, so nothing is ever cut off. Up to 30 options at
 * 14 pt always fit one page: labels are then shortened to one line (the screen shows them in full); otherwise a
 * label takes at most two lines.
 */
export function sheetPages(labels: readonly string[], big: boolean): SheetRow[][] {
  const fit = big ? SHEET_FIT.large : SHEET_FIT.standard;
  const onePage = !big && labels.length <= fit.first;
  const rows = labels.map((l, i) => ({ n: i + 1, label: clipText(l, onePage ? fit.chars : fit.chars * 2) }));
  if (onePage) return [rows];
  const pages: SheetRow[][] = [[]];
  let used = 0;
  for (const r of rows) {
    const lines = Math.min(2, Math.ceil(r.label.length / fit.chars));
    const budget = pages.length === 1 ? fit.first : fit.next;
    if (used + lines > budget && pages[pages.length - 1]!.length > 0) {
      pages.push([]);
      used = 0;
    }
    pages[pages.length - 1]!.push(r);
    used += lines;
  }
  return pages;
}

/**
 * Numbered ballot sheets for one vote: sheet n of N, so the facilitator can type each in by its number
 * ("16: 3 5 5 9"). Every page carries the vote's title, the sheet number and "page p of P", so a loose page is
 * never anonymous; up to 30 options fit one page.
 */
function ballotSheets(wb: Workbook, w: Workshop, a: VoteActivity, copies: number, big: boolean): string {
  const isDots = a.kind === 'dot-vote';
  const unit = isDots ? 'dots' : 'points';
  const rule = isDots
    ? `You have ${a.budget} ${a.budget === 1 ? 'dot' : 'dots'}. Put no more than ${a.maxPerOption} on any one option. Write the number of dots in the box beside each option you choose. You do not have to use them all.`
    : `Share out exactly ${a.total} points${a.maxPerOption !== null ? `, no more than ${a.maxPerOption} on any one option` : ''}. Write the points in the box beside each option. They must add up to ${a.total}.`;
  const anonymous = a.anonymous || w.anonymity === 'anonymous';
  const privacy = anonymous
    ? '<strong>Do not write your name on this sheet.</strong> Your vote is secret: only the sheet number is typed in.'
    : 'Write your name here: ______________________';
  const pages = sheetPages(
    a.optionIds.map((id) => describeOption(wb, w, id).label),
    big,
  );
  const kind = isDots ? 'Dot-voting sheet' : `${a.total}-point sheet`;
  const out: string[] = [];
  for (let sheet = 1; sheet <= copies; sheet++)
    pages.forEach((rows, p) => {
      const first = p === 0;
      const body = rows
        .map(
          ({ n, label }) =>
            `<tr><td class="num">${n}</td><th scope="row">${esc(label)}</th><td class="box"><span class="visually-hidden">Write your ${unit} here</span></td></tr>`,
        )
        .join('');
      const pageNote = pages.length > 1 ? `, page ${p + 1} of ${pages.length}` : '';
      out.push(`<section class="sheet"><header class="sheet-head"><h1>${esc(kind)}: ${esc(a.title)}</h1><p class="sheet-no">Sheet ${sheet}${pageNote}</p></header>
${first ? `<p class="rule">${esc(rule)}</p><p class="rule">${privacy}</p>` : `<p class="rule">Continued from page ${p}.</p>`}
<table><caption class="visually-hidden">${esc(a.title)}: the options, numbered as on the screen</caption><thead><tr><th scope="col" class="num">No.</th><th scope="col">Option</th><th scope="col" class="box">Your ${unit}</th></tr></thead><tbody>${body}</tbody></table>
${p === pages.length - 1 ? `<p class="total">Total ${unit} used: ________ ${isDots ? `(no more than ${a.budget})` : `(must be ${a.total})`}</p>` : `<p class="total">Please turn over: more options on page ${p + 2}.</p>`}</section>`);
    });
  return out.join('');
}

function votingCss(o: KitOptions): string {
  const big = o.largePrint;
  return `${baseCss(o)}
@page { size: A4 portrait; margin: 12mm 14mm 12mm 14mm; }
.sheet { break-after: page; }
.sheet:last-child { break-after: auto; }
.sheet-head { display: flex; justify-content: space-between; align-items: baseline; gap: 6mm; border-bottom: 2pt solid #${BRAND.heading}; padding-bottom: 2pt; margin-bottom: 4pt; }
h1 { font-size: ${big ? 22 : 18}pt; }
.sheet-no { font-size: ${big ? 22 : 18}pt; font-weight: 700; white-space: nowrap; margin: 0; }
.rule { font-size: ${big ? 18 : 14}pt; line-height: 1.25; margin-bottom: 3pt; }
th, td { padding: 0.5pt 5pt; line-height: 1.1; }
td.num, th.num { width: 12mm; text-align: center; font-weight: 700; font-size: ${big ? 18 : 14}pt; }
tbody th { font-weight: 400; font-size: ${big ? 18 : 14}pt; }
td.box, th.box { width: 28mm; }
td.box { border: 1.5pt solid #${BRAND.text}; height: ${big ? 10 : 6}mm; }
tr { break-inside: avoid; }
.total { margin-top: 6pt; font-size: ${big ? 20 : 15}pt; font-weight: 700; }
`;
}

/** Numbered sheets for one vote, printed from the console when voting opens (the options often come from the room). */
export function ballotSheetsPage(
  wb: Workbook,
  w: Workshop,
  activityId: string,
  o: KitOptions,
  copies = sheetCopies(w),
): KitPage | null {
  const a = w.activities.find(
    (x): x is VoteActivity => x.id === activityId && (x.kind === 'dot-vote' || x.kind === 'points'),
  );
  if (!a || a.optionIds.length === 0) return null;
  const title = `Voting sheets: ${a.title}`;
  return {
    part: 'voting-sheets',
    fileName: `Voting sheets, ${clipText(a.title, 60)}`,
    title,
    description: `${copies} numbered sheets for “${a.title}”, one for each voter; type each in by its number.`,
    pageSize: 'A4',
    landscape: false,
    html: page(title, votingCss(o), ballotSheets(wb, w, a, copies, o.largePrint)),
  };
}

/** The kit's voting sheets: numbered sheets for every vote whose options are already chosen. */
export function votingSheetsPage(wb: Workbook, w: Workshop, o: KitOptions): KitPage | null {
  const votes = w.activities.filter(
    (a): a is VoteActivity => (a.kind === 'dot-vote' || a.kind === 'points') && a.optionIds.length > 0,
  );
  if (votes.length === 0) return null;
  const title = `Voting sheets: ${w.title}`;
  const copies = sheetCopies(w);
  return {
    part: 'voting-sheets',
    fileName: 'Voting sheets',
    title,
    description: `${copies} numbered sheets for each vote whose options are chosen (${votes.length}); sheets for options that come from the room are printed from the console when voting opens.`,
    pageSize: 'A4',
    landscape: false,
    html: page(title, votingCss(o), votes.map((a) => ballotSheets(wb, w, a, copies, o.largePrint)).join('')),
  };
}

/**
 * The whole kit: the agenda and voting sheets need a workshop; cards and the posters come from the workbook alone.
 */
export function buildKit(wb: Workbook, workshop: Workshop | null, o: KitOptions): KitPage[] {
  const pages: KitPage[] = [];
  if (workshop) pages.push(agendaPage(wb, workshop, o));
  pages.push(objectiveCardsPage(wb, o), serviceCardsPage(wb, o), a6CardsPage(wb, o), matrixPosterPage(wb, o));
  if (o.wallPoster) pages.push(wallPosterPage(wb, o.wallPoster, o));
  const sheets = workshop ? votingSheetsPage(wb, workshop, o) : null;
  if (sheets) pages.push(sheets);
  return pages;
}
