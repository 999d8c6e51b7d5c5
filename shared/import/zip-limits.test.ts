import { Zip, ZipDeflate, zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from './plan-files';
import { checkZip, PLAN_ZIP_LIMITS } from './zip-limits';

/** A zip whose one part unpacks to `megabytes` of spaces, made a megabyte at a time (never held whole). */
function bomb(part: string, megabytes: number): Uint8Array {
  const out: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    out.push(chunk);
  });
  const file = new ZipDeflate(part, { level: 1 });
  zip.add(file);
  const mb = new Uint8Array(1024 * 1024).fill(0x20);
  for (let i = 0; i < megabytes; i++) file.push(mb, i === megabytes - 1);
  zip.end();
  const bytes = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of out) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

/** Rewrites every size the archive declares for its parts (local headers and the table of contents). */
function understate(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let i = 0; i + 4 <= copy.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
    if (sig === 0x08074b50) view.setUint32(i + 12, size, true);
  }
  return copy;
}

const documentBomb = bomb('word/document.xml', 200);

describe('zip limits', () => {
  it('pass an ordinary archive', () => {
    expect(checkZip(zipSync({ 'word/document.xml': strToU8('<w:document/>'), '[Content_Types].xml': strToU8('<Types/>') }))).toBeNull();
  });

  it('refuse an archive that unpacks to 200 MB, by what it declares', () => {
    expect(checkZip(documentBomb)).toEqual({ kind: 'too-large', limit: PLAN_ZIP_LIMITS.maxUnpackedBytes });
  });

  it('refuse an archive that understates its sizes, by unpacking and counting', () => {
    expect(checkZip(understate(documentBomb, 1000))).toEqual({ kind: 'too-large', limit: PLAN_ZIP_LIMITS.maxUnpackedBytes });
  });

  it('refuse an archive of too many parts', () => {
    const parts = Object.fromEntries(Array.from({ length: 2_500 }, (_, i) => [`p/${i}.xml`, strToU8('x')]));
    expect(checkZip(zipSync(parts))).toEqual({ kind: 'too-many-entries', entries: 2_500, limit: 2_000 });
  });

  it('refuse what is not an archive', () => {
    expect(checkZip(strToU8('PK not really a zip'))).toEqual({ kind: 'not-a-zip' });
  });

  it('keep a Word or Excel bomb away from its library, with a plain message', async () => {
    const docx = await readPlanFile('Plan.docx', documentBomb);
    expect(docx).toEqual({
      ok: false,
      error: { code: 'TOO_LARGE', message: '“Plan.docx” unpacks to more than 50 MB, far more than a plan of objectives; the app does not read it.' },
    });
    const xlsx = await readPlanFile('Plan.xlsx', understate(documentBomb, 10));
    expect(xlsx).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', message: expect.stringMatching(/^“Plan\.xlsx” unpacks to more than 50 MB/) } });
  });
});
