/**
 * Document model → .docx with the docx library, written as Word itself would: built-in styles (Title, Heading 1–4
 * with outline levels, List Bullet, List Number, Caption, Table Grid, TOC Heading, TOC 1–3) so the navigation
 * pane and the table of contents work; a table of contents already filled in with page numbers, and PAGE/NUMPAGES
 * fields with values, so Word opens without asking to update fields; Word numbering for lists (no typed bullets);
 * repeating header rows; explicit column widths; charts as PNG with the same alt text as the PDF; en-GB; and
 * "auto" line spacing, without which LibreOffice draws lines as exact and they overlap.
 *
 * A council's own .dotx/.docx can be given as the house style: its styles.xml is used, and its styles are found
 * by name ("heading 1"), so templates with localised style ids work too.
 */
import { withXmlSafeText } from '../../model/xml-text';
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  ImageRun,
  InternalHyperlink,
  LevelFormat,
  LineRuleType,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  SimpleField,
  SoftHyphen,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ICommentOptions,
  type IParagraphStyleOptions,
  type ParagraphChild,
} from 'docx';
import { unzipSync, strFromU8 } from 'fflate';
import { packDocx, type PackageDeflate } from './zip-package';
import { renderChartParts } from '../charts/render-chart-svg';
import { DRAFT_MARKING, guidanceIn, keyFiguresTable, MARKING_TEXT, referenceNumbers, type Block, type DocModel, type FigureBlock, type Inline, type ListBlock, type TableBlock } from '../model';
import { BRAND, SHADES, WORD_FONT } from '../palette';
import { CALLOUT_GAP, CELL_PADDING, FIGURE_MAX_HEIGHT_PT, FIGURE_WIDTH_PT, LINE_MULTIPLE, PAGE, STYLES, type ParaStyle } from './layout';
import { estimatePages } from './page-estimate';
import { CELL_EXTRA, cellTextSize, tableColumnWidths } from '../table-columns';
import { hyphenateLongWords } from '../hyphenate';
import { SOFT_HYPHEN } from '../text-metrics';

export interface DocxRenderOptions {
  /** A council .dotx or .docx whose styles the document uses. */
  readonly houseStyle?: Uint8Array;
  /** Rasterises a chart's SVG to PNG at the given pixel width (node: resvg). */
  readonly rasteriseSvg: (svg: string, widthPx: number) => Promise<Uint8Array>;
  /**
   * How the table of contents gets its page numbers: our estimate from the model (default, milliseconds), or
   * docx's layout of the XML as Word lays it out (seconds for a long report; the tests use it to check the estimate).
   */
  readonly pageNumbers?: 'estimate' | 'word-layout';
  /** A native deflate for the package's parts (node: zlib); without one, docx zips with fflate on this thread. */
  readonly deflate?: PackageDeflate;
}

const tw = (pt: number) => Math.round(pt * 20);
const half = (pt: number) => Math.round(pt * 2);
const LINE = Math.round(240 * LINE_MULTIPLE);

/** Built-in styles by their Word names, with the ids this file uses unless a house style names them otherwise. */
const BUILT_IN = {
  title: { id: 'Title', name: 'Title' },
  subtitle: { id: 'Subtitle', name: 'Subtitle' },
  h1: { id: 'Heading1', name: 'heading 1' },
  h2: { id: 'Heading2', name: 'heading 2' },
  h3: { id: 'Heading3', name: 'heading 3' },
  h4: { id: 'Heading4', name: 'heading 4' },
  listBullet: { id: 'ListBullet', name: 'List Bullet' },
  listNumber: { id: 'ListNumber', name: 'List Number' },
  caption: { id: 'Caption', name: 'caption' },
  tocHeading: { id: 'TOCHeading', name: 'TOC Heading' },
  toc1: { id: 'TOC1', name: 'toc 1' },
  toc2: { id: 'TOC2', name: 'toc 2' },
  toc3: { id: 'TOC3', name: 'toc 3' },
  tableGrid: { id: 'TableGrid', name: 'Table Grid' },
} as const;
type StyleKey = keyof typeof BUILT_IN;

