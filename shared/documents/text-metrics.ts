/**
 * How wide text is in the documents' font. Arial (Word) and Arimo (PDF) share
 * Helvetica's widths, so pdf-lib's standard Helvetica metrics measure both without loading a font file. The page
 * estimate, table column widths and chart labels all measure with this, so they agree with each other.
 */
import { StandardFontEmbedder, StandardFonts } from 'pdf-lib';

type FontName = Parameters<typeof StandardFontEmbedder.for>[0];
// Made on first use: decompressing the metrics takes tens of milliseconds that listing templates never needs.
let fonts: { regular: StandardFontEmbedder; bold: StandardFontEmbedder } | null = null;
const metrics = () =>
  (fonts ??= {
    regular: StandardFontEmbedder.for(StandardFonts.Helvetica as unknown as FontName),
    bold: StandardFontEmbedder.for(StandardFonts.HelveticaBold as unknown as FontName),
  });
const widthCache = new Map<string, number>();

/** Width of one character at 1 pt, in points (characters Helvetica lacks, such as emoji, count as an average letter). */
export function charWidth(ch: string, isBold: boolean): number {
  const key = isBold ? `b${ch}` : ch;
  let w = widthCache.get(key);
  if (w === undefined) {
    try {
      w = (isBold ? metrics().bold : metrics().regular).widthOfTextAtSize(ch, 1);
    } catch {
      w = isBold ? 0.61 : 0.556;
    }
    widthCache.set(key, w);
  }
  return w;
}

/** Width of `s` at `size` points, in points; soft hyphens take no room. */
export function textWidth(s: string, size: number, isBold = false): number {
  let w = 0;
  for (const ch of s) if (ch !== SOFT_HYPHEN) w += charWidth(ch, isBold);
  return w * size;
}

export const SOFT_HYPHEN = '\u00AD';

/** The widest word in `s` (split at spaces and hyphens, where lines may break anyway). */
export function longestWordWidth(s: string, size: number, isBold = false): number {
  return Math.max(0, ...s.split(/[\s-]+/).map((w) => textWidth(w, size, isBold)));
}
