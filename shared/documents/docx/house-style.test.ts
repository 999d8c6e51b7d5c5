import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import type { DocModel } from '../model';
import { renderDocxWith } from './render-docx';

const TINY_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

const doc: DocModel = {
  properties: { title: 'House style test', subject: 's', author: 'a', organisation: 'Testshire Council', language: 'en-GB', keywords: [], description: '', generatedAt: '2026-11-28T10:00:00.000Z', templateId: 't', templateVersion: '1.0.0' },
  marking: 'OFFICIAL-SENSITIVE',
  runningTitle: 'House style test',
  titlePage: { title: 'House style test', subtitle: '', organisation: 'Testshire Council', details: [] },
  sections: [{ orientation: 'portrait', blocks: [{ kind: 'heading', level: 1, id: 'h', content: [{ kind: 'text', text: 'Überblick' }] }, { kind: 'paragraph', content: [{ kind: 'text', text: 'Body' }] }] }],
  references: [],
};

/** A council template whose heading style has a localised id (as a German Word writes it) and its own font. */
async function councilTemplate(): Promise<Uint8Array> {
  const base = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('x')] }] })));
  const files = unzipSync(base);
  const styles = strFromU8(files['word/styles.xml']!).replace(
    '</w:styles>',
    '<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/><w:color w:val="7A0019"/></w:rPr></w:style></w:styles>',
  );
  files['word/styles.xml'] = strToU8(styles.replace(/<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/, ''));
  return zipSync(files);
}

describe('house style', () => {
  it('uses the council’s styles, finding built-in styles by name when their ids are localised', async () => {
    const bytes = await renderDocxWith(doc, { rasteriseSvg: async () => TINY_PNG, houseStyle: await councilTemplate() });
    const files = unzipSync(bytes);
    const styles = strFromU8(files['word/styles.xml']!);
    const body = strFromU8(files['word/document.xml']!);
    expect(styles).toContain('w:styleId="berschrift1"');
    expect(styles).toContain('Georgia');
    expect(body).toContain('<w:pStyle w:val="berschrift1"/>');
    const ids = [...styles.matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    // Our own styles are still there for what the council's template lacks.
    expect(ids).toContain('SourceNote');
    // The running header carries the marking (the title page's header is empty: the page shows it once itself).
    const headers = Object.keys(files).filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => strFromU8(files[n]!));
    expect(headers.some((h) => h.includes('OFFICIAL-SENSITIVE'))).toBe(true);
  });

  it('refuses a file that is not a Word document, in plain words', async () => {
    await expect(renderDocxWith(doc, { rasteriseSvg: async () => TINY_PNG, houseStyle: new TextEncoder().encode('not a zip') })).rejects.toThrow(
      /not a Word document or template/,
    );
  });
});
