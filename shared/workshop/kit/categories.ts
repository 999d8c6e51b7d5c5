/**
 * Card categories for the printed kit: each theme (for objective cards) and each Universal Library Offer (for
 * service cards) gets a letter, a shape and an Okabe–Ito colour, so cards can be told apart in greyscale, by
 * people with colour-vision deficiency, and aloud ("the blue circle, A") (WORKSHOPS.md §4.3, §5.G.25).
 */
import { UNIVERSAL_OFFERS, type UniversalOffer } from '../../model/vocabulary';
import type { Objective, Service, Workbook } from '../../model/workbook-schema';

export type CardShape =
  'circle' | 'square' | 'triangle' | 'diamond' | 'hexagon' | 'star' | 'pentagon' | 'cross';

export interface Category {
  readonly key: string;
  readonly name: string;
  readonly letter: string;
  readonly shape: CardShape;
  readonly colour: { readonly name: string; readonly hex: string; readonly ink: string };
}

/** Okabe–Ito, with the text colour that reads on each (contrast 4.5:1 or more). */
const PALETTE = [
  { name: 'blue', hex: '0072B2', ink: 'FFFFFF' },
  { name: 'orange', hex: 'E69F00', ink: '0B0C0C' },
  { name: 'bluish green', hex: '009E73', ink: '0B0C0C' },
  { name: 'reddish purple', hex: 'CC79A7', ink: '0B0C0C' },
  { name: 'sky blue', hex: '56B4E9', ink: '0B0C0C' },
  { name: 'vermilion', hex: 'D55E00', ink: '0B0C0C' },
  { name: 'yellow', hex: 'F0E442', ink: '0B0C0C' },
  { name: 'grey', hex: 'BBBBBB', ink: '0B0C0C' },
] as const;
const SHAPES: readonly CardShape[] = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'hexagon',
  'star',
  'pentagon',
  'cross',
];

const OFFER_LETTERS: Readonly<Record<UniversalOffer, string>> = {
  Reading: 'R',
  'Information and Digital': 'I',
  'Health and Wellbeing': 'H',
  'Culture and Creativity': 'C',
  "Children's Promise": 'P',
  "Vision and Print Impaired People's Promise": 'V',
};

export function offerCategory(offer: UniversalOffer): Category {
  const i = UNIVERSAL_OFFERS.indexOf(offer);
  return {
    key: offer,
    name: offer,
    letter: OFFER_LETTERS[offer],
    shape: SHAPES[i % SHAPES.length]!,
    colour: PALETTE[i % PALETTE.length]!,
  };
}

/** "A", "B", … "Z", "AA": a letter for the nth theme. */
function letterFor(n: number): string {
  let s = '';
  let k = n;
  do {
    s = String.fromCharCode(65 + (k % 26)) + s;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return s;
}

/** The top-level theme each objective sits under (or the objective itself at the top), in plan order. */
export function themeCategories(wb: Pick<Workbook, 'objectives'>): {
  categories: Category[];
  of: (o: Objective) => Category;
} {
  const byId = new Map(wb.objectives.map((o) => [o.id, o]));
  const rootOf = (o: Objective): Objective => {
    let current = o;
    const seen = new Set<string>();
    while (current.parentId && byId.has(current.parentId) && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.parentId)!;
    }
    return current;
  };
  const roots: Objective[] = [];
  for (const o of wb.objectives) {
    const r = rootOf(o);
    if (!roots.includes(r)) roots.push(r);
  }
  const categories = roots.map((r, i) => ({
    key: r.id,
    name: r.level === 'theme' ? r.title : 'Objectives without a theme',
    letter: letterFor(i),
    shape: SHAPES[i % SHAPES.length]!,
    colour: PALETTE[i % PALETTE.length]!,
  }));
  const byRoot = new Map(categories.map((c) => [c.key, c]));
  return { categories, of: (o) => byRoot.get(rootOf(o).id)! };
}

/** Objectives that get a card: everything but themes (themes are the card's category). */
export function cardObjectives(wb: Pick<Workbook, 'objectives'>): Objective[] {
  return wb.objectives.filter((o) => o.level !== 'theme');
}

/** Card numbers shared by the cards, the poster and the voting sheets: O1, O2…, S1, S2…. */
export function cardNumbers(wb: Pick<Workbook, 'objectives' | 'services'>): Map<string, string> {
  const out = new Map<string, string>();
  cardObjectives(wb).forEach((o, i) => out.set(o.id, `O${i + 1}`));
  wb.services.forEach((s: Service, i) => out.set(s.id, `S${i + 1}`));
  return out;
}

/** The shape as SVG (a 100 × 100 box) with the letter inside, named for screen readers. */
export function shapeSvg(c: Category, sizeMm: number): string {
  const fill = `#${c.colour.hex}`;
  const stroke = '#0B0C0C';
  const common = `fill="${fill}" stroke="${stroke}" stroke-width="4"`;
  const shapes: Record<CardShape, string> = {
    circle: `<circle cx="50" cy="50" r="45" ${common}/>`,
    square: `<rect x="7" y="7" width="86" height="86" ${common}/>`,
    triangle: `<polygon points="50,4 96,94 4,94" ${common}/>`,
    diamond: `<polygon points="50,3 97,50 50,97 3,50" ${common}/>`,
    hexagon: `<polygon points="27,6 73,6 96,50 73,94 27,94 4,50" ${common}/>`,
    star: `<polygon points="50,3 62,37 97,37 69,58 79,94 50,72 21,94 31,58 3,37 38,37" ${common}/>`,
    pentagon: `<polygon points="50,4 96,38 78,94 22,94 4,38" ${common}/>`,
    cross: `<polygon points="35,4 65,4 65,35 96,35 96,65 65,65 65,96 35,96 35,65 4,65 4,35 35,35" ${common}/>`,
  };
  const y = c.shape === 'triangle' ? 74 : c.shape === 'star' ? 64 : 62;
  const size = c.letter.length > 1 ? 30 : c.shape === 'triangle' || c.shape === 'star' ? 32 : 42;
  const label = `${c.colour.name} ${c.shape}, letter ${c.letter}`;
  return `<svg role="img" aria-label="${label}" viewBox="0 0 100 100" width="${sizeMm}mm" height="${sizeMm}mm" xmlns="http://www.w3.org/2000/svg">${shapes[c.shape]}<text x="50" y="${y}" text-anchor="middle" font-family="Arimo, Arial, sans-serif" font-weight="700" font-size="${size}" fill="#${c.colour.ink}">${c.letter}</text></svg>`;
}