/** Our own paragraph styles (never named "Normal…", so a bold title line is not mistaken for a fake heading). */
const CUSTOM = {
  organisation: 'TitleOrganisation',
  details: 'TitleDetails',
  source: 'SourceNote',
  calloutTitle: 'CalloutTitle',
  calloutText: 'CalloutText',
  guidanceTitle: 'GuidanceTitle',
  guidanceText: 'GuidanceText',
  cell: 'TableText',
  denseCell: 'TableTextSmall',
  tableHead: 'TableHeading',
  keyFigure: 'KeyFigure',
  reference: 'ReferenceEntry',
  marking: 'ProtectiveMarking',
  running: 'RunningTitle',
} as const;

interface HouseStyle {
  readonly stylesXml: string;
  /** lower-case style name → style id in the house style. */
  readonly idsByName: ReadonlyMap<string, string>;
  readonly ids: ReadonlySet<string>;
}

function readHouseStyle(bytes: Uint8Array): HouseStyle {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/styles.xml' });
  } catch {
    throw new Error('The house style file is not a Word document or template (.docx or .dotx).');
  }
  const xml = files['word/styles.xml'];
  if (!xml) throw new Error('The house style file has no styles (word/styles.xml is missing).');
  const stylesXml = strFromU8(xml);
  const idsByName = new Map<string, string>();
  const ids = new Set<string>();
  for (const m of stylesXml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    ids.add(m[1]!);
    const name = /<w:name w:val="([^"]+)"/.exec(m[2]!)?.[1];
    if (name) idsByName.set(name.toLowerCase(), m[1]!);
  }
  return { stylesXml, idsByName, ids };
}

interface Ctx {
  readonly doc: DocModel;
  readonly style: (k: StyleKey) => string;
  readonly refs: ReadonlyMap<string, number>;
  readonly rasterise: DocxRenderOptions['rasteriseSvg'];
  readonly bookmarks: Map<string, string>;
  table: number;
  figure: number;
  numberedLists: number;
  /** A draft's guidance as Word comments, so the officer can resolve each one; none in a final. */
  readonly comments: ICommentOptions[] | null;
  /** Inside a guidance box, whose title already carries the comment for the whole box. */
  inGuidanceBox: boolean;
}

const COMMENT_AUTHOR = 'Alignment Workbench';

/** Wraps runs in a comment range with the comment's reference after it; the runs unchanged when comments are off. */
function commented(ctx: Ctx, children: ParagraphChild[], title: string, text: string): ParagraphChild[] {
  if (!ctx.comments) return children;
  const id = ctx.comments.length;
  const body = [title, text].filter((x) => x.trim() !== '');
  ctx.comments.push({
    id,
    author: COMMENT_AUTHOR,
    initials: 'AW',
    date: new Date(ctx.doc.properties.generatedAt),
    children: body.map((t) => new Paragraph({ children: [new TextRun(t)] })),
  });
  return [new CommentRangeStart(id), ...children, new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })];
}

/** Text with soft hyphens as Word's own optional hyphens (w:softHyphen), which Word shows only at a line end. */
function withSoftHyphens(text: string): { text: string } | { children: Array<string | SoftHyphen> } {
  if (!text.includes(SOFT_HYPHEN)) return { text };
  const children: Array<string | SoftHyphen> = [];
  text.split(SOFT_HYPHEN).forEach((part, i) => {
    if (i > 0) children.push(new SoftHyphen());
    if (part) children.push(part);
  });
  return { children };
}

