/**
 * Where the presenter window goes: on a display other than the one the console is on when there is one (the
 * projector on an extended desktop), full screen either way. With one display (a mirrored projector) it covers
 * the console, which is what the room should see; Escape on it comes back. Pure, so it is tested without Electron.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DisplayInfo {
  readonly id: number;
  readonly bounds: Rect;
}

export interface PresenterPlacementChoice {
  readonly bounds: Rect;
  readonly external: boolean;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export function choosePresenterDisplay(
  displays: readonly DisplayInfo[],
  consoleBounds: Rect,
): PresenterPlacementChoice | null {
  if (displays.length === 0) return null;
  const consoleDisplay = [...displays].sort(
    (a, b) => overlap(b.bounds, consoleBounds) - overlap(a.bounds, consoleBounds),
  )[0]!;
  // The largest other display is the likeliest projector.
  const others = displays
    .filter((d) => d.id !== consoleDisplay.id)
    .sort((a, b) => b.bounds.width * b.bounds.height - a.bounds.width * a.bounds.height);
  const target = others[0] ?? consoleDisplay;
  return { bounds: target.bounds, external: target.id !== consoleDisplay.id };
}
