/**
 * The PDF/UA fixes Chromium's structure tree needs (ACCESSIBILITY.md §3.3), made in place on a loaded PDF:
 * list items split into Lbl + LBody, non-standard (PDF 2.0) types role-mapped, and a table header row that
 * Chromium repeats on each page taken out of the tree on every page after the cell's first.
 *
 * A long report's tree has thousands of elements, so it is walked once (`surveyStructure`) and the parent tree is
 * read once; each fix then works only on the elements it is about.
 */
import { PDFArray, PDFDict, PDFName, PDFNull, PDFNumber, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';
import { N } from './pdf-name';

type Lookup = (o: PDFObject | undefined) => PDFObject | undefined;

function kidsOf(el: PDFDict, lookup: Lookup): PDFObject[] {
  const k = el.get(N('K'));
  if (k === undefined) return [];
  const v = lookup(k);
  return v instanceof PDFArray ? v.asArray() : [k];
}

const isElement = (k: PDFObject) => k instanceof PDFRef || (k instanceof PDFDict && k.get(N('S')) !== undefined);

export interface StructureSurvey {
  readonly root: PDFDict;
  readonly lookup: Lookup;
  /** Every structure type used. */
  readonly types: Set<string>;
  /** List items that are indirect objects (only those can be the parent of a new LBody). */
  readonly listItems: Array<{ ref: PDFRef; el: PDFDict }>;
  /** Table header cells. */
  readonly headerCells: PDFDict[];
  /** The parent tree's arrays by StructParents key (marked content id → owning element). */
  readonly parentArrays: Map<number, PDFArray>;
}

/** One walk of the structure tree; null when the PDF has none. */
export function surveyStructure(pdf: PDFDocument): StructureSurvey | null {
  const ctx = pdf.context;
  const lookup: Lookup = (o) => (o instanceof PDFRef ? ctx.lookup(o) : o);
  const root = lookup(pdf.catalog.get(N('StructTreeRoot')));
  if (!(root instanceof PDFDict)) return null;
  const survey: StructureSurvey = { root, lookup, types: new Set(), listItems: [], headerCells: [], parentArrays: new Map() };
  const seen = new Set<PDFObject>();
  // Iterative, so a deeply nested document cannot overflow the stack.
  const stack: PDFObject[] = kidsOf(root, lookup).filter(isElement).reverse();
  while (stack.length > 0) {
    const ref = stack.pop()!;
    if (seen.has(ref)) continue;
    seen.add(ref);
    const el = lookup(ref);
    if (!(el instanceof PDFDict)) continue;
    const s = el.get(N('S'));
    if (s instanceof PDFName) {
      const type = s.decodeText();
      survey.types.add(type);
      if (type === 'LI' && ref instanceof PDFRef) survey.listItems.push({ ref, el });
      else if (type === 'TH') survey.headerCells.push(el);
    }
    const kids = kidsOf(el, lookup);
    for (let i = kids.length - 1; i >= 0; i--) if (isElement(kids[i]!)) stack.push(kids[i]!);
  }
  const collect = (node: PDFObject | undefined, depth: number) => {
    const d = lookup(node);
    if (!(d instanceof PDFDict) || depth > 32) return;
    const nums = lookup(d.get(N('Nums')));
    if (nums instanceof PDFArray)
      for (let i = 0; i + 1 < nums.size(); i += 2) {
        const key = lookup(nums.get(i));
        const v = lookup(nums.get(i + 1));
        if (key instanceof PDFNumber && v instanceof PDFArray) survey.parentArrays.set(key.asNumber(), v);
      }
    const kids = lookup(d.get(N('Kids')));
    if (kids instanceof PDFArray) for (const k of kids.asArray()) collect(k, depth + 1);
  };
  collect(root.get(N('ParentTree')), 0);
  return survey;
}

/** LI → Lbl + LBody: everything in an LI that is not its label moves into one new LBody (veraPDF 7.2-20). */
export function fixListItems(pdf: PDFDocument, survey: StructureSurvey): number {
  const ctx = pdf.context;
  const { lookup } = survey;
  /** LI → the LBody that now owns its direct marked content. */
  const repoint = new Map<PDFObject, PDFRef>();
  let fixed = 0;
  for (const { ref, el } of survey.listItems) {
    const keep: PDFObject[] = [];
    const move: PDFObject[] = [];
    for (const k of kidsOf(el, lookup)) {
      const kd = lookup(k);
      const s = kd instanceof PDFDict ? kd.get(N('S')) : undefined;
      (s === N('Lbl') || s === N('LBody') ? keep : move).push(k);
    }
    if (move.length === 0) continue;
    const body = ctx.obj({ Type: 'StructElem', S: 'LBody', P: ref, K: move });
    const pg = el.get(N('Pg'));
    if (pg) body.set(N('Pg'), pg);
    const bodyRef = ctx.register(body);
    let direct = false;
    for (const k of move) {
      const kd = lookup(k);
      if (kd instanceof PDFDict && kd.get(N('S')) !== undefined) kd.set(N('P'), bodyRef);
      else if (k instanceof PDFNumber || (kd instanceof PDFDict && kd.get(N('MCID')) !== undefined)) direct = true;
    }
    // Direct marked content (an MCID or MCR) now belongs to the LBody: its parent-tree entries must say so.
    if (direct) repoint.set(ref, bodyRef);
    el.set(N('K'), ctx.obj([...keep, bodyRef]));
    fixed++;
  }
  if (repoint.size > 0)
    for (const arr of survey.parentArrays.values())
      for (let j = 0; j < arr.size(); j++) {
        const to = repoint.get(arr.get(j));
        if (to) arr.set(j, to);
      }
  return fixed;
}

const STANDARD_TYPES = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(' '),
);
/** PDF 2.0 types Chromium writes, mapped to their PDF 1.7 equivalents (PDF/UA-1 needs every type standard or mapped). */
const PDF2_ROLES: Readonly<Record<string, string>> = { Strong: 'Span', Em: 'Span', Sub: 'Span', Aside: 'Div', Title: 'P', FENote: 'Note', DocumentFragment: 'Div' };

