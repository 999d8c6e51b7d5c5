/**
 * The Word file's table of contents takes its page numbers from estimatePages (milliseconds), not from docx's own
 * Word layout (seconds for a long report). This checks the two agree on the built-in business case.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorkbookText } from '../../model/workbook-format';
import { bindDocument } from '../bind';
import { loadTemplate } from '../template/load-template';
import { countLines } from './page-estimate';
import { renderDocxWith } from './render-docx';

const ROOT = join(import.meta.dirname, '../../..');
const TINY_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

function bound(id: string, answers: Record<string, string> = {}) {
  const folder = join(ROOT, 'templates', id);
  const files = Object.fromEntries(readdirSync(folder).filter((f) => f.endsWith('.md')).map((f) => [f, readFileSync(join(folder, f), 'utf8')]));
  const t = loadTemplate({ folder, manifestText: readFileSync(join(folder, 'template.json'), 'utf8'), files });
  if (!t.ok) throw new Error(t.error.message);
  const wb = readWorkbookText(readFileSync(join(ROOT, 'tests/fixtures/complete-workbook.awbook'), 'utf8'));
  if (!wb.ok) throw new Error(wb.error.message);
  const r = bindDocument(t.value, wb.value.workbook, answers, { protectiveMarking: 'OFFICIAL', generatedAt: new Date('2026-11-28T10:00:00Z'), partnerId: wb.value.workbook.partners[0]!.id });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.document;
}

async function tocPages(bytes: Uint8Array): Promise<number[]> {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  return [...xml.matchAll(/PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t xml:space="preserve">(\d*)</g)].map((m) => Number(m[1]));
}

describe('line counting', () => {
  it('wraps at spaces as Word does for Arial', () => {
    expect(countLines('word', 100, 12)).toBe(1);
    // About 80 average characters of 12 pt Arial fill one A4 text line (481 pt).
    expect(countLines('abcdefghij '.repeat(7), 481, 12)).toBe(1);
    expect(countLines('abcdefghij '.repeat(9), 481, 12)).toBe(2);
  });
});

describe('page estimate', () => {
  it('numbers the table of contents within a page of docx’s Word layout', async () => {
    const answers = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/documents/five-case-answers.json'), 'utf8')) as Record<string, string>;
    for (const [id, a] of [['five-case-business-case', answers], ['partnership-proposal', {}]] as const) {
      const doc = bound(id, a);
      const ours = await tocPages(await renderDocxWith(doc, { rasteriseSvg: async () => TINY_PNG }));
      const word = await tocPages(await renderDocxWith(doc, { rasteriseSvg: async () => TINY_PNG, pageNumbers: 'word-layout' }));
      expect(ours.length).toBeGreaterThan(5);
      expect(word.length).toBe(ours.length);
      const off = ours.map((p, i) => Math.abs(p - word[i]!));
      expect(Math.max(...off), `${id}: ours ${ours.join(',')} vs Word layout ${word.join(',')}`).toBeLessThanOrEqual(1);
    }
  }, 60_000);
});
