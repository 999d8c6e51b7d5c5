import { strFromU8, unzipSync } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { DocModel } from '../documents/model';
import { renderDocxWith } from '../documents/docx/render-docx';
import { buildPrintHtml } from '../documents/html/build-print-html';
import { readWorkbookText, serialiseWorkbook } from './workbook-format';
import { createWorkbook } from './new-workbook';
import { stripXmlIllegal, withXmlSafeText } from './xml-text';

const HOSTILE = ['\uFFFE', '\uFFFF', '\uDC00', '\uD800', '\u0001', '\u000B', '\u001F'];
const TINY_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

/** A strict XML parse: any error, even one xmldom would recover from, is an error. */
function wellFormed(xml: string): string[] {
  const errors: string[] = [];
  const report = (message: string) => void errors.push(message);
  new DOMParser({ errorHandler: { warning: () => undefined, error: report, fatalError: report } }).parseFromString(xml, 'text/xml');
  return errors;
}

describe('text XML cannot hold', () => {
  it('is refused when a workbook is read, naming the field and the character', () => {
    for (const bad of HOSTILE) {
      const text = serialiseWorkbook({ ...createWorkbook({ title: 'Plan' }), title: `Plan${bad}2026` });
      const read = readWorkbookText(text);
      expect(read.ok, JSON.stringify(bad)).toBe(false);
      if (read.ok) continue;
      const code = bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      expect(read.error.message).toBe(
        `The workbook has a problem at workbook.title: Contains a character that Word and PDF documents cannot hold (U+${code}, character 5); delete it and type the text again.`,
      );
    }
  });

  it('keeps tabs, line breaks, accents, emoji and whole surrogate pairs', () => {
    const fine = 'Tab\there\nand\r\nthere: café, 📚, \u{1F600}';
    expect(stripXmlIllegal(fine)).toBe(fine);
    expect(stripXmlIllegal('a\uFFFEb\uD800c\u0000d')).toBe('abcd');
    expect(withXmlSafeText({ a: ['x\uFFFF', { b: 'y\u0001' }], n: 3, bytes: TINY_PNG })).toEqual({ a: ['x', { b: 'y' }], n: 3, bytes: TINY_PNG });
  });

  it('is stripped by the Word and print writers, so their output stays well-formed', async () => {
    const poison = HOSTILE.join('');
    const doc: DocModel = {
      properties: { title: `Title${poison}`, subject: 's', author: `A${poison}`, organisation: 'Testshire', language: 'en-GB', keywords: [], description: '', generatedAt: '2026-11-28T10:00:00.000Z', templateId: 't', templateVersion: '1.0.0' },
      marking: 'NONE',
      runningTitle: `Running${poison}`,
      titlePage: { title: `Title${poison}`, subtitle: '', organisation: 'Testshire', details: [] },
      sections: [{ orientation: 'portrait', blocks: [{ kind: 'heading', level: 1, id: 'h', content: [{ kind: 'text', text: `Heading${poison}` }] }, { kind: 'paragraph', content: [{ kind: 'text', text: `Body${poison}text` }] }] }],
      references: [],
    };
    const files = unzipSync(await renderDocxWith(doc, { rasteriseSvg: async () => TINY_PNG }));
    for (const part of ['word/document.xml', 'docProps/core.xml']) {
      const xml = strFromU8(files[part]!);
      expect(wellFormed(xml), part).toEqual([]);
      expect(HOSTILE.filter((c) => xml.includes(c)), part).toEqual([]);
    }
    expect(strFromU8(files['word/document.xml']!)).toContain('Bodytext');
    const html = buildPrintHtml(doc, { fontCss: '' } as Parameters<typeof buildPrintHtml>[1]);
    expect(html).toContain('Bodytext');
    expect(HOSTILE.filter((c) => html.includes(c))).toEqual([]);
  });
});
