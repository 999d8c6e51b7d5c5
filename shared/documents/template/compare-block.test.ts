/**
 * {{block how-we-compare}} in a generated document: bound from a template for a Kent workbook, rendered to
 * Word, and the figures read back from the document's XML.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../model/new-workbook';
import { ensureLibraryEvidence } from '../../model/operations';
import type { Workbook } from '../../model/workbook-schema';
import { ACTIVITY_EVIDENCE } from '../../reference/activity';
import { bindDocument } from '../bind';
import { renderDocxWith } from '../docx/render-docx';
import { allBlocks, inlineText, type DocModel, type TableBlock } from '../model';
import { loadTemplate } from './load-template';

const TINY_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

function workbook(gss: string | null, name = 'Kent'): Workbook {
  const wb = createWorkbook({ title: `${name} libraries`, now: new Date('2026-12-07T09:00:00Z') });
  if (gss) wb.authority = { gss, name, type: 'County council', region: 'South East', population: null };
  return wb;
}

function generate(wb: Workbook, section = '# Strategic case\n\n{{block how-we-compare}}\n\n{{block references}}\n'): { doc: DocModel; warnings: string[] } {
  const template = loadTemplate({
    folder: 'compare-test',
    manifestText: JSON.stringify({ id: 'compare-test', name: 'Compare test', kind: 'other', version: '1.0.0', document: { title: 'Test' }, questions: [], sections: [{ file: 'a.md' }] }),
    files: { 'a.md': section },
  });
  if (!template.ok) throw new Error(template.error.message);
  const bound = bindDocument(template.value, wb, {}, { protectiveMarking: 'OFFICIAL', generatedAt: new Date('2026-12-07T10:00:00Z') });
  if (!bound.ok) throw new Error(bound.error.message);
  return { doc: bound.value.document, warnings: bound.value.warnings.map((w) => w.message) };
}

const tables = (doc: DocModel) => allBlocks(doc).filter((b): b is TableBlock => b.kind === 'table');
const row = (t: TableBlock, label: string) => t.rows.find((r) => inlineText(r[0]!.content) === label)!.map((c) => inlineText(c.content));

describe('the how-we-compare block', () => {
  it('prints Kent’s figures per 1,000 against its neighbours with the source, and cites the dataset', async () => {
    const wb = workbook('E10000016');
    ensureLibraryEvidence(wb, ACTIVITY_EVIDENCE);
    const { doc } = generate(wb);
    const [table] = tables(doc);
    expect(table!.caption).toBe('How Kent compares: library activity per 1,000 residents, 2023/24, against five nearest neighbours');
    expect(table!.source).toMatch(/^Arts Council England, Libraries Activity Data 2023\/24/);
    // 3,100,468 visits ÷ 1,639,029 residents; rank 5th of 5 among the full-year figures (see benchmark.test.ts).
    expect(row(table!, 'Visits')).toEqual(['Visits', '3,100,468', '1,891.6', expect.stringMatching(/^[\d,]+\.\d$/), expect.stringMatching(/ to /), '5th of 5']);
    expect(row(table!, 'Wi-Fi sessions')[1]).toBe('96,628');
    expect(doc.references.map((r) => r.text)).toEqual([expect.stringContaining('Libraries Activity Data 2023/24')]);

    const files = unzipSync(await renderDocxWith(doc, { rasteriseSvg: async () => TINY_PNG }));
    const xml = strFromU8(files['word/document.xml']!);
    for (const text of ['How Kent compares', '3,100,468', '1,891.6', '5th of 5', 'Essex, North Somerset, Suffolk, Norfolk and West Sussex', 'Arts Council England, Libraries Activity Data 2023/24'])
      expect(xml).toContain(text);
  });

  it('takes a group from the template and says which measures were not reported', () => {
    const { doc } = generate(workbook('E10000029', 'Suffolk'), '{{block how-we-compare group="region"}}\n');
    const [table] = tables(doc);
    expect(table!.caption).toMatch(/against same region$/);
    expect(table!.rows.map((r) => inlineText(r[0]!.content))).not.toContain('Active users');
    const text = allBlocks(doc).filter((b) => b.kind === 'paragraph').map((b) => inlineText(b.content)).join(' ');
    expect(text).toContain('Suffolk did not report active users for the year.');
  });

  it('says plainly when the authority has no data or none is chosen', () => {
    const none = generate(workbook('E06000055', 'Bedford'), '{{block how-we-compare}}\n');
    expect(tables(none.doc)).toHaveLength(0);
    expect(none.warnings.join(' ')).toMatch(/no figures for Bedford/);
    const noAuthority = generate(workbook(null), '{{block how-we-compare}}\n');
    expect(noAuthority.warnings.join(' ')).toMatch(/needs the library authority/);
  });

  it('leaves itself out, silently in the document, for an authority the dataset does not cover (the sample’s fictional county)', () => {
    const fictional = generate(workbook('E10000099', 'Northshire'), '# Context\n\n{{block how-we-compare}}\n');
    expect(allBlocks(fictional.doc).filter((b) => b.kind !== 'heading')).toEqual([]);
    expect(fictional.warnings.join(' ')).toMatch(/does not cover Northshire/);
  });
});

describe('how-we-compare in the built-in templates', () => {
  it('appears in the business case, the commissioning bid and the strategic alignment statement for Kent', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = new URL('../../../templates/', import.meta.url).pathname;
    const wb = workbook('E10000016');
    for (const id of ['five-case-business-case', 'commissioning-bid', 'strategic-alignment-statement']) {
      const folder = join(root, id);
      const files = Object.fromEntries(readdirSync(folder).filter((f) => f.endsWith('.md')).map((f) => [f, readFileSync(join(folder, f), 'utf8')]));
      const template = loadTemplate({ folder, manifestText: readFileSync(join(folder, 'template.json'), 'utf8'), files });
      if (!template.ok) throw new Error(template.error.message);
      const bound = bindDocument(template.value, wb, {}, { protectiveMarking: 'OFFICIAL', generatedAt: new Date('2026-12-07T10:00:00Z') });
      if (!bound.ok) throw new Error(bound.error.message);
      expect(tables(bound.value.document).map((t) => t.caption), id).toContain('How Kent compares: library activity per 1,000 residents, 2023/24, against five nearest neighbours');
    }
  });
});