function runs(content: readonly Inline[], ctx: Ctx, base: { size?: number; bold?: boolean; color?: string; fitWidth?: number } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const i of content) {
    switch (i.kind) {
      case 'text': {
        const isBold = Boolean(base.bold || i.emphasis === 'strong' || i.emphasis === 'strong-em');
        out.push(
          new TextRun({
            ...withSoftHyphens(base.fitWidth && base.size ? hyphenateLongWords(i.text, base.fitWidth, base.size, isBold) : i.text),
            bold: base.bold || i.emphasis === 'strong' || i.emphasis === 'strong-em' || undefined,
            italics: i.emphasis === 'em' || i.emphasis === 'strong-em' || undefined,
            ...(base.size ? { size: half(base.size) } : {}),
            ...(base.color ? { color: base.color } : {}),
          }),
        );
        break;
      }
      case 'link': {
        const linkRuns = i.children.map((c) => new TextRun({ text: c.kind === 'text' ? c.text : '', style: 'Hyperlink', ...(base.size ? { size: half(base.size) } : {}) }));
        const anchor = i.href.startsWith('#') ? ctx.bookmarks.get(i.href.slice(1)) : undefined;
        if (anchor) out.push(new InternalHyperlink({ anchor, children: linkRuns }));
        else if (i.href.startsWith('#')) out.push(...runs(i.children, ctx, base));
        else out.push(new ExternalHyperlink({ link: i.href, children: linkRuns }));
        break;
      }
      case 'citation': {
        const n = ctx.refs.get(i.refId);
        if (n) out.push(new InternalHyperlink({ anchor: `ref_${n}`, children: [new TextRun({ text: `[${n}]`, ...(base.size ? { size: half(base.size) } : {}) })] }));
        break;
      }
      case 'guidance': {
        const run = new TextRun({ text: i.text, shading: { type: ShadingType.CLEAR, fill: BRAND.guidanceFill, color: 'auto' }, color: BRAND.guidanceText, ...(base.size ? { size: half(base.size) } : {}) });
        out.push(...(ctx.inGuidanceBox ? [run] : commented(ctx, [run], 'To complete', i.text)));
        break;
      }
      case 'line-break':
        out.push(new TextRun({ break: 1 }));
        break;
    }
  }
  return out;
}

function list(l: ListBlock, ctx: Ctx, depth: number, instance: number): Paragraph[] {
  const out: Paragraph[] = [];
  for (const it of l.items) {
    out.push(
      new Paragraph({
        style: ctx.style(l.ordered ? 'listNumber' : 'listBullet'),
        numbering: { reference: l.ordered ? 'aw-numbers' : 'aw-bullets', level: Math.min(depth, 3), instance },
        children: runs(it.content, ctx),
      }),
    );
    if (it.children) out.push(...list(it.children, ctx, depth + 1, it.children.ordered ? ++ctx.numberedLists : instance));
  }
  return out;
}

/** Rules and padding are set once on the table, not on each cell: a large matrix has thousands of cells. */
function tableBorders() {
  const b = { style: BorderStyle.SINGLE, size: 6, color: BRAND.rule };
  return { top: b, bottom: b, left: b, right: b, insideHorizontal: b, insideVertical: b };
}

function table(t: TableBlock, ctx: Ctx, textWidthPt: number): FileChild[] {
  const widthsPt = tableColumnWidths(t, textWidthPt);
  const widths = widthsPt.map((w) => Math.floor(tw(w)));
  const cellStyle = t.dense ? CUSTOM.denseCell : CUSTOM.cell;
  const size = cellTextSize(t);
  const align = (a?: string) => (a === 'right' ? AlignmentType.RIGHT : a === 'centre' ? AlignmentType.CENTER : AlignmentType.LEFT);
  const margins = { top: tw(CELL_PADDING.vertical), bottom: tw(CELL_PADDING.vertical), left: tw(CELL_PADDING.horizontal), right: tw(CELL_PADDING.horizontal) };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, fill: BRAND.headerFill, color: 'auto' },
          // Keep with next: the header row never ends a page without the first row under it.
          children: [new Paragraph({ style: CUSTOM.tableHead, keepNext: true, alignment: align(c.align), children: [new TextRun({ text: c.header, bold: true, size: half(size), color: BRAND.text })] })],
        }),
    ),
  });
  const rows = t.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map((cell, i) => {
          const shade = cell.shade ? SHADES[cell.shade] : null;
          const content = cell.content.length > 0 ? cell.content : [{ kind: 'text' as const, text: 'None' }];
          return new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            ...(shade ? { shading: { type: ShadingType.CLEAR, fill: shade.fill, color: 'auto' } } : {}),
            children: [new Paragraph({ style: cellStyle, alignment: align(cell.align), children: runs(content, ctx, { size, color: shade ? shade.text : BRAND.text, fitWidth: widthsPt[i]! - CELL_EXTRA }) })],
          });
        }),
      }),
  );
  const out: FileChild[] = [];
  if (t.caption) out.push(new Paragraph({ style: ctx.style('caption'), keepNext: true, children: [new TextRun(`Table ${++ctx.table}: ${t.caption}`)] }));
  out.push(
    new Table({
      style: ctx.style('tableGrid'),
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: tableBorders(),
      margins,
      rows: [header, ...rows],
    }),
  );
  out.push(new Paragraph({ style: CUSTOM.source, children: t.source ? [new TextRun(`Source: ${t.source}`)] : [] }));
  return out;
}

