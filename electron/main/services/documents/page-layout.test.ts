/**
 * The PDF's pages, as Chromium lays them out, for the business case from the sample workbook and from a large one
 * (60 objectives × 150 services): the protective marking once on the title page and in the running header and
 * footer after it; no page that ends with a heading, a caption or a table's header row; every page has more on it
 * than a heading. Read with pdftotext, page by page (issue 9, item 6).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allBlocks, headingsOf, type DocModel } from '../../../../shared/documents/model';
import type { Workbook } from '../../../../shared/model/workbook-schema';
import { largeWorkbook, sampleWorkbook } from '../../../../tests/fixtures/documents/workbooks';
import { createChromiumPrinter, findChromium } from './chromium-printer';
import { exportDocument } from './export-document';
import { BUILT_IN_TEMPLATES_DIR, loadTemplateFolder } from './template-folders';

const ROOT = join(import.meta.dirname, '../../../..');
const chromium = findChromium();
const hasPdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;
const answers = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/documents/five-case-answers.json'), 'utf8')) as Record<string, string>;

interface Printed {
  readonly document: DocModel;
  /** Each page's lines of text, the running header and footer left out. */
  readonly pages: string[][];
  /** Each page's whole text. */
  readonly raw: string[];
}

const printed = new Map<string, Printed>();
let dir = '';

function pagesOf(pdfPath: string, title: string): { pages: string[][]; raw: string[] } {
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const raw = text.split('\f').slice(0, -1);
  const running = (l: string) => /^OFFICIAL(\s+Page \d+ of \d+)?$/.test(l) || /^Page \d+ of \d+$/.test(l) || l.startsWith(title.slice(0, 30));
  const pages = raw.map((p) =>
    p
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !running(l)),
  );
  return { pages, raw };
}

const describeIf = chromium && hasPdftotext ? describe : describe.skip;

describeIf('pages of the business case, sample and large workbooks', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'awb-page-layout-'));
    const printer = await createChromiumPrinter({ executablePath: chromium! });
    try {
      const template = await loadTemplateFolder(join(BUILT_IN_TEMPLATES_DIR, 'five-case-business-case'));
      if (!template.ok) throw new Error(template.error.message);
      const books: Array<[string, Workbook]> = [
        ['sample', sampleWorkbook()],
        ['large', largeWorkbook({ objectives: 60, services: 150 })],
      ];
      for (const [name, workbook] of books) {
        const r = await exportDocument({ template: template.value, workbook, answers, options: { protectiveMarking: 'OFFICIAL', generatedAt: new Date('2026-11-28T10:00:00Z') }, formats: ['pdf'], printer });
        if (!r.ok) throw new Error(r.error.message);
        const pdfPath = join(dir, `${name}.pdf`);
        writeFileSync(pdfPath, r.value.pdf!);
        printed.set(name, { document: r.value.document, ...pagesOf(pdfPath, r.value.document.runningTitle) });
      }
    } finally {
      await printer.close();
    }
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(['sample', 'large'])('%s: shows the marking once on the title page, and in the header and footer of every other page', (name) => {
    const { raw } = printed.get(name)!;
    expect(raw.length).toBeGreaterThan(10);
    expect(raw[0]!.match(/OFFICIAL/g)).toHaveLength(1);
    for (const [i, page] of raw.slice(1).entries()) expect(page.match(/OFFICIAL/g)?.length ?? 0, `page ${i + 2}`).toBeGreaterThanOrEqual(2);
  });

  it.each(['sample', 'large'])('%s: ends no page with a heading, a caption or a table header row', (name) => {
    const { document, pages } = printed.get(name)!;
    const headings = new Set(headingsOf(document).map((h) => h.text.replace(/\s+/g, ' ').trim()));
    const headerWords = allBlocks(document)
      .filter((b) => b.kind === 'table')
      .map((t) => new Set(t.kind === 'table' ? t.columns.flatMap((c) => c.header.split(/\s+/)) : []));
    const problems: string[] = [];
    pages.forEach((lines, i) => {
      if (i === 0 || i === pages.length - 1 || lines.length === 0) return;
      const last = lines[lines.length - 1]!.replace(/\s+/g, ' ');
      if (headings.has(last)) problems.push(`page ${i + 1} ends with the heading “${last}”`);
      if (/^(Table|Figure) \d+:/.test(last)) problems.push(`page ${i + 1} ends with the caption “${last}”`);
      const words = last.split(' ');
      if (words.length >= 2 && headerWords.some((h) => words.every((w) => h.has(w)))) problems.push(`page ${i + 1} ends with a table header row “${last}”`);
      if (lines.length === 1 && headings.has(last)) problems.push(`page ${i + 1} carries only a heading`);
    });
    expect(problems).toEqual([]);
  });

  it.each(['sample', 'large'])('%s: starts every figure’s chart on the page of its caption', (name) => {
    const { document, pages } = printed.get(name)!;
    const figures = allBlocks(document).filter((b) => b.kind === 'figure');
    expect(figures.length).toBeGreaterThan(0);
    pages.forEach((lines, i) => {
      const caption = lines.findIndex((l) => /^Figure \d+:/.test(l));
      // The chart's legend follows its caption on the same page.
      if (caption >= 0) expect(lines.slice(caption + 1).some((l) => /Strong\s+Medium/.test(l)), `page ${i + 1}`).toBe(true);
    });
  });
});
