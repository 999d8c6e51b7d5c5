/**
 * Sizing the projector type for the room (WORKSHOPS.md §4.1, §5.A.4): the AVIXA "150 rule" (text height × 150 =
 * furthest viewing distance) and DISCAS (the furthest viewer no more than 6 × the image height away). Sizes are
 * CSS pixels on a 1080-line image, taking a capital letter as 0.7 of the font size.
 */

export const DEFAULT_PROJECTOR_FONT_PX = 55;
const LINES = 1080;
const CAP_HEIGHT = 0.7;

export interface RoomCheck {
  /** The smallest font size, in px at 1080 lines, that the back row can read. */
  readonly minimumFontPx: number;
  /** What the presenter should use: the default, or more for a deep room. */
  readonly fontPx: number;
  readonly warnings: readonly string[];
}

export function checkRoom(backRowMetres: number, imageHeightMetres: number): RoomCheck | null {
  if (!(backRowMetres > 0) || !(imageHeightMetres > 0)) return null;
  const charMetres = backRowMetres / 150;
  const minimumFontPx = Math.ceil(((charMetres / imageHeightMetres) * LINES) / CAP_HEIGHT);
  const warnings: string[] = [];
  const ratio = backRowMetres / imageHeightMetres;
  if (ratio > 6)
    warnings.push(
      `The back row is ${ratio.toFixed(1)} times the image height away; detailed text needs it within 6 times. Move people forward, or make the image at least ${(backRowMetres / 6).toFixed(2)} m tall.`,
    );
  if (minimumFontPx > 90)
    warnings.push(
      'Even very large type will be hard to read from the back: fewer words per screen will help.',
    );
  return {
    minimumFontPx,
    fontPx: Math.max(DEFAULT_PROJECTOR_FONT_PX, Math.min(minimumFontPx, 140)),
    warnings,
  };
}
