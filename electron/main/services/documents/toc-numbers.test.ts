/**
 * The PDF's table of contents gives the real page of each heading. The sample business case is one where the
 * page estimate (made for Word's layout) is a page out for a few headings in Chromium's, so the contents are
 * numbered again after the first print: here by changing the numbers in the page the printer still holds.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindOptionsForDraft } from '../../../../shared/documents/decision-basis';
import { bindDocument } from '../../../../shared/documents/bind';
import { estimatePages } from '../../../../shared/documents/docx/page-estimate';
import { headingsOf, type DocModel } from '../../../../shared/documents/model';
import { headingPagesFromPdf } from '../../../../shared/documents/pdf/finish-pdf';
import { printDocumentPdf } from '../../../../shared/documents/pdf/print-document-pdf';
import type { PdfPrinter, PrintOptions } from '../../../../shared/documents/pdf/printer';
import { sampleWorkbook } from '../../../../tests/fixtures/documents/workbooks';
import { createChromiumPrinter, findChromium } from './chromium-printer';
import { answersOf } from './document-service';
import { documentFontCss } from './fonts';
import { nodeZlib } from './node-zlib';
import { BUILT_IN_TEMPLATES_DIR, loadTemplateFolder } from './template-folders';

const chromium = findChromium();
const hasPdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;
const describeIf = chromium && hasPdftotext ? describe : describe.skip;

describeIf('the PDF’s table of contents', () => {
  let printer: PdfPrinter & { close(): Promise<void> };
  let doc: DocModel;
  const asked: PrintOptions[] = [];
  let pdf: Uint8Array;
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'awb-toc-'));
    printer = await createChromiumPrinter({ executablePath: chromium! });
    const template = await loadTemplateFolder(join(BUILT_IN_TEMPLATES_DIR, 'five-case-business-case'));
    if (!template.ok) throw new Error(template.error.message);
    const workbook = sampleWorkbook();
    const draft = workbook.drafts.filter((d) => d.templateId === 'five-case-business-case').at(-1)!;
    const bound = bindDocument(template.value, workbook, answersOf(template.value, draft), bindOptionsForDraft(workbook, draft, new Date('2026-11-28T10:00:00Z'), 'draft'));
    if (!bound.ok) throw new Error(bound.error.message);
    doc = bound.value.document;
    const counting: PdfPrinter = {
      print: (html, options = {}) => {
        asked.push(options);
        return printer.print(html, options);
      },
    };
    pdf = (await printDocumentPdf(doc, counting, { fontCss: documentFontCss(), workbookSnapshot: null, zlib: nodeZlib })).pdf;
  });
  afterAll(async () => {
    await printer?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('gives every listed heading the page it is printed on', async () => {
    const real = await headingPagesFromPdf(pdf);
    const file = join(dir, 'case.pdf');
    writeFileSync(file, pdf);
    // The contents are on page 2, after the title page.
    const contents = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' }).split('\n');
    const listed = headingsOf(doc).filter((h) => h.level <= 2);
    expect(listed.length).toBeGreaterThan(10);
    for (const h of listed) {
      const line = contents.find((l) => l.trim().startsWith(h.text.slice(0, 25)));
      expect(line, h.text).toBeDefined();
      expect(Number(/(\d+)\s*$/.exec(line!)?.[1]), h.text).toBe(real[h.id]);
    }
  });

  it('was numbered again, in place, because the estimate was a page out', async () => {
    const estimate = estimatePages(doc).headingPages;
    const real = await headingPagesFromPdf(pdf);
    expect(headingsOf(doc).some((h) => h.level <= 2 && estimate.get(h.id) !== real[h.id])).toBe(true);
    expect(asked).toHaveLength(2);
    expect(asked[1]!.revisionOf?.text.length).toBeGreaterThan(0);
    expect(asked[1]!.revisionOf!.text.every((t) => /^\d+$/.test(t.text))).toBe(true);
  });
});
