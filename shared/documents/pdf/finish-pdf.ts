/**
 * Finishes the PDF Chromium printed, in place (pdf-lib keeps the structure tree only when pages are not copied):
 * document information and XMP with pdfuaid:part=1, the title shown in the window title, /Lang en-GB, page labels,
 * the workbook snapshot attached, and the PDF/UA fixes Chromium needs (ACCESSIBILITY.md §3.3): /Contents on link
 * annotations, untagged painting marked as artifacts, and list items split into Lbl + LBody.
 */
import {
  AFRelationship,
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { headingsOf, inlineText, referenceNumbers, type DocModel, type Inline } from '../model';
import { artifactUntagged } from './content-stream';
import { N } from './pdf-name';
import { demoteRepeatedHeaders, fixListItems, roleMapNonStandard, surveyStructure } from './structure-fixes';
import { portableZlib, type ZlibCodec } from './zlib-codec';
import { escapeMarkup as xmlEsc } from '../markup';

export interface FinishOptions {
  /**
   * What the document carries of its workbook (shared/model/document-snapshot.ts: its own scope, never notes,
   * other partners, drafts or names), attached as workbook-snapshot.json when the officer chose to; null attaches
   * nothing.
   */
  readonly workbookSnapshot: string | null;
  /** Flate for the page streams; portable by default. */
  readonly zlib?: ZlibCodec;
}

export const SNAPSHOT_NAME = 'workbook-snapshot.json';

const latin1 = (bytes: Uint8Array) => {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]));
  return parts.join('');
};
function joinStreams(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    out[at + p.length] = 0x0a;
    at += p.length + 1;
  }
  return out;
}

function streamBytes(s: PDFObject | undefined, zlib: ZlibCodec): Uint8Array | null {
  // Either codec inflates an order of magnitude faster than pdf-lib's own decoder; used for plain Flate streams.
  if (s instanceof PDFRawStream && s.dict.get(N('Filter')) === N('FlateDecode') && !s.dict.get(N('DecodeParms'))) {
    try {
      return zlib.inflate(s.contents);
    } catch {
      return decodePDFRawStream(s).decode();
    }
  }
  if (s instanceof PDFRawStream) return decodePDFRawStream(s).decode();
  if (s instanceof PDFStream) return s.getContents();
  return null;
}

/** Accessible names for link targets, from the document's own data (Chromium drops aria-label on links). */
export function linkNames(doc: DocModel): Map<string, string> {
  const names = new Map<string, string>();
  for (const h of headingsOf(doc)) names.set(h.id, `Go to section: ${h.text}`);
  const refs = referenceNumbers(doc);
  for (const r of doc.references) {
    names.set(`ref-${r.id}`, `Reference ${refs.get(r.id)}: ${r.text}`);
    if (r.url) names.set(r.url, `${r.text} (opens ${r.url})`);
  }
  const visit = (content: readonly Inline[]) => {
    for (const i of content) if (i.kind === 'link') names.set(i.href.startsWith('#') ? i.href.slice(1) : i.href, inlineText(i.children) || i.href);
  };
  for (const s of doc.sections)
    for (const b of s.blocks) {
      if (b.kind === 'paragraph' || b.kind === 'heading') visit(b.content);
      if (b.kind === 'list') for (const it of b.items) visit(it.content);
      if (b.kind === 'table') for (const row of b.rows) for (const c of row) visit(c.content);
      if (b.kind === 'callout') for (const x of b.blocks) if (x.kind === 'paragraph') visit(x.content);
    }
  return names;
}

