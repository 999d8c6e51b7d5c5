/**
 * The document model: what a bound template produces and every renderer (Word, print HTML, preview) reads. Pure
 * data, no renderer concepts, so the Word file and the PDF carry the same content. Colours are named tokens, not
 * hex values, so each renderer can guarantee contrast and a text cue beside every colour.
 */
import type { ProtectiveMarking } from '../model/vocabulary';

export type Emphasis = 'strong' | 'em' | 'strong-em';

export type Inline =
  | { readonly kind: 'text'; readonly text: string; readonly emphasis?: Emphasis }
  /** href is https?:// or an internal "#id" (a heading or table anchor). */
  | { readonly kind: 'link'; readonly href: string; readonly children: readonly Inline[] }
  /** A numbered pointer to an entry in the references list, rendered "[3]". */
  | { readonly kind: 'citation'; readonly refId: string }
  /** Text the officer must replace or complete: shown highlighted, with a "To complete:" prefix. */
  | { readonly kind: 'guidance'; readonly text: string }
  | { readonly kind: 'line-break' };

/** Shading tokens. Heat-map and RAG shades always sit behind text that says the same thing. */
export type Shade =
  | 'strength-0'
  | 'strength-1'
  | 'strength-2'
  | 'strength-3'
  | 'rag-red'
  | 'rag-amber'
  | 'rag-green'
  | 'muted'
  | 'accent';

export interface TableCell {
  readonly content: readonly Inline[];
  readonly shade?: Shade;
  readonly align?: 'left' | 'centre' | 'right';
}

export interface TableColumn {
  readonly header: string;
  /** Relative width; the renderers share out the text width in proportion. */
  readonly width: number;
  readonly align?: 'left' | 'centre' | 'right';
}

export interface TableBlock {
  readonly kind: 'table';
  readonly id: string;
  /** Shown above the table ("Table 3: …"); also the table's accessible name. */
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  readonly rows: ReadonlyArray<readonly TableCell[]>;
  /** The first cell of each row names the row (th scope="row" in HTML). */
  readonly rowHeaders?: boolean;
  /** Smaller type for wide data tables such as the matrix. */
  readonly dense?: boolean;
  /** Where the figures come from ("Source: …"), printed under the table. */
  readonly source?: string;
}

export interface ChartBar {
  readonly label: string;
  /** One value per series, in series order. */
  readonly values: readonly number[];
}

export interface ChartSpec {
  readonly type: 'stacked-bar';
  readonly title: string;
  readonly series: ReadonlyArray<{ readonly name: string; readonly shade: Shade }>;
  readonly bars: readonly ChartBar[];
  /** Axis label for the values, e.g. "Number of services". */
  readonly valueLabel: string;
}

/** Headline numbers, laid out as a three-column table (`keyFiguresTable`): the value, what it shows, its source. */
export interface KeyFiguresBlock {
  readonly kind: 'key-figures';
  readonly title: string;
  readonly items: ReadonlyArray<{ readonly value: string; readonly label: string; readonly source: string }>;
}

export interface FigureBlock {
  readonly kind: 'figure';
  readonly id: string;
  readonly chart: ChartSpec;
  /** Required: a description of what the chart shows (its data in words). Empty alt is reported as a warning. */
  readonly alt: string;
  readonly caption: string;
  readonly source?: string;
}

export interface ListItem {
  readonly content: readonly Inline[];
  readonly children?: ListBlock;
}

export interface ListBlock {
  readonly kind: 'list';
  readonly ordered: boolean;
  readonly items: readonly ListItem[];
}

export type CalloutTone = 'key-figures' | 'note' | 'guidance' | 'warning';

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3 | 4; readonly id: string; readonly content: readonly Inline[] }
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[] }
  | ListBlock
  | TableBlock
  | FigureBlock
  | { readonly kind: 'callout'; readonly tone: CalloutTone; readonly title: string; readonly blocks: readonly Block[] }
  | KeyFiguresBlock
  | { readonly kind: 'page-break' }
  | { readonly kind: 'toc'; readonly title: string; readonly maxLevel: 1 | 2 | 3 }
  | { readonly kind: 'references'; readonly title: string };

export interface DocumentSection {
  readonly orientation: 'portrait' | 'landscape';
  readonly blocks: readonly Block[];
}

export interface Reference {
  readonly id: string;
  /** Formatted entry: "Publisher (year) Title. Finding." */
  readonly text: string;
  readonly url?: string;
}

export interface TitlePage {
  readonly title: string;
  readonly subtitle: string;
  readonly organisation: string;
  /** Label/value lines under the title: author, date, version, status. */
  readonly details: ReadonlyArray<{ readonly label: string; readonly value: string }>;
}

export interface DocumentProperties {
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  readonly organisation: string;
  readonly language: 'en-GB';
  readonly keywords: readonly string[];
  readonly description: string;
  /** ISO date-time the document was generated. */
  readonly generatedAt: string;
  readonly templateId: string;
  readonly templateVersion: string;
}

/**
 * A draft is for the officer and their colleagues: it keeps its guidance and says DRAFT on every page. A final is
 * for publication: nothing in it is addressed to the author.
 */
export type DocumentMode = 'draft' | 'final';

