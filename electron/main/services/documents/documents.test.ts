/**
 * Every built-in template, generated from the complete sample workbook as real Word and PDF files, then opened
 * and checked: the DOCX XML (styles, TOC with page numbers, fields with values, properties, alt text, header
 * rows), the PDF (reloaded with pdf-lib, and with qpdf, pdfinfo, pdffonts, pdfdetach), the same words in both,
 * LibreOffice converting each DOCX, and the project's accessibility checkers. One Chromium serves every test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, type PDFObject } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentPlainText, normaliseText } from '../../../../shared/documents/plain-text';
import { decisionBasis } from '../../../../shared/documents/decision-basis';
import type { DocModel } from '../../../../shared/documents/model';
import { readWorkbookText } from '../../../../shared/model/workbook-format';
import type { Workbook } from '../../../../shared/model/workbook-schema';
import { createChromiumPrinter, findChromium } from './chromium-printer';
import { exportDocument } from './export-document';
import { BUILT_IN_TEMPLATES_DIR, listTemplates } from './template-folders';
import type { PdfPrinter } from '../../../../shared/documents/pdf/printer';

const ROOT = join(import.meta.dirname, '../../../..');
const SHARED_TOOLS = join(ROOT, '../shared/tools/a11y');
const chromium = findChromium();
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

interface Generated {
  readonly id: string;
  readonly docx: Uint8Array;
  readonly pdf: Uint8Array;
  readonly document: DocModel;
  readonly docxPath: string;
  readonly pdfPath: string;
}

const ANSWERS: Record<string, Record<string, string>> = {
  'five-case-business-case': JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/documents/five-case-answers.json'), 'utf8')) as Record<string, string>,
  'committee-report': JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/documents/committee-answers.json'), 'utf8')) as Record<string, string>,
};

let dir = '';
let workbook: Workbook;
let printer: (PdfPrinter & { close(): Promise<void> }) | null = null;
const outputs = new Map<string, Generated>();

function unzip(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).filter(([n]) => n.endsWith('.xml') || n.endsWith('.rels')).map(([n, b]) => [n, strFromU8(b)]));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'awb-documents-'));
  const read = readWorkbookText(readFileSync(join(ROOT, 'tests/fixtures/complete-workbook.awbook'), 'utf8'));
  if (!read.ok) throw new Error(read.error.message);
  workbook = read.value.workbook;
  if (!chromium) return;
  printer = await createChromiumPrinter({ executablePath: chromium });
  const { templates, problems } = await listTemplates(BUILT_IN_TEMPLATES_DIR, []);
  expect(problems).toEqual([]);
  const partnerId = workbook.partners[0]?.id ?? null;
  for (const t of templates) {
    const r = await exportDocument({
      template: t.template,
      workbook,
      answers: ANSWERS[t.id] ?? {},
      // The sample's own business case data, so the appraisal, financial and management tables are checked too.
      // The committee report is based on the fixture's business case, whose figures it prints.
      options: {
        protectiveMarking: 'OFFICIAL',
        generatedAt: new Date('2026-11-28T10:00:00Z'),
        partnerId,
        businessCase: workbook.drafts.find((d) => d.templateId === t.id)?.businessCase ?? null,
        basedOn: decisionBasis(workbook, { id: 'report', basedOnDraftId: workbook.drafts[0]?.id ?? null }),
      },
      formats: ['docx', 'pdf'],
      printer,
      attachment: { serviceIds: null, objectiveIds: null, partnerId, includeNames: false },
    });
    if (!r.ok) throw new Error(`${t.id}: ${r.error.message}`);
    const docxPath = join(dir, `${t.id}.docx`);
    const pdfPath = join(dir, `${t.id}.pdf`);
    writeFileSync(docxPath, r.value.docx!);
    writeFileSync(pdfPath, r.value.pdf!);
    outputs.set(t.id, { id: t.id, docx: r.value.docx!, pdf: r.value.pdf!, document: r.value.document, docxPath, pdfPath });
  }
}, 120_000);

afterAll(async () => {
  await printer?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The alignment statement is a one-to-two page paper, and a committee report a short one, without a table of contents. */
const hasToc = (id: string) => id !== 'strategic-alignment-statement' && id !== 'committee-report';
const TEMPLATE_IDS = ['five-case-business-case', 'partnership-proposal', 'commissioning-bid', 'strategic-alignment-statement', 'committee-report'];