/** A chart too tall for a page comes in parts that each fit one (the same parts as the PDF). */
function figureParts(b: FigureBlock, textWidthPt: number) {
  const widthPt = Math.min(FIGURE_WIDTH_PT, textWidthPt);
  return renderChartParts(b.chart, (FIGURE_MAX_HEIGHT_PT[orientationOf(textWidthPt)] * 640) / widthPt);
}

async function block(b: Block, ctx: Ctx, textWidthPt: number): Promise<FileChild[]> {
  switch (b.kind) {
    case 'heading': {
      const key = (['h1', 'h2', 'h3', 'h4'] as const)[b.level - 1]!;
      return [new Paragraph({ style: ctx.style(key), children: runs(b.content, ctx) })];
    }
    case 'paragraph':
      return [new Paragraph({ children: runs(b.content, ctx) })];
    case 'list':
      return list(b, ctx, 0, b.ordered ? ++ctx.numberedLists : 0);
    case 'table':
      return table(b, ctx, textWidthPt);
    case 'figure': {
      const widthPt = Math.min(FIGURE_WIDTH_PT, textWidthPt);
      const widthPx = Math.round((widthPt / 72) * 96);
      const parts = figureParts(b, textWidthPt);
      const n = ++ctx.figure;
      const images: Paragraph[] = [];
      for (const [i, chart] of parts.entries()) {
        const heightPx = Math.round((chart.height / chart.width) * widthPx);
        const png = await ctx.rasterise(chart.svg, chart.width * 2);
        const last = i === parts.length - 1;
        const altText =
          i === 0
            ? { name: `Figure ${n}`, title: b.caption, description: b.alt }
            : { name: `Figure ${n}, part ${i + 1}`, title: `${b.caption} (continued)`, description: `Part ${i + 1} of ${parts.length} of Figure ${n}; the description of its first part covers the whole chart.` };
        images.push(new Paragraph({ keepNext: !last || Boolean(b.source), children: [new ImageRun({ type: 'png', data: png, transformation: { width: widthPx, height: heightPx }, altText })] }));
      }
      return [
        new Paragraph({ style: ctx.style('caption'), keepNext: true, children: [new TextRun(`Figure ${n}: ${b.caption}`)] }),
        ...images,
        new Paragraph({ style: CUSTOM.source, children: b.source ? [new TextRun(`Source: ${b.source}`)] : [] }),
      ];
    }
    case 'callout': {
      const guidance = b.tone === 'guidance';
      const out: FileChild[] = [];
      const boxText = guidance ? guidanceIn(b)[0]?.text ?? '' : '';
      // The comment is anchored to the box's title, or to its first paragraph when it has none.
      let anchorPending = guidance && ctx.comments !== null;
      if (b.title) {
        const title: ParagraphChild[] = [new TextRun(b.title)];
        out.push(new Paragraph({ style: guidance ? CUSTOM.guidanceTitle : CUSTOM.calloutTitle, keepNext: true, children: anchorPending ? commented(ctx, title, b.title, boxText) : title }));
        anchorPending = false;
      }
      const outer = ctx.inGuidanceBox;
      ctx.inGuidanceBox = outer || guidance;
      for (const [i, x] of b.blocks.entries()) {
        const last = i === b.blocks.length - 1;
        if (x.kind === 'paragraph') {
          const children = runs(x.content, ctx);
          out.push(
            new Paragraph({
              style: guidance ? CUSTOM.guidanceText : CUSTOM.calloutText,
              ...(last ? { spacing: { after: tw(STYLES.callout.after + CALLOUT_GAP), line: LINE, lineRule: LineRuleType.AUTO } } : {}),
              children: anchorPending ? commented(ctx, children, 'To complete', boxText) : children,
            }),
          );
          anchorPending = false;
        } else out.push(...(await block(x, ctx, textWidthPt)));
      }
      ctx.inGuidanceBox = outer;
      return out;
    }
    case 'key-figures':
      return table(keyFiguresTable(b), ctx, textWidthPt);
    case 'page-break':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'toc':
      return [
        new Paragraph({ style: ctx.style('tocHeading'), children: [new TextRun(b.title)] }),
        new TableOfContents(b.title, { hyperlink: true, headingStyleRange: `1-${b.maxLevel}` }),
        new Paragraph({ children: [new PageBreak()] }),
      ];
    case 'references': {
      if (ctx.doc.references.length === 0) return [new Paragraph({ children: [new TextRun('No sources are cited in this document.')] })];
      const out: FileChild[] = [];
      ctx.doc.references.forEach((r, i) => {
        const children: ParagraphChild[] = [new Bookmark({ id: `ref_${i + 1}`, children: [new TextRun(`[${i + 1}] `)] }), new TextRun(r.text)];
        if (r.url)
          children.push(
            new TextRun(' Available at '),
            new ExternalHyperlink({ link: r.url, children: [new TextRun({ text: r.url.replace(/^https?:\/\/(www\.)?/, ''), style: 'Hyperlink' })] }),
          );
        out.push(new Paragraph({ style: CUSTOM.reference, children }));
      });
      return out;
    }
  }
}