export interface DocModel {
  readonly properties: DocumentProperties;
  readonly marking: ProtectiveMarking;
  /** Draft or final; absent for documents that are neither (a workshop report), which carry no DRAFT marking. */
  readonly status?: DocumentMode;
  /** Running header text (normally the title). */
  readonly runningTitle: string;
  readonly titlePage: TitlePage;
  readonly sections: readonly DocumentSection[];
  readonly references: readonly Reference[];
}

/** The words that mark a draft, in the running header of every page and across the title page. */
export const DRAFT_MARKING = 'DRAFT';

export const MARKING_TEXT: Readonly<Record<ProtectiveMarking, string>> = {
  OFFICIAL: 'OFFICIAL',
  'OFFICIAL-SENSITIVE': 'OFFICIAL-SENSITIVE',
  NONE: '',
};

// ---- Small helpers every renderer needs ------------------------------------------------------------------

export const text = (t: string, emphasis?: Emphasis): Inline => (emphasis ? { kind: 'text', text: t, emphasis } : { kind: 'text', text: t });

/** Key figures as the table the Word file shows and its page estimate measures: the value bold on an accent shade. */
export function keyFiguresTable(b: KeyFiguresBlock): TableBlock {
  return {
    kind: 'table',
    id: 'key-figures',
    caption: b.title,
    columns: [
      { header: 'Figure', width: 22 },
      { header: 'What it shows', width: 48 },
      { header: 'Source', width: 30 },
    ],
    rows: b.items.map((i) => [{ content: [text(i.value, 'strong')], shade: 'accent' }, { content: [text(i.label)] }, { content: [text(i.source)] }]),
  };
}

export function inlineText(content: readonly Inline[]): string {
  let out = '';
  for (const i of content) {
    switch (i.kind) {
      case 'text':
        out += i.text;
        break;
      case 'link':
        out += inlineText(i.children);
        break;
      case 'citation':
        out += '[ref]';
        break;
      case 'guidance':
        out += i.text;
        break;
      case 'line-break':
        out += ' ';
        break;
    }
  }
  return out;
}

/** Every block in reading order, descending into call-outs. */
export function* walkBlocks(blocks: readonly Block[]): Generator<Block> {
  for (const b of blocks) {
    yield b;
    if (b.kind === 'callout') yield* walkBlocks(b.blocks);
  }
}

export function allBlocks(doc: DocModel): Block[] {
  return doc.sections.flatMap((s) => [...walkBlocks(s.blocks)]);
}

export interface HeadingEntry {
  readonly id: string;
  readonly level: 1 | 2 | 3 | 4;
  readonly text: string;
}

/** Headings in order, as the tables of contents list them. */
export function headingsOf(doc: DocModel): HeadingEntry[] {
  const out: HeadingEntry[] = [];
  for (const b of allBlocks(doc)) if (b.kind === 'heading') out.push({ id: b.id, level: b.level, text: inlineText(b.content) });
  return out;
}

/** Reference number (1-based, list order) for each reference id. */
export function referenceNumbers(doc: DocModel): Map<string, number> {
  return new Map(doc.references.map((r, i) => [r.id, i + 1]));
}

/** Slug for anchors: lower-case letters, digits and hyphens, starting with a letter. */
export function slug(s: string): string {
  const base = s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return /^[a-z]/.test(base) ? base : `s-${base || 'section'}`;
}

/** A slug not yet in `ids` (adding "-2", "-3"… to repeats), recorded there. */
export function uniqueId(ids: Set<string>, base: string): string {
  let id = slug(base);
  for (let n = 2; ids.has(id); n++) id = `${slug(base)}-${n}`;
  ids.add(id);
  return id;
}

/** Guidance the officer would see in a draft, for each place it appears: a guidance box or a marked phrase. */
export interface GuidanceItem {
  /** The box's title ("To complete: …"), or '' for a marked phrase in running text. */
  readonly title: string;
  readonly text: string;
}

function guidanceInInlines(content: readonly Inline[]): string[] {
  const out: string[] = [];
  for (const i of content) {
    if (i.kind === 'guidance') out.push(i.text);
    else if (i.kind === 'link') out.push(...guidanceInInlines(i.children));
  }
  return out;
}

function guidanceInList(l: ListBlock): string[] {
  return l.items.flatMap((it) => [...guidanceInInlines(it.content), ...(it.children ? guidanceInList(it.children) : [])]);
}

/** The guidance a block carries (a guidance box counts once, with its text), in reading order. */
export function guidanceIn(b: Block): GuidanceItem[] {
  switch (b.kind) {
    case 'callout':
      if (b.tone === 'guidance') return [{ title: b.title, text: b.blocks.map((x) => blockText(x)).join(' ').trim() }];
      return b.blocks.flatMap(guidanceIn);
    case 'paragraph':
    case 'heading':
      return guidanceInInlines(b.content).map((text) => ({ title: '', text }));
    case 'list':
      return guidanceInList(b).map((text) => ({ title: '', text }));
    case 'table':
      return b.rows.flatMap((r) => r.flatMap((c) => guidanceInInlines(c.content))).map((text) => ({ title: '', text }));
    default:
      return [];
  }
}

function blockText(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
    case 'heading':
      return inlineText(b.content);
    case 'list':
      return b.items.map((it) => inlineText(it.content)).join(' ');
    case 'callout':
      return b.blocks.map(blockText).join(' ');
    default:
      return '';
  }
}
