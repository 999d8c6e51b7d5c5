/**
 * Layout rules the Word file, the print HTML and the charts keep (issue 9, item 6), checked in their output:
 * the DOCX XML, the HTML and its CSS, and the SVG. What Chromium makes of them on real pages is checked in
 * electron/main/services/documents/page-layout.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { hostileWorkbook, sampleWorkbook } from '../../tests/fixtures/documents/workbooks';
import type { Workbook } from '../model/workbook-schema';
import { bindDocument } from './bind';
import { renderChartParts, renderChartSvg, wrapLabel } from './charts/render-chart-svg';
import { CELL_PADDING, FIGURE_MAX_HEIGHT_PT, FIGURE_WIDTH_PT, STYLES } from './docx/layout';
import { renderDocxWith } from './docx/render-docx';
import { buildPrintHtml } from './html/build-print-html';
import type { ChartSpec, DocModel, TableBlock } from './model';
import { tableColumnWidths } from './table-columns';
import { loadTemplate } from './template/load-template';
import { hyphenateLongWords } from './hyphenate';
import { longestWordWidth, SOFT_HYPHEN, textWidth } from './text-metrics';

const ROOT = join(import.meta.dirname, '../..');
const TINY_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

function bound(id: string, wb: Workbook): DocModel {
  const folder = join(ROOT, 'templates', id);
  const files = Object.fromEntries(readdirSync(folder).filter((f) => f.endsWith('.md')).map((f) => [f, readFileSync(join(folder, f), 'utf8')]));
  const t = loadTemplate({ folder, manifestText: readFileSync(join(folder, 'template.json'), 'utf8'), files });
  if (!t.ok) throw new Error(t.error.message);
  const answers = id === 'five-case-business-case' ? (JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/documents/five-case-answers.json'), 'utf8')) as Record<string, string>) : {};
  const r = bindDocument(t.value, wb, answers, { protectiveMarking: 'OFFICIAL', generatedAt: new Date('2026-11-28T10:00:00Z'), partnerId: wb.partners[0]?.id ?? null });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.document;
}

async function documentXml(doc: DocModel): Promise<Record<string, string>> {
  const files = unzipSync(await renderDocxWith(doc, { rasteriseSvg: async () => TINY_PNG }));
  return Object.fromEntries(Object.entries(files).filter(([n]) => n.endsWith('.xml') || n.endsWith('.rels')).map(([n, b]) => [n, strFromU8(b)]));
}

const table = (headers: string[], weights: number[], rows: string[][] = []): TableBlock => ({
  kind: 'table',
  id: 't',
  caption: 'Test',
  columns: headers.map((header, i) => ({ header, width: weights[i]! })),
  rows: rows.map((r) => r.map((text) => ({ content: [{ kind: 'text' as const, text }] }))),
});

describe('table columns', () => {
  it('makes every column at least as wide as its longest header word, and the table as wide as the text', () => {
    const t = table(['Objective', 'Strongest', 'Services', 'Main contributing services', 'Evidenced'], [6, 1, 1, 6, 1]);
    const widths = tableColumnWidths(t, 481.9);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(481.9, 3);
    t.columns.forEach((c, i) => expect(widths[i]!).toBeGreaterThanOrEqual(longestWordWidth(c.header, STYLES.cell.size, true) + CELL_PADDING.horizontal * 2));
    // The wide columns give up the room, keeping their proportion to each other.
    expect(widths[0]! / widths[3]!).toBeCloseTo(1, 5);
  });

  it('keeps a figure on one line, and leaves the model’s widths alone where every word fits', () => {
    const money = table(['Service', 'Cost'], [10, 0.5], [['Rhymetime', '£1,250,000']]);
    const [, cost] = tableColumnWidths(money, 481.9);
    expect(cost!).toBeGreaterThanOrEqual(textWidth('£1,250,000', STYLES.cell.size) + CELL_PADDING.horizontal * 2);
    const roomy = tableColumnWidths(table(['Name', 'Note'], [1, 3]), 400);
    expect(roomy).toEqual([100, 300]);
  });

  it('shares out by need when the headers cannot all fit', () => {
    const many = table(Array.from({ length: 30 }, (_, i) => `Heading${i}`), Array.from({ length: 30 }, () => 1));
    const widths = tableColumnWidths(many, 300);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(300, 3);
  });

  it('hyphenates only words too long for their column, at en-GB syllables', () => {
    expect(hyphenateLongWords('Main contributing services', 200, 10.5)).toBe('Main contributing services');
    const broken = hyphenateLongWords('no contribution recorded', 50, 10.5);
    expect(broken.replaceAll(SOFT_HYPHEN, '-')).toBe('no con-tri-bu-tion recorded');
  });
});

describe('Word file: tables and captions keep together, the marking is shown once on the title page', async () => {
  const xml = await documentXml(bound('five-case-business-case', sampleWorkbook()));
  const body = xml['word/document.xml']!;
  const tables = body.split('<w:tbl>').slice(1);

  it('repeats each header row, never splits a row, and keeps the header row with the first row', () => {
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) {
      const rows = t.split('<w:tr>').slice(1);
      const head = rows[0]!;
      expect(head).toContain('<w:tblHeader/>');
      expect(head).toContain('<w:cantSplit/>');
      // Every paragraph in the header row keeps with the next (the first body row).
      const paragraphs = head.split('<w:p>').slice(1);
      expect(paragraphs.length).toBeGreaterThan(0);
      for (const p of paragraphs) expect(p).toContain('<w:keepNext/>');
      for (const r of rows.slice(1)) expect(r).toContain('<w:cantSplit/>');
    }
  });

  it('keeps every caption with its table or figure', () => {
    const captions = [...body.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Caption"\/>(?:(?!<\/w:p>).)*<\/w:p>/g)].map((m) => m[0]);
    expect(captions.length).toBeGreaterThan(5);
    for (const c of captions) expect(c).toContain('<w:keepNext/>');
  });

  it('puts the marking once on the title page and in every running header and footer after it', () => {
    const titleSection = body.slice(0, body.indexOf('<w:sectPr'));
    expect(titleSection.match(/OFFICIAL/g)).toHaveLength(1);
    const first = /<w:headerReference w:type="first" r:id="(rId\d+)"\/>/.exec(body)?.[1];
    const rels = xml['word/_rels/document.xml.rels']!;
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
    expect(first).toBeDefined();
    expect(target(first!)).toBeDefined();
    expect(xml[`word/${target(first!)}`]).not.toContain('OFFICIAL');
    const headers = Object.entries(xml).filter(([n]) => /^word\/header\d+\.xml$/.test(n));
    const footers = Object.entries(xml).filter(([n]) => /^word\/footer\d+\.xml$/.test(n));
    expect(headers.filter(([, x]) => x.includes('OFFICIAL')).length).toBe(headers.length - 1);
    expect(footers.filter(([, x]) => x.includes('OFFICIAL')).length).toBe(footers.length - 1);
  });

  it('writes optional hyphens in long body words and none in header cells', async () => {
    const hostile = await documentXml(bound('five-case-business-case', hostileWorkbook()));
    const doc = hostile['word/document.xml']!;
    expect(doc).toContain('<w:softHyphen/>');
    for (const t of doc.split('<w:tbl>').slice(1)) expect(t.split('<w:tr>')[1]).not.toContain('softHyphen');
  });
});

describe('print HTML: the same rules in CSS, and the marking once on the title page', () => {
  const doc = bound('five-case-business-case', hostileWorkbook());
  const html = buildPrintHtml(doc, { fontCss: '' });
  const css = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));

  it('keeps header rows and captions with what follows and never breaks a header word', () => {
    expect(css).toMatch(/tbody tr:first-child \{ break-before: avoid;/);
    expect(css).toMatch(/thead \{ display: table-header-group; break-after: avoid;/);
    expect(css).toMatch(/caption \{[^}]*break-after: avoid;[^}]*break-inside: avoid;/);
    expect(css).toMatch(/figcaption \{[^}]*break-after: avoid;[^}]*break-inside: avoid;/);
    expect(css).toMatch(/thead th \{[^}]*overflow-wrap: normal; word-break: normal;/);
    expect(css).toMatch(/h1, h2, h3, h4 \{[^}]*break-after: avoid;/);
  });

  it('gives columns the widths the Word file has, with soft hyphens only in body cells', () => {
    const colgroups = [...html.matchAll(/<colgroup>(.*?)<\/colgroup>/g)].map((m) => [...m[1]!.matchAll(/width:([\d.]+)%/g)].map((w) => Number(w[1])));
    expect(colgroups.length).toBeGreaterThan(3);
    for (const c of colgroups) expect(c.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    const heads = [...html.matchAll(/<thead>.*?<\/thead>/g)].map((m) => m[0]);
    for (const h of heads) expect(h).not.toContain(SOFT_HYPHEN);
    // In body cells, each inside a span hidden from the tags (Chromium's tagged PDF loses text after a bare one).
    const hidden = `<span aria-hidden="true">${SOFT_HYPHEN}</span>`;
    expect([...html.matchAll(/<td[^>]*>(.*?)<\/td>/g)].some((m) => m[1]!.includes(hidden))).toBe(true);
    expect(html.replaceAll(hidden, '')).not.toContain(SOFT_HYPHEN);
  });

  it('shows the marking once on the title page; the running header and footer start on page 2', () => {
    const title = /<div class="title-page">.*?<\/div><\/div>/.exec(html)?.[0] ?? '';
    expect(title.match(/OFFICIAL/g)).toHaveLength(1);
    expect(css).toMatch(/@page :first \{[^\n]*@top-right \{ content: none; \}[^\n]*@bottom-center \{ content: none; \}/);
    expect(css).toMatch(/@top-right \{ content:"OFFICIAL"/);
    expect(css).toMatch(/@bottom-center \{ content:"OFFICIAL"/);
  });
});

describe('charts', () => {
  const long = 'Reduce the number of residents who are offline or lack basic digital skills, especially in the market towns';
  const chart: ChartSpec = {
    type: 'stacked-bar',
    title: 'Coverage',
    valueLabel: 'Number of library services contributing',
    series: [
      { name: 'Strong', shade: 'strength-3' },
      { name: 'Medium', shade: 'strength-2' },
    ],
    bars: [
      { label: long, values: [3, 2] },
      { label: 'Short', values: [0, 0] },
      { label: `Every child ${'Supercalifragilisticexpialidociousnessinformationmanagement'}`, values: [1, 12] },
    ],
  };

  /** Each text element's extent (start, end) along x, from its anchor and measured width. */
  function textBoxes(svg: string) {
    return [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" font-size="([\d.]+)"[^>]*?(text-anchor="(end|middle)")?[^>]*>(.*?)<\/text>/g)].flatMap((m) => {
      const size = Number(m[3]);
      const lines = m[6]!.includes('<tspan') ? [...m[6]!.matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((t) => t[1]!) : [m[6]!];
      return lines.map((l) => {
        const w = textWidth(l.replace(/&amp;/g, '&'), size);
        const x = Number(m[1]);
        const start = m[5] === 'end' ? x - w : m[5] === 'middle' ? x - w / 2 : x;
        return { start, end: start + w, y: Number(m[2]), text: l };
      });
    });
  }

  it('wraps long bar labels onto lines instead of cutting them off, within the viewBox', () => {
    const { svg, width, height } = renderChartSvg(chart);
    expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
    const boxes = textBoxes(svg);
    for (const b of boxes) {
      expect(b.start, b.text).toBeGreaterThanOrEqual(0);
      expect(b.end, b.text).toBeLessThanOrEqual(width);
      expect(b.y).toBeLessThanOrEqual(height);
    }
    // Every word of the long label is there, in order, across its lines.
    const lines = wrapLabel(long, Math.round(640 * 0.4) - 4, 11);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(long);
    for (const l of lines) expect(svg).toContain(`>${l}</tspan>`);
  });

  it('cuts a chart with many bars into parts that each fit a page, on one scale', () => {
    const many: ChartSpec = { ...chart, bars: Array.from({ length: 60 }, (_, i) => ({ label: `${i + 1} ${long}`, values: [i % 4, 1] })) };
    const maxHeight = (FIGURE_MAX_HEIGHT_PT.portrait * 640) / FIGURE_WIDTH_PT;
    const parts = renderChartParts(many, maxHeight);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(p.height).toBeLessThanOrEqual(maxHeight);
    const labelled = parts.flatMap((p) => [...p.svg.matchAll(/<tspan x="\d+" >(\d+) /g)].map((m) => Number(m[1])));
    expect(labelled).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    // The same axis in every part.
    const ticks = (svg: string) => [...svg.matchAll(/text-anchor="middle">(\d+)<\/text>/g)].map((m) => m[1]).join(',');
    expect(new Set(parts.map((p) => ticks(p.svg).split(',').slice(-1)[0])).size).toBe(1);
  });
});
