/**
 * Where a long word may break: en-GB hyphenation patterns (the `hyphen` package, from the TeX project), applied
 * only to words too wide for their table column. Kept apart from text-metrics.ts so the app's Review step, which
 * draws charts, does not load the patterns.
 */
// The file itself: the package has no "exports", and Node's ES modules do not import a directory.
import enGb from 'hyphen/en-gb/index.js';
import { SOFT_HYPHEN, textWidth } from './text-metrics';

/**
 * Soft hyphens (en-GB patterns) in each word too wide for `width` points, so a narrow column breaks it at a
 * syllable ("contri-bution") instead of at whatever letter reaches the edge; words that fit are left alone.
 */
export function hyphenateLongWords(s: string, width: number, size: number, isBold = false): string {
  if (textWidth(s, size, isBold) <= width) return s;
  return s.replace(/[\p{L}\p{M}'’]{6,}/gu, (word) => (textWidth(word, size, isBold) > width ? enGb.hyphenateSync(word, { hyphenChar: SOFT_HYPHEN }) : word));
}