function xmp(doc: DocModel, producer: string): string {
  const p = doc.properties;
  const date = p.generatedAt;
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEsc(p.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${xmlEsc(p.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlEsc(p.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>${xmlEsc(producer)}</pdf:Producer>
<pdf:Keywords>${xmlEsc(p.keywords.join(', '))}</pdf:Keywords>
<xmp:CreatorTool>Alignment Workbench</xmp:CreatorTool>
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:MetadataDate>${date}</xmp:MetadataDate>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

function linkTarget(annot: PDFDict, lookup: (o: PDFObject | undefined) => PDFObject | undefined): string {
  const text = (o: PDFObject | undefined) => {
    const v = lookup(o);
    if (v instanceof PDFString || v instanceof PDFHexString) return v.decodeText();
    if (v instanceof PDFName) return v.decodeText();
    return '';
  };
  const action = lookup(annot.get(N('A')));
  if (action instanceof PDFDict) {
    const uri = text(action.get(N('URI')));
    if (uri) return uri;
    const d = text(action.get(N('D')));
    if (d) return d;
  }
  return text(annot.get(N('Dest')));
}

/** Artifacts untagged painting on every page; pages whose streams cannot be read safely are left unchanged. */
function artifactPages(pdf: PDFDocument, zlib: ZlibCodec, demoted: ReadonlyMap<PDFObject, ReadonlySet<number>>): number {
  const ctx = pdf.context;
  const lookup = (o: PDFObject | undefined) => (o instanceof PDFRef ? ctx.lookup(o) : o);
  let total = 0;
  // Whether a form XObject carries tags of its own, by object: pages share forms, and each answer costs an inflate.
  const formTagged = new Map<PDFObject, boolean>();
  for (const page of pdf.getPages()) {
    const contents = lookup(page.node.get(N('Contents')));
    const streams = contents instanceof PDFArray ? contents.asArray().map(lookup) : [contents];
    const parts = streams.map((x) => streamBytes(x, zlib));
    if (parts.some((p) => p === null)) continue;
    // Several streams are one content stream, read as if joined by white space.
    const source = parts.length === 1 ? parts[0]! : joinStreams(parts as Uint8Array[]);
    const xobjects = lookup((lookup(page.node.get(N('Resources'))) as PDFDict | undefined)?.get(N('XObject')));
    const taggedForm = (name: string) => {
      if (!(xobjects instanceof PDFDict)) return false;
      const x = lookup(xobjects.get(N(name)));
      if (!(x instanceof PDFStream) || x.dict.get(N('Subtype')) !== N('Form')) return false;
      let tagged = formTagged.get(x);
      if (tagged === undefined) {
        const bytes = streamBytes(x, zlib);
        formTagged.set(x, (tagged = bytes !== null && /BDC|BMC/.test(latin1(bytes))));
      }
      return tagged;
    };
    const result = artifactUntagged(source, taggedForm, demoted.get(page.ref) ?? new Set());
    if (!result || result.wrapped === 0) continue;
    const stream = ctx.stream(zlib.deflate(result.bytes), { Filter: 'FlateDecode' });
    page.node.set(N('Contents'), ctx.register(stream));
    total += result.wrapped;
  }
  return total;
}

export async function finishPdf(pdfBytes: Uint8Array, doc: DocModel, options: FinishOptions): Promise<Uint8Array> {
  // pdf-lib yields to the event loop every 100 objects by default, which makes a long report take seconds.
  const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false, parseSpeed: Number.POSITIVE_INFINITY });
  const ctx = pdf.context;
  const lookup = (o: PDFObject | undefined) => (o instanceof PDFRef ? ctx.lookup(o) : o);
  const zlib = options.zlib ?? portableZlib;
  const p = doc.properties;
  const when = new Date(p.generatedAt);
  const producer = 'Alignment Workbench (Chromium, pdf-lib)';

  pdf.setTitle(p.title, { showInWindowTitleBar: true });
  pdf.setAuthor(p.author);
  pdf.setSubject(p.subject);
  pdf.setKeywords([...p.keywords]);
  pdf.setCreator('Alignment Workbench');
  pdf.setProducer(producer);
  pdf.setCreationDate(when);
  pdf.setModificationDate(when);
  pdf.setLanguage('en-GB');

  const catalog = pdf.catalog;
  catalog.set(N('MarkInfo'), ctx.obj({ Marked: true }));
  const metadata = ctx.stream(xmp(doc, producer), { Type: 'Metadata', Subtype: 'XML' });
  catalog.set(N('Metadata'), ctx.register(metadata));

  // Page labels: the cover, then the numbers the footer prints ("Page 2 of 9" is labelled 2).
  const pageCount = pdf.getPageCount();
  catalog.set(
    N('PageLabels'),
    ctx.obj({ Nums: pageCount > 1 ? [0, { P: PDFString.of('Cover') }, 1, { S: 'D', St: 2 }] : [0, { P: PDFString.of('Cover') }] }),
  );

  const names = linkNames(doc);
  for (const page of pdf.getPages()) {
    const annots = lookup(page.node.get(N('Annots')));
    if (!(annots instanceof PDFArray) || annots.size() === 0) continue;
    page.node.set(N('Tabs'), N('S'));
    for (const a of annots.asArray()) {
      const annot = lookup(a);
      if (!(annot instanceof PDFDict) || annot.get(N('Subtype')) !== N('Link')) continue;
      const target = linkTarget(annot, lookup);
      const name = names.get(target) ?? (target.startsWith('http') ? `Link to ${target}` : `Link within this document${target ? `: ${target}` : ''}`);
      annot.set(N('Contents'), PDFHexString.fromText(name));
    }
  }

  const survey = surveyStructure(pdf);
  if (survey) {
    fixListItems(pdf, survey);
    roleMapNonStandard(pdf, survey);
  }
  artifactPages(pdf, zlib, survey ? demoteRepeatedHeaders(pdf, survey) : new Map());

  if (options.workbookSnapshot !== null)
    await pdf.attach(new TextEncoder().encode(options.workbookSnapshot), SNAPSHOT_NAME, {
      mimeType: 'application/json',
      description: 'The part of the workbook this document was made from (its scope only), so it can be checked or made again.',
      creationDate: when,
      modificationDate: when,
      afRelationship: AFRelationship.Source,
    });

  return pdf.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY });
}

/**
 * Reads named destinations straight from the file when its objects are written plainly, as Chromium writes them:
 * parsing a long report with pdf-lib only to read one dictionary takes most of a second. Null when the file is
 * laid out any other way (object streams, name trees), and the full parse is used instead.
 */
function quickDestinations(pdfBytes: Uint8Array): Record<string, number> | null {
  const s = latin1(pdfBytes);
  const offsets = new Map<number, number>();
  for (const m of s.matchAll(/(?:^|[\r\n])(\d+) 0 obj\b/g)) offsets.set(Number(m[1]), m.index + m[0].length);
  const body = (n: number): string | null => {
    const at = offsets.get(n);
    if (at === undefined) return null;
    const end = s.indexOf('endobj', at);
    return end < 0 ? null : s.slice(at, end);
  };
  const trailerRoot = [...s.matchAll(/\/Root (\d+) 0 R/g)].pop();
  const catalog = trailerRoot ? body(Number(trailerRoot[1])) : null;
  if (!catalog || /\/Names\b/.test(catalog)) return null;
  const destsRef = /\/Dests (\d+) 0 R/.exec(catalog);
  const pagesRef = /\/Pages (\d+) 0 R/.exec(catalog);
  if (!destsRef || !pagesRef) return null;
  const pageOrder: number[] = [];
  const visit = (n: number, depth: number): boolean => {
    const b = body(n);
    if (b === null || depth > 20) return false;
    if (/\/Type\s*\/Pages\b/.test(b)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(b);
      if (!kids) return false;
      for (const k of kids[1]!.matchAll(/(\d+) 0 R/g)) if (!visit(Number(k[1]), depth + 1)) return false;
      return true;
    }
    pageOrder.push(n);
    return true;
  };
  if (!visit(Number(pagesRef[1]), 0)) return null;
  const dests = body(Number(destsRef[1]));
  if (dests === null) return null;
  const pageOf = new Map(pageOrder.map((n, i) => [n, i + 1]));
  const out: Record<string, number> = {};
  for (const m of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+) 0 R/g)) {
    const page = pageOf.get(Number(m[2]));
    if (page !== undefined) out[m[1]!.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))] = page;
  }
  return out;
}

