/**
 * A draft and a final of the same paper, as real files: the draft's Word file carries each piece of guidance as a
 * comment (word/comments.xml) anchored to its text in word/document.xml, and DRAFT in its headers; the PDF says
 * DRAFT (read back with pdftotext). The final has no comments, no guidance and no DRAFT in either format.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PdfPrinter } from '../../../../shared/documents/pdf/printer';
import { readWorkbookText } from '../../../../shared/model/workbook-format';
import type { Workbook } from '../../../../shared/model/workbook-schema';
import { createChromiumPrinter, findChromium } from './chromium-printer';
import { exportDocument, type ExportOutput } from './export-document';
import { BUILT_IN_TEMPLATES_DIR, listTemplates } from './template-folders';
import { loadSampleWorkbook } from '../../../../shared/samples/sample-workbook';

const ROOT = join(import.meta.dirname, '../../../..');
const chromium = findChromium();
const hasPdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;

let dir = '';
let printer: (PdfPrinter & { close(): Promise<void> }) | null = null;
const made = new Map<'draft' | 'final', ExportOutput>();

const parts = (docx: Uint8Array) =>
  Object.fromEntries(Object.entries(unzipSync(docx)).filter(([n]) => n.endsWith('.xml') || n.endsWith('.rels')).map(([n, b]) => [n, strFromU8(b)]));
const xmlText = (xml: string) => xml.replace(/<[^>]+>/g, '');
function pdfText(pdf: Uint8Array, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

function sampleBusinessCase() {
  const sample = loadSampleWorkbook();
  if (!sample.ok) throw new Error(sample.error.message);
  return sample.value.drafts.find((d) => d.templateId === 'five-case-business-case')?.businessCase ?? null;
}

beforeAll(async () => {
  if (!chromium) return;
  dir = mkdtempSync(join(tmpdir(), 'awb-draft-final-'));
  const read = readWorkbookText(readFileSync(join(ROOT, 'tests/fixtures/complete-workbook.awbook'), 'utf8'));
  if (!read.ok) throw new Error(read.error.message);
  const workbook: Workbook = read.value.workbook;
  const { templates } = await listTemplates(BUILT_IN_TEMPLATES_DIR, []);
  const template = templates.find((t) => t.id === 'five-case-business-case')!.template;
  const answers = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/documents/five-case-answers.json'), 'utf8')) as Record<string, string>;
  printer = await createChromiumPrinter({ executablePath: chromium });
  for (const mode of ['draft', 'final'] as const) {
    const r = await exportDocument({
      template,
      workbook,
      answers,
      // The decision data is the sample's business case (a final needs the full appraisal), bound as the app binds a draft's.
      options: { protectiveMarking: 'OFFICIAL', generatedAt: new Date('2026-11-28T10:00:00Z'), mode, businessCase: sampleBusinessCase() },
      formats: ['docx', 'pdf'],
      printer,
    });
    if (!r.ok) throw new Error(`${mode}: ${r.error.message} ${JSON.stringify(r.error.issues)}`);
    made.set(mode, r.value);
  }
}, 120_000);

afterAll(async () => {
  await printer?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!chromium)('a draft', () => {
  it('carries each piece of guidance as a Word comment anchored to its text', () => {
    const files = parts(made.get('draft')!.docx!);
    const comments = files['word/comments.xml'];
    expect(comments).toBeDefined();
    const ids = [...comments!.matchAll(/<w:comment [^>]*w:id="(\d+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(comments).toContain('w:author="Alignment Workbench"');
    // The five-case answers leave the author's guidance in place: its text is in a comment as well as in the box.
    expect(xmlText(comments!)).toContain('Guidance for the author');
    const doc = files['word/document.xml']!;
    for (const id of ids) {
      const start = doc.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
      const end = doc.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
      const ref = doc.indexOf(`<w:commentReference w:id="${id}"/>`);
      expect(start).toBeGreaterThan(-1);
      expect(end).toBeGreaterThan(start);
      expect(ref).toBeGreaterThan(end);
      // Anchored to text: the range holds a run with words in it.
      expect(xmlText(doc.slice(start, end)).trim()).not.toBe('');
    }
    expect(files['word/_rels/document.xml.rels']).toContain('comments.xml');
  });

  it('says DRAFT in the Word headers and on the title page', () => {
    const files = parts(made.get('draft')!.docx!);
    const headers = Object.entries(files).filter(([n]) => /^word\/header\d+\.xml$/.test(n));
    expect(headers.length).toBeGreaterThan(0);
    for (const [, xml] of headers) expect(xmlText(xml)).toMatch(/^DRAFT/);
    expect(xmlText(files['word/document.xml']!)).toContain('DRAFT: for comment, not for publication');
  });

  it.skipIf(!hasPdftotext)('says DRAFT at the top of every PDF page', () => {
    const pages = pdfText(made.get('draft')!.pdf!, 'draft.pdf').split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(2);
    for (const p of pages) expect(p.trimStart()).toMatch(/^DRAFT/);
  });
});

describe.skipIf(!chromium)('a final', () => {
  it('has no comments, no guidance and no DRAFT in the Word file', () => {
    const files = parts(made.get('final')!.docx!);
    expect(files['word/comments.xml']).toBeUndefined();
    const all = Object.entries(files)
      .filter(([n]) => /^word\/(document|header\d+|footer\d+)\.xml$/.test(n))
      .map(([, x]) => x)
      .join('\n');
    expect(all).not.toContain('commentRangeStart');
    expect(xmlText(all)).not.toMatch(/DRAFT|To complete|Guidance for the author/);
    expect(made.get('final')!.document.status).toBe('final');
  });

  it.skipIf(!hasPdftotext)('has no DRAFT and no guidance in the PDF', () => {
    const text = pdfText(made.get('final')!.pdf!, 'final.pdf');
    expect(text).toContain('Digital Champions');
    expect(text).not.toMatch(/DRAFT|To complete|Guidance for the author/);
  });
});
