/**
 * The sample's committee report as real files, made final as the app and the command line make it (the draft's
 * own binding, its business case found through basedOnDraftId): the sections in order in the Word XML and in the
 * PDF's text, the recommendations numbered, and the money and NPSVs of the business case in both.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appraise, financialProfile } from '../../../../shared/analysis/appraisal';
import { bindOptionsForDraft } from '../../../../shared/documents/decision-basis';
import type { PdfPrinter } from '../../../../shared/documents/pdf/printer';
import { pounds } from '../../../../shared/documents/template/block-parts';
import type { Workbook } from '../../../../shared/model/workbook-schema';
import { loadSampleWorkbook } from '../../../../shared/samples/sample-workbook';
import { createChromiumPrinter, findChromium } from './chromium-printer';
import { exportDocument, type ExportOutput } from './export-document';
import { BUILT_IN_TEMPLATES_DIR, loadTemplateFolder } from './template-folders';

const chromium = findChromium();
const hasPdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;

const SECTIONS = [
  '1 Summary',
  '2 Recommendations',
  '3 Reasons for the recommendations',
  '4 Alternative options considered and rejected',
  '5 Background',
  '6 Consultation and engagement',
  '7 Implications',
  '7.1 Financial',
  '7.2 Legal',
  '7.3 Equality',
  '7.4 Human resources',
  '7.5 Property and assets',
  '7.6 Climate and environment',
  '7.7 Risk',
  '7.8 Data protection',
  '8 Appendices',
  '9 Background papers',
  'Appendix A: Equality impact assessment',
];

let dir = '';
let workbook: Workbook;
let printer: (PdfPrinter & { close(): Promise<void> }) | null = null;
let made: ExportOutput;

beforeAll(async () => {
  const sample = loadSampleWorkbook();
  if (!sample.ok) throw new Error(sample.error.message);
  workbook = sample.value;
  if (!chromium) return;
  dir = mkdtempSync(join(tmpdir(), 'awb-committee-'));
  const draft = workbook.drafts.find((d) => d.templateId === 'committee-report')!;
  const template = await loadTemplateFolder(join(BUILT_IN_TEMPLATES_DIR, 'committee-report'));
  if (!template.ok) throw new Error(template.error.message);
  printer = await createChromiumPrinter({ executablePath: chromium });
  const r = await exportDocument({
    template: template.value,
    workbook,
    answers: Object.fromEntries(draft.answers.map((a) => [a.questionId, a.value])),
    options: bindOptionsForDraft(workbook, draft, new Date('2026-11-28T10:00:00Z'), 'final'),
    formats: ['docx', 'pdf'],
    printer,
  });
  if (!r.ok) throw new Error(`${r.error.message} ${JSON.stringify(r.error.issues)}`);
  made = r.value;
}, 120_000);

afterAll(async () => {
  await printer?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Each paragraph of word/document.xml as [style, text, its XML]. */
function wordParagraphs(docx: Uint8Array): Array<[string, string, string]> {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [
    /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? '',
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    m[0],
  ]);
}

function pdfText(pdf: Uint8Array): string {
  const path = join(dir, 'committee-report.pdf');
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
}

/** Positions of each string in the text, searched in order: every one found, each after the one before. */
function inOrder(text: string, wanted: readonly string[]): number[] {
  let from = 0;
  return wanted.map((w) => {
    const at = text.indexOf(w, from);
    if (at >= 0) from = at + w.length;
    return at;
  });
}

const business = () => workbook.drafts.find((d) => d.id === 'drf_nsc_digital_champions')!.businessCase!;

describe.skipIf(!chromium)('the sample’s final committee report as Word and PDF', () => {
  it('has every section in order as Word headings, after the report details', () => {
    const paras = wordParagraphs(made.docx!);
    const headings = paras.filter(([style]) => /^Heading[12]$/.test(style)).map(([, text]) => text);
    expect(headings.filter((h) => !h.startsWith('3.1 '))).toEqual(SECTIONS);
    const texts = paras.map(([, t]) => t);
    expect(texts.indexOf('Table 1: Report details')).toBeLessThan(texts.indexOf('1 Summary'));
    expect(texts).toContain('Cabinet is recommended to:');
    // The recommendations are a numbered list in Word (a numbering reference, not typed numbers).
    const items = paras.filter(([, t]) => /^(approve|delegate|note) /.test(t));
    expect(items).toHaveLength(3);
    for (const [, , xml] of items) expect(xml).toContain('<w:numPr>');
  });

  it.skipIf(!hasPdftotext)('has every section in order in the PDF’s text, and the business case’s figures', () => {
    const text = pdfText(made.pdf!).replace(/\s+/g, ' ');
    expect(inOrder(text, ['Report details', ...SECTIONS]).every((at) => at >= 0)).toBe(true);
    const result = appraise(business().appraisal);
    for (const o of result.shortList) expect(text, o.name).toContain(pounds(o.npsv));
    const p = financialProfile(business())!;
    expect(text).toContain(`Total cost ${p.costs.map(pounds).join(' ')} ${pounds(p.totals.costs)}`);
    expect(text).not.toMatch(/DRAFT|To complete/);
  });
});