/** The page (1-based) each heading's named destination points to, read from a printed PDF. */
export async function headingPagesFromPdf(pdfBytes: Uint8Array): Promise<Record<string, number>> {
  const quick = quickDestinations(pdfBytes);
  if (quick) return quick;
  const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false, parseSpeed: Number.POSITIVE_INFINITY });
  const ctx = pdf.context;
  const lookup = (o: PDFObject | undefined) => (o instanceof PDFRef ? ctx.lookup(o) : o);
  const pageIndex = new Map<PDFObject, number>();
  pdf.getPages().forEach((pg, i) => pageIndex.set(pg.ref, i + 1));
  const out: Record<string, number> = {};
  const record = (name: string, dest: PDFObject | undefined) => {
    let d = lookup(dest);
    if (d instanceof PDFDict) d = lookup(d.get(N('D')));
    if (d instanceof PDFArray) {
      const page = pageIndex.get(d.get(0));
      if (page !== undefined) out[name] = page;
    }
  };
  const dests = lookup(pdf.catalog.get(N('Dests')));
  if (dests instanceof PDFDict) for (const [k, v] of dests.entries()) record(k.decodeText(), v);
  const tree = lookup((lookup(pdf.catalog.get(N('Names'))) as PDFDict | undefined)?.get(N('Dests')));
  const walkTree = (node: PDFObject | undefined) => {
    const d = lookup(node);
    if (!(d instanceof PDFDict)) return;
    const names = lookup(d.get(N('Names')));
    if (names instanceof PDFArray)
      for (let i = 0; i + 1 < names.size(); i += 2) {
        const key = lookup(names.get(i));
        if (key instanceof PDFString || key instanceof PDFHexString) record(key.decodeText(), names.get(i + 1));
      }
    const kids = lookup(d.get(N('Kids')));
    if (kids instanceof PDFArray) for (const k of kids.asArray()) walkTree(k);
  };
  walkTree(tree);
  return out;
}
