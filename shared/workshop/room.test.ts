import { describe, expect, it } from 'vitest';
import { checkRoom, DEFAULT_PROJECTOR_FONT_PX } from './room';

describe('sizing projector type for the room', () => {
  it('reproduces the worked example: 8 m back row, 1.5 m image → about 55 px at 1080 lines', () => {
    expect(checkRoom(8, 1.5)).toEqual({ minimumFontPx: 55, fontPx: 55, warnings: [] });
  });

  it('needs larger type on a smaller image, and warns beyond 6 × the image height', () => {
    const r = checkRoom(12, 1.5)!;
    expect(r.minimumFontPx).toBe(83);
    expect(r.fontPx).toBe(83);
    expect(r.warnings[0]).toMatch(
      /^The back row is 8\.0 times the image height away; .* at least 2\.00 m tall\.$/,
    );
  });

  it('never goes below the default, and ignores missing or nonsense measurements', () => {
    expect(checkRoom(3, 2)!.fontPx).toBe(DEFAULT_PROJECTOR_FONT_PX);
    expect(checkRoom(0, 1.5)).toBeNull();
    expect(checkRoom(8, Number.NaN)).toBeNull();
  });
});
