/**
 * The fonts documents are printed in: Arimo (SIL Open Font License 1.1, from @fontsource/arimo), metric-compatible
 * with Arial, which the Word files name. Embedded in the print HTML as data URLs so a PDF looks the same on any
 * machine, and handed to resvg (as TrueType, which it needs) so the charts in Word use it too.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';

// Not named `require`: electron-vite adds its own `const require` to the ESM main bundle, and two would collide.
const requireHere = createRequire(import.meta.url);

function fontsFolder(): string {
  return join(dirname(requireHere.resolve('@fontsource/arimo/package.json')), 'files');
}

const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 700, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 700, style: 'italic' },
] as const;

const SUBSETS = [
  {
    name: 'latin',
    range: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  },
  {
    name: 'latin-ext',
    range: 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  },
] as const;

let css: string | null = null;

/** @font-face rules for Arimo with the font files inline (about 250 KB of CSS; built once per process). */
export function documentFontCss(): string {
  if (css !== null) return css;
  const dir = fontsFolder();
  const rules: string[] = [];
  for (const subset of SUBSETS)
    for (const face of FACES) {
      const file = join(dir, `arimo-${subset.name}-${face.weight}-${face.style}.woff2`);
      const data = readFileSync(file).toString('base64');
      rules.push(
        `@font-face{font-family:'Arimo';font-style:${face.style};font-weight:${face.weight};src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${subset.range};}`,
      );
    }
  css = rules.join('\n');
  return css;
}

/** WOFF 1.0 → the TrueType file it wraps (each table is zlib-compressed; nothing else changes). */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const dv = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (dv.getUint32(0) !== 0x774f4646) throw new Error('not a WOFF font');
  const flavor = dv.getUint32(4);
  const numTables = dv.getUint16(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const o = 44 + i * 20;
    return { tag: dv.getUint32(o), offset: dv.getUint32(o + 4), compLength: dv.getUint32(o + 8), origLength: dv.getUint32(o + 12), checksum: dv.getUint32(o + 16) };
  });
  let size = 12 + 16 * numTables;
  for (const t of tables) size += (t.origLength + 3) & ~3;
  const out = new Uint8Array(size);
  const ov = new DataView(out.buffer);
  let entrySelector = 0;
  while (1 << (entrySelector + 1) <= numTables) entrySelector++;
  ov.setUint32(0, flavor);
  ov.setUint16(4, numTables);
  ov.setUint16(6, (1 << entrySelector) * 16);
  ov.setUint16(8, entrySelector);
  ov.setUint16(10, numTables * 16 - (1 << entrySelector) * 16);
  let at = 12 + 16 * numTables;
  tables.forEach((t, i) => {
    const src = woff.subarray(t.offset, t.offset + t.compLength);
    const data = t.compLength < t.origLength ? inflateSync(src) : src;
    out.set(data, at);
    const d = 12 + i * 16;
    ov.setUint32(d, t.tag);
    ov.setUint32(d + 4, t.checksum);
    ov.setUint32(d + 8, at);
    ov.setUint32(d + 12, t.origLength);
    at += (t.origLength + 3) & ~3;
  });
  return out;
}

let ttfFiles: string[] | null = null;

/** TrueType copies of Arimo (regular and bold, latin) in a temp folder, for resvg, which reads fonts from files. */
export function chartFontFiles(): string[] {
  if (ttfFiles && ttfFiles.every((f) => existsSync(f))) return ttfFiles;
  const out = join(tmpdir(), 'alignment-workbench-fonts');
  mkdirSync(out, { recursive: true });
  ttfFiles = (['400', '700'] as const).map((w) => {
    const target = join(out, `arimo-latin-${w}-normal.ttf`);
    if (!existsSync(target)) {
      const ttf = woffToSfnt(readFileSync(join(fontsFolder(), `arimo-latin-${w}-normal.woff`)));
      const temp = `${target}.${process.pid}.tmp`;
      writeFileSync(temp, ttf);
      // Another process may have written it meanwhile; both copies are identical, so the rename race is harmless.
      renameSync(temp, target);
    }
    return target;
  });
  return ttfFiles;
}