describe.skipIf(!chromium)('generated Word files', () => {
  it('every built-in template was generated', () => {
    expect([...outputs.keys()].sort()).toEqual([...TEMPLATE_IDS].sort());
  });

  for (const id of TEMPLATE_IDS)
    describe(id, () => {
      const xml = () => unzip(outputs.get(id)!.docx);

      it('uses the built-in styles, each style id once, with outline levels on headings', () => {
        const files = xml();
        const styles = files['word/styles.xml']!;
        const ids = [...styles.matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1]);
        expect(new Set(ids).size).toBe(ids.length);
        const used = new Set([...files['word/document.xml']!.matchAll(/<w:pStyle w:val="([^"]+)"/g)].map((m) => m[1]));
        for (const s of ['Title', 'Heading1', 'Heading2', 'Caption', 'TableText']) expect(used).toContain(s);
        if (hasToc(id)) expect(used).toContain('TOC1');
        expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:outlineLvl w:val="0"\/>/);
        expect(files['word/document.xml']).toContain('w:tblStyle w:val="TableGrid"');
      });

      it.skipIf(!hasToc(id))('has a filled table of contents with page numbers and no dirty fields', () => {
        const doc = xml()['word/document.xml']!;
        const entries = [...doc.matchAll(/PAGEREF (_Toc\d+) \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t xml:space="preserve">(\d+)<\/w:t>/g)];
        expect(entries.length).toBeGreaterThan(2);
        const pages = entries.map((e) => Number(e[2]));
        expect(pages.every((p, i) => i === 0 || p >= pages[i - 1]!)).toBe(true);
        expect(doc).not.toContain('w:dirty="true"');
        expect(xml()['word/settings.xml']).not.toContain('w:updateFields');
      });

      it('writes PAGE and NUMPAGES fields with values', () => {
        const footers = Object.entries(xml()).filter(([n]) => /word\/footer\d+\.xml/.test(n)).map(([, x]) => x).join('');
        expect(footers).toMatch(/<w:fldSimple w:instr="PAGE"><w:r><w:t xml:space="preserve">1<\/w:t><\/w:r><\/w:fldSimple>/);
        expect(footers).toMatch(/NUMPAGES<\/w:instrText><\/w:r><w:r><w:fldChar w:fldCharType="separate"\/><w:t xml:space="preserve">\d+<\/w:t>/);
        expect(footers).toContain('OFFICIAL');
      });

      it('sets the properties, en-GB, auto line spacing and header rows', () => {
        const files = xml();
        const core = files['docProps/core.xml']!;
        const d = outputs.get(id)!.document;
        expect(core).toContain(`<dc:title>${d.properties.title.replace(/&/g, '&amp;')}</dc:title>`);
        expect(core).toContain('<dc:creator>Priya Natarajan');
        expect(core).toMatch(/<cp:keywords>[^<]*libraries/);
        expect(files['docProps/custom.xml']).toContain('Borsetshire County Council');
        expect(files['word/styles.xml']).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="en-GB"/);
        expect(files['word/document.xml']).not.toMatch(/w:lineRule="exact"/);
        expect(files['word/styles.xml']).toContain('w:lineRule="auto"');
        const tables = files['word/document.xml']!.split('<w:tbl>').slice(1);
        expect(tables.length).toBeGreaterThan(0);
        for (const t of tables) expect(t.slice(0, t.indexOf('</w:tr>'))).toContain('<w:tblHeader/>');
        expect(files['word/document.xml']).toMatch(/<w:tblGrid><w:gridCol w:w="\d+"\/>/);
      });

      it('gives every picture alt text and keeps it inline', () => {
        const doc = xml()['word/document.xml']!;
        expect(doc).not.toContain('<wp:anchor');
        for (const m of doc.matchAll(/<wp:docPr [^>]*>/g)) expect(m[0]).toMatch(/descr="[^"]{40,}"/);
      });

      it('passes the Word accessibility checks', () => {
        const checker = join(SHARED_TOOLS, 'check-docx.py');
        if (!existsSync(checker) || !existsSync('/usr/bin/python3')) return console.warn('check-docx.py or /usr/bin/python3 not found: skipped');
        const r = spawnSync('/usr/bin/python3', [checker, outputs.get(id)!.docxPath], { encoding: 'utf8' });
        expect(r.stdout + r.stderr).toMatch(/^PASS/m);
        expect(r.status).toBe(0);
      });
    });

  it.skipIf(!has('soffice'))('LibreOffice converts every generated DOCX without error', () => {
    const profile = mkdtempSync(join(tmpdir(), 'awb-lo-profile-'));
    const out = join(dir, 'lo');
    try {
      const files = TEMPLATE_IDS.map((id) => outputs.get(id)!.docxPath);
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...files], { stdio: 'pipe', timeout: 120_000 });
      for (const id of TEMPLATE_IDS) {
        const pdf = join(out, `${id}.pdf`);
        expect(existsSync(pdf)).toBe(true);
        const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1];
        expect(Number(pages)).toBeGreaterThan(1);
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }, 120_000);
});