export function roleMapNonStandard(pdf: PDFDocument, survey: StructureSurvey): void {
  let roleMap = survey.lookup(survey.root.get(N('RoleMap')));
  if (!(roleMap instanceof PDFDict)) {
    roleMap = pdf.context.obj({});
    survey.root.set(N('RoleMap'), roleMap);
  }
  for (const type of survey.types)
    if (!STANDARD_TYPES.has(type) && (roleMap as PDFDict).get(N(type)) === undefined) (roleMap as PDFDict).set(N(type), N(PDF2_ROLES[type] ?? 'Span'));
}

/**
 * Chromium repeats a table's header row on each page it runs onto and adds every repeat to the same TH, so a
 * screen reader hears "Service Service Service". The repeats (marked content on pages after the cell's first) are
 * taken out of the structure tree and the parent tree here; the returned page → MCIDs are to be made artifacts in
 * the pages' content.
 */
export function demoteRepeatedHeaders(pdf: PDFDocument, survey: StructureSurvey): Map<PDFObject, Set<number>> {
  const ctx = pdf.context;
  const { lookup } = survey;
  const out = new Map<PDFObject, Set<number>>();
  const record = (page: PDFObject, mcid: number) => {
    const set = out.get(page) ?? new Set<number>();
    set.add(mcid);
    out.set(page, set);
  };
  /** Drops content not on `first` from el's subtree; returns whether anything is left. */
  const prune = (el: PDFDict, first: PDFObject, inherited: PDFObject | undefined): boolean => {
    const pg = el.get(N('Pg')) ?? inherited;
    const kept: PDFObject[] = [];
    let dropped = false;
    for (const k of kidsOf(el, lookup)) {
      const kd = lookup(k);
      if (k instanceof PDFNumber) {
        if (pg === first || pg === undefined) kept.push(k);
        else {
          record(pg, k.asNumber());
          dropped = true;
        }
      } else if (kd instanceof PDFDict && kd.get(N('Type')) === N('MCR')) {
        const mpg = kd.get(N('Pg')) ?? pg;
        const mcid = lookup(kd.get(N('MCID')));
        if (mpg === first || !(mcid instanceof PDFNumber) || mpg === undefined) kept.push(k);
        else {
          record(mpg, mcid.asNumber());
          dropped = true;
        }
      } else if (kd instanceof PDFDict && kd.get(N('S')) !== undefined) {
        if (prune(kd, first, pg)) kept.push(k);
        else dropped = true;
      } else kept.push(k);
    }
    // Elements with nothing repeated are left exactly as Chromium wrote them.
    if (dropped) el.set(N('K'), ctx.obj(kept));
    return kept.length > 0;
  };
  const firstPage = (el: PDFDict, inherited: PDFObject | undefined): PDFObject | undefined => {
    const pg = el.get(N('Pg')) ?? inherited;
    for (const k of kidsOf(el, lookup)) {
      const kd = lookup(k);
      if (k instanceof PDFNumber) return pg;
      if (kd instanceof PDFDict && kd.get(N('Type')) === N('MCR')) return kd.get(N('Pg')) ?? pg;
      if (kd instanceof PDFDict && kd.get(N('S')) !== undefined) {
        const f = firstPage(kd, pg);
        if (f) return f;
      }
    }
    return undefined;
  };
  for (const th of survey.headerCells) {
    const first = firstPage(th, undefined);
    if (first) prune(th, first, undefined);
  }
  if (out.size === 0) return out;
  // The parent tree must no longer name an owner for the demoted marked content.
  for (const page of pdf.getPages()) {
    const mcids = out.get(page.ref);
    const sp = lookup(page.node.get(N('StructParents')));
    if (!mcids || !(sp instanceof PDFNumber)) continue;
    const arr = survey.parentArrays.get(sp.asNumber());
    if (arr) for (const m of mcids) if (m < arr.size()) arr.set(m, PDFNull);
  }
  return out;
}