function paraStyle(id: string, name: string, st: ParaStyle, extra: Partial<IParagraphStyleOptions> = {}, color: string = BRAND.text): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: WORD_FONT, size: half(st.size), bold: st.bold ?? false, color },
    paragraph: {
      spacing: { before: tw(st.before), after: tw(st.after), line: LINE, lineRule: LineRuleType.AUTO },
      ...(st.indent ? { indent: { left: tw(st.indent) } } : {}),
    },
    ...extra,
  };
}

/** The running header and footer; the title page's (`first`) are empty, as it carries the marking in its own text. */
function headerFooter(doc: DocModel, landscape: boolean, first: boolean): { header: Header; footer: Footer } {
  const geo = landscape ? PAGE.landscape : PAGE.portrait;
  const width = tw(geo.width - geo.left - geo.right);
  const marking = MARKING_TEXT[doc.marking];
  const draft = doc.status === 'draft';
  const header = new Header({
    children: [
      new Paragraph({
        style: CUSTOM.running,
        tabStops: [{ type: TabStopType.RIGHT, position: width }],
        children: [
          ...(draft ? [new TextRun({ text: DRAFT_MARKING, bold: true, color: BRAND.text, size: 18 }), new TextRun({ text: first ? '' : '  ' })] : []),
          new TextRun({ text: first ? '' : doc.runningTitle }),
          ...(marking && !first ? [new TextRun({ children: ['\t'] }), new TextRun({ text: marking, bold: true, color: BRAND.text, size: 18 })] : []),
        ],
      }),
    ],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        style: CUSTOM.running,
        tabStops: [
          { type: TabStopType.CENTER, position: Math.round(width / 2) },
          { type: TabStopType.RIGHT, position: width },
        ],
        children: [
          new TextRun({ children: ['\t'] }),
          ...(marking && !first ? [new TextRun({ text: marking, bold: true, color: BRAND.text, size: 18 })] : []),
          ...(first
            ? []
            : [
                new TextRun({ children: ['\t', 'Page '] }),
                new SimpleField('PAGE', '1'),
                new TextRun({ children: [' of ', PageNumber.TOTAL_PAGES] }),
              ]),
        ],
      }),
    ],
  });
  return { header, footer };
}