const N = (s: string) => PDFName.of(s);

async function structRoles(bytes: Uint8Array): Promise<Set<string>> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const lookup = (o: PDFObject | undefined) => (o instanceof PDFRef ? pdf.context.lookup(o) : o);
  const roles = new Set<string>();
  const walk = (o: PDFObject | undefined, depth: number) => {
    const el = lookup(o);
    if (!(el instanceof PDFDict) || depth > 200) return;
    const s = el.get(N('S'));
    if (s instanceof PDFName) roles.add(s.decodeText());
    const k = lookup(el.get(N('K')));
    for (const kid of k instanceof PDFArray ? k.asArray() : k ? [k] : []) walk(kid, depth + 1);
  };
  walk(pdf.catalog.get(N('StructTreeRoot')), 0);
  return roles;
}

/** Text of the PDF's tagged content, leaving out figures (chart labels), list labels and the table of contents. */
function pdfTaggedText(pdfPath: string): string {
  const out = execFileSync('pdfinfo', ['-struct-text', pdfPath], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = out.split('\n');
  let skipBelow = -1;
  let afterContents = false;
  const parts: string[] = [];
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    const body = line.trim();
    if (skipBelow >= 0 && indent > skipBelow) continue;
    skipBelow = -1;
    if (body.startsWith('"')) {
      const t = body.slice(1, body.lastIndexOf('"'));
      parts.push(t);
      if (t === 'Contents') afterContents = true;
      continue;
    }
    const role = body.split(' ')[0];
    if (role === 'Figure' || role === 'Lbl' || (role === 'L' && afterContents)) {
      if (role === 'L') afterContents = false;
      skipBelow = indent;
    }
  }
  return parts.join('');
}

function docxBodyText(docx: Uint8Array): string {
  const doc = unzip(docx)['word/document.xml']!.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/g, '');
  return [...doc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"))
    .join('');
}

const squash = (s: string) => normaliseText(s).replace(/\s+/g, '');

describe.skipIf(!chromium)('generated PDFs', () => {
  for (const id of TEMPLATE_IDS)
    describe(id, () => {
      it('reloads with metadata, language, outline, page labels, the snapshot and the expected tags', async () => {
        const g = outputs.get(id)!;
        const pdf = await PDFDocument.load(g.pdf, { updateMetadata: false });
        expect(pdf.getPageCount()).toBeGreaterThan(1);
        expect(pdf.getTitle()).toBe(g.document.properties.title);
        expect(pdf.getAuthor()).toMatch(/Priya Natarajan/);
        expect(pdf.catalog.get(N('Lang'))?.toString()).toBe('(en-GB)');
        expect(pdf.catalog.get(N('Outlines'))).toBeDefined();
        expect(pdf.catalog.get(N('PageLabels'))).toBeDefined();
        const roles = await structRoles(g.pdf);
        for (const r of ['Document', 'H1', 'H2', 'P', 'Table', 'TH', 'TD', 'L', 'LI', 'LBody']) expect(roles).toContain(r);
        if (hasToc(id)) expect(roles).toContain('Link');
        if (id === 'five-case-business-case') expect(roles).toContain('Figure');
        const info = execFileSync('pdfinfo', ['-meta', g.pdfPath], { encoding: 'utf8' });
        expect(info).toContain('<pdfuaid:part>1</pdfuaid:part>');
        expect(execFileSync('pdfdetach', ['-list', g.pdfPath], { encoding: 'utf8' })).toContain('workbook-snapshot.json');
        const saved = join(dir, `${id}-snapshot.json`);
        execFileSync('pdfdetach', ['-save', '1', '-o', saved, g.pdfPath]);
        const attached = JSON.parse(readFileSync(saved, 'utf8')) as { workbook: Workbook };
        expect(attached.workbook.id).toBe(workbook.id);
        // The document's scope only: never the workshops (facilitator's notes, who took part), drafts, the officer's
        // notes, or a partner other than the one a proposal is for.
        expect(attached.workbook).toMatchObject({ workshops: [], drafts: [], notes: '', author: '' });
        expect(attached.workbook.partners.map((p) => p.id)).toEqual(workbook.partners[0] ? [workbook.partners[0].id] : []);
        for (const w of workbook.workshops) for (const a of w.activities) if (a.notes) expect(readFileSync(saved, 'utf8')).not.toContain(a.notes);
      });

      it('is tagged, structurally sound and embeds all its fonts', () => {
        const g = outputs.get(id)!;
        expect(spawnSync('qpdf', ['--check', g.pdfPath]).status).toBe(0);
        const info = execFileSync('pdfinfo', [g.pdfPath], { encoding: 'utf8' });
        expect(info).toMatch(/Tagged:\s+yes/);
        expect(info).toMatch(/Page size:\s+594\.96 x 841\.92 pts \(A4\)/);
        const fonts = execFileSync('pdffonts', [g.pdfPath], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
        expect(fonts.length).toBeGreaterThan(0);
        for (const f of fonts) expect(f).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
        expect(fonts.some((f) => f.includes('Arimo'))).toBe(true);
      });

      it('passes the PDF/UA machine checks', () => {
        const checker = join(SHARED_TOOLS, 'check-pdfua.mjs');
        if (!existsSync(checker)) return console.warn('check-pdfua.mjs not found: skipped');
        const r = spawnSync('node', [checker, outputs.get(id)!.pdfPath], { encoding: 'utf8', cwd: ROOT });
        expect(r.stdout + r.stderr).toMatch(/^PASS/m);
      });

      it('says the same as the Word file', () => {
        const g = outputs.get(id)!;
        const fromPdf = squash(pdfTaggedText(g.pdfPath));
        const fromDocx = squash(docxBodyText(g.docx));
        if (fromPdf !== fromDocx) {
          let i = 0;
          while (i < fromPdf.length && fromPdf[i] === fromDocx[i]) i++;
          expect({ pdf: fromPdf.slice(Math.max(0, i - 60), i + 80), docx: fromDocx.slice(Math.max(0, i - 60), i + 80) }).toEqual({ pdf: '', docx: '' });
        }
        // And both carry the document model's words.
        for (const word of documentPlainText(g.document).split(' ').filter((w) => w.length > 12).slice(0, 50)) expect(fromDocx).toContain(squash(word));
      });
    });

  it('numbers the PDF table of contents with the pages the headings are on', async () => {
    const g = outputs.get('five-case-business-case')!;
    const pages = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', g.pdfPath, '-'], { encoding: 'utf8' });
    const entry = /3 Strategic case\s*[._ ]*\s+(\d+)/.exec(pages);
    expect(entry).not.toBeNull();
    const onPage = execFileSync('pdftotext', ['-f', entry![1]!, '-l', entry![1]!, g.pdfPath, '-'], { encoding: 'utf8' });
    expect(onPage).toContain('3 Strategic case');
  });
});

describe('without a browser', () => {
  it('finds Chromium where the tests run, or says where it looked', () => {
    if (!chromium) console.warn('No Chromium found: PDF tests skipped');
    expect(typeof chromium === 'string' || chromium === null).toBe(true);
  });

  it('lists the built-in templates with no problems', async () => {
    const { templates, problems } = await listTemplates(BUILT_IN_TEMPLATES_DIR, []);
    expect(problems).toEqual([]);
    expect(templates.map((t) => t.id).sort()).toEqual([...TEMPLATE_IDS].sort());
    expect(readdirSync(BUILT_IN_TEMPLATES_DIR).filter((f) => !f.startsWith('.')).sort()).toEqual([...TEMPLATE_IDS].sort());
  });
});