export async function renderDocxWith(model: DocModel, options: DocxRenderOptions): Promise<Uint8Array> {
  // Text XML cannot hold (U+FFFE, control characters) would make the file unreadable; validation refuses it,
  // and whatever still reaches the writer is dropped here.
  const doc = withXmlSafeText(model);
  const house = options.houseStyle ? readHouseStyle(options.houseStyle) : null;
  const style = (k: StyleKey) => house?.idsByName.get(BUILT_IN[k].name.toLowerCase()) ?? BUILT_IN[k].id;
  const estimate = estimatePages(doc);
  const bookmarks = new Map<string, string>();
  const comments: ICommentOptions[] | null = doc.status === 'draft' ? [] : null;
  // Each chart is rasterised once, and every chart in a top-level figure is started now: a rasteriser that works
  // off the main thread then draws them all while the rest of the file is put together.
  const pngs = new Map<string, Promise<Uint8Array>>();
  const rasterise: Ctx['rasterise'] = (svg, widthPx) => {
    const key = `${widthPx}:${svg}`;
    let png = pngs.get(key);
    if (!png) pngs.set(key, (png = options.rasteriseSvg(svg, widthPx)));
    return png;
  };
  for (const s of doc.sections) {
    const geo = s.orientation === 'landscape' ? PAGE.landscape : PAGE.portrait;
    for (const b of s.blocks) if (b.kind === 'figure') for (const chart of figureParts(b, geo.width - geo.left - geo.right)) rasterise(chart.svg, chart.width * 2).catch(() => undefined);
  }
  const ctx: Ctx = { doc, style, refs: referenceNumbers(doc), rasterise, bookmarks, table: 0, figure: 0, numberedLists: 0, comments, inGuidanceBox: false };

  const tp = doc.titlePage;
  const marking = MARKING_TEXT[doc.marking];
  const titleChildren: FileChild[] = [
    ...(marking ? [new Paragraph({ style: CUSTOM.marking, children: [new TextRun(marking)] })] : []),
    ...(doc.status === 'draft' ? [new Paragraph({ style: CUSTOM.marking, children: [new TextRun(`${DRAFT_MARKING}: for comment, not for publication`)] })] : []),
    new Paragraph({ style: CUSTOM.organisation, children: [new TextRun(tp.organisation)] }),
    new Paragraph({ style: style('title'), children: [new TextRun(tp.title)] }),
    ...(tp.subtitle ? [new Paragraph({ style: style('subtitle'), children: [new TextRun(tp.subtitle)] })] : []),
    ...tp.details.map((d) => new Paragraph({ style: CUSTOM.details, children: [new TextRun({ text: `${d.label}: `, bold: true }), new TextRun(d.value)] })),
  ];

  const sections = [];
  const first = headerFooter(doc, false, true);
  const rest = headerFooter(doc, false, false);
  sections.push({
    properties: { titlePage: true, page: pageProps('portrait') },
    headers: { first: first.header, default: rest.header },
    footers: { first: first.footer, default: rest.footer },
    children: titleChildren,
  });
  for (const s of doc.sections) {
    const landscape = s.orientation === 'landscape';
    const geo = landscape ? PAGE.landscape : PAGE.portrait;
    const hf = headerFooter(doc, landscape, false);
    const children: FileChild[] = [];
    for (const b of s.blocks) children.push(...(await block(b, ctx, geo.width - geo.left - geo.right)));
    sections.push({ properties: { page: pageProps(s.orientation) }, headers: { default: hf.header }, footers: { default: hf.footer }, children });
  }

  const paragraphStyles: IParagraphStyleOptions[] = [
    paraStyle(BUILT_IN.title.id, 'Title', STYLES.title, {}, BRAND.heading),
    paraStyle(BUILT_IN.subtitle.id, 'Subtitle', STYLES.subtitle),
    paraStyle(BUILT_IN.h1.id, 'Heading 1', STYLES.h1, { paragraph: { keepNext: true, keepLines: true, outlineLevel: 0, spacing: { before: 0, after: tw(STYLES.h1.after), line: LINE, lineRule: LineRuleType.AUTO }, border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: BRAND.heading, space: 2 } } } }, BRAND.heading),
    paraStyle(BUILT_IN.h2.id, 'Heading 2', STYLES.h2, { paragraph: { keepNext: true, keepLines: true, outlineLevel: 1, spacing: { before: tw(STYLES.h2.before), after: tw(STYLES.h2.after), line: LINE, lineRule: LineRuleType.AUTO } } }, BRAND.heading),
    paraStyle(BUILT_IN.h3.id, 'Heading 3', STYLES.h3, { paragraph: { keepNext: true, keepLines: true, outlineLevel: 2, spacing: { before: tw(STYLES.h3.before), after: tw(STYLES.h3.after), line: LINE, lineRule: LineRuleType.AUTO } } }, BRAND.heading),
    paraStyle(BUILT_IN.h4.id, 'Heading 4', STYLES.h4, { paragraph: { keepNext: true, keepLines: true, outlineLevel: 3, spacing: { before: tw(STYLES.h4.before), after: tw(STYLES.h4.after), line: LINE, lineRule: LineRuleType.AUTO } } }),
    paraStyle(BUILT_IN.listBullet.id, 'List Bullet', STYLES.list),
    paraStyle(BUILT_IN.listNumber.id, 'List Number', STYLES.list),
    paraStyle(BUILT_IN.caption.id, 'caption', STYLES.caption),
    paraStyle(BUILT_IN.tocHeading.id, 'TOC Heading', STYLES.tocHeading, {}, BRAND.heading),
    paraStyle(BUILT_IN.toc1.id, 'toc 1', STYLES.toc1),
    paraStyle(BUILT_IN.toc2.id, 'toc 2', STYLES.toc2),
    paraStyle(BUILT_IN.toc3.id, 'toc 3', STYLES.toc3),
    paraStyle(CUSTOM.organisation, 'Title Organisation', STYLES.organisation, {}, BRAND.secondary),
    paraStyle(CUSTOM.details, 'Title Details', STYLES.details),
    paraStyle(CUSTOM.source, 'Source Note', STYLES.source, {}, BRAND.secondary),
    paraStyle(CUSTOM.calloutTitle, 'Callout Title', STYLES.calloutTitle, { paragraph: { indent: { left: tw(STYLES.callout.indent) }, spacing: { before: tw(STYLES.calloutTitle.before), after: tw(STYLES.calloutTitle.after), line: LINE, lineRule: LineRuleType.AUTO }, shading: { type: ShadingType.CLEAR, fill: SHADES.accent.fill, color: 'auto' }, border: { left: { style: BorderStyle.SINGLE, size: 24, color: BRAND.heading, space: 6 } } } }),
    paraStyle(CUSTOM.calloutText, 'Callout Text', STYLES.callout, { paragraph: { indent: { left: tw(STYLES.callout.indent) }, spacing: { after: tw(STYLES.callout.after), line: LINE, lineRule: LineRuleType.AUTO }, shading: { type: ShadingType.CLEAR, fill: SHADES.accent.fill, color: 'auto' }, border: { left: { style: BorderStyle.SINGLE, size: 24, color: BRAND.heading, space: 6 } } } }),
    paraStyle(CUSTOM.guidanceTitle, 'Guidance Title', STYLES.calloutTitle, { paragraph: { indent: { left: tw(STYLES.callout.indent) }, spacing: { before: tw(STYLES.calloutTitle.before), after: tw(STYLES.calloutTitle.after), line: LINE, lineRule: LineRuleType.AUTO }, shading: { type: ShadingType.CLEAR, fill: BRAND.guidanceFill, color: 'auto' }, border: { left: { style: BorderStyle.SINGLE, size: 24, color: BRAND.guidanceBorder, space: 6 } } } }),
    paraStyle(CUSTOM.guidanceText, 'Guidance Text', STYLES.callout, { paragraph: { indent: { left: tw(STYLES.callout.indent) }, spacing: { after: tw(STYLES.callout.after), line: LINE, lineRule: LineRuleType.AUTO }, shading: { type: ShadingType.CLEAR, fill: BRAND.guidanceFill, color: 'auto' }, border: { left: { style: BorderStyle.SINGLE, size: 24, color: BRAND.guidanceBorder, space: 6 } } } }),
    paraStyle(CUSTOM.cell, 'Table Text', STYLES.cell),
    paraStyle(CUSTOM.denseCell, 'Table Text Small', STYLES.denseCell),
    paraStyle(CUSTOM.tableHead, 'Table Heading', { ...STYLES.cell, bold: true }),
    paraStyle(CUSTOM.keyFigure, 'Key Figure', { size: 15, bold: true, before: 0, after: 0 }, {}, BRAND.heading),
    paraStyle(CUSTOM.reference, 'Reference Entry', STYLES.reference, { paragraph: { indent: { left: tw(24), hanging: tw(24) }, spacing: { after: tw(STYLES.reference.after), line: LINE, lineRule: LineRuleType.AUTO } } }),
    paraStyle(CUSTOM.marking, 'Protective Marking', { size: 10, bold: true, before: 0, after: 0 }),
    paraStyle(CUSTOM.running, 'Running Header', { size: 8.5, before: 0, after: 0 }, {}, BRAND.secondary),
  ].filter((s) => !house || !(house.ids.has(s.id) || (house.idsByName.has((s.name ?? '').toLowerCase()) && Object.values(BUILT_IN).some((b) => b.id === s.id))));

  const p = doc.properties;
  const bulletLevels = ['•', '◦', '▪', '•'].map((text, level) => ({
    level,
    format: LevelFormat.BULLET,
    text,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: tw(20 * (level + 1)), hanging: tw(14) } } },
  }));
  const numberLevels = ([LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN, LevelFormat.DECIMAL] as const).map((format, level) => ({
    level,
    format,
    text: `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: tw(20 * (level + 1)), hanging: tw(16) } } },
  }));

  const wordLayout = options.pageNumbers === 'word-layout' ? (await import('docx/layout')).estimatePageNumbers : null;
  const document = new Document({
    title: p.title,
    subject: p.subject,
    creator: p.author,
    lastModifiedBy: p.author,
    keywords: p.keywords.join(', '),
    description: p.description,
    customProperties: [
      { name: 'Organisation', value: p.organisation },
      { name: 'Protective marking', value: marking || 'None' },
      { name: 'Template', value: `${p.templateId} ${p.templateVersion}` },
      { name: 'Generated', value: p.generatedAt },
    ],
    ...(house ? { externalStyles: house.stylesXml } : {}),
    ...(comments && comments.length > 0 ? { comments: { children: comments } } : {}),
    pageNumbers: wordLayout ?? Object.assign(
      (body: object) => {
        // The table of contents bookmarks its headings _Toc… in document order; give each its estimated page.
        const names: string[] = [];
        collectBookmarks(body, names);
        const headings = [...estimate.headingPages.entries()];
        const tocDepth = Math.max(1, ...doc.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'toc').map((b) => (b.kind === 'toc' ? b.maxLevel : 1))));
        const levels = new Map(doc.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'heading').map((b) => [b.kind === 'heading' ? b.id : '', b.kind === 'heading' ? b.level : 9] as const)));
        const listed = headings.filter(([id]) => (levels.get(id) ?? 9) <= tocDepth);
        const map = new Map<string, string>();
        names.filter((n) => n.startsWith('_Toc')).forEach((n, i) => {
          const h = listed[i];
          if (h) map.set(n, String(h[1]));
        });
        return { bookmarks: map, pageCount: estimate.pageCount };
      },
      {},
    ),
    styles: {
      default: {
        document: {
          run: { font: WORD_FONT, size: half(STYLES.body.size), color: BRAND.text, language: { value: 'en-GB' } },
          paragraph: { spacing: { after: tw(STYLES.body.after), line: LINE, lineRule: LineRuleType.AUTO } },
        },
        ...(house ? {} : { hyperlink: { run: { color: BRAND.link, underline: { type: 'single' } } } }),
      },
      paragraphStyles,
    },
    numbering: {
      config: [
        { reference: 'aw-bullets', levels: bulletLevels },
        { reference: 'aw-numbers', levels: numberLevels },
      ],
    },
    sections,
  });
  return packDocx(document, options.deflate);
}

/** Which page shape a text width belongs to (a call-out's narrower width is still on its page's shape). */
function orientationOf(textWidthPt: number): 'portrait' | 'landscape' {
  return textWidthPt > PAGE.portrait.width - PAGE.portrait.left - PAGE.portrait.right ? 'landscape' : 'portrait';
}

function pageProps(o: 'portrait' | 'landscape') {
  const g = PAGE[o];
  // docx swaps width and height itself for landscape, so it is given the portrait size.
  return {
    size: { width: tw(PAGE.portrait.width), height: tw(PAGE.portrait.height), orientation: o === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: { top: tw(g.top), bottom: tw(g.bottom), left: tw(g.left), right: tw(g.right), header: tw(PAGE.header), footer: tw(PAGE.footer) },
  };
}

/**
 * The names of the bookmarks docx put on heading paragraphs, in order. They are direct children of body-level
 * paragraphs, so only those are looked at: walking every table cell of a long report costs more than the layout.
 */
function collectBookmarks(body: unknown, out: string[]): void {
  const top = (body as Record<string, unknown> | null)?.['w:body'];
  if (!Array.isArray(top)) return;
  for (const block of top) {
    const p = (block as Record<string, unknown> | null)?.['w:p'];
    if (!Array.isArray(p)) continue;
    for (const child of p) {
      const start = (child as Record<string, unknown> | null)?.['w:bookmarkStart'] as { _attr?: Record<string, unknown> } | undefined;
      const name = start?._attr?.['w:name'];
      if (typeof name === 'string') out.push(name);
    }
  }
}

