import { describe, expect, it } from 'vitest';
import { choosePresenterDisplay } from './presenter-placement';

const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const projector = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 } };
const monitor = { id: 3, bounds: { x: -2560, y: 0, width: 2560, height: 1440 } };

describe('where the presenter window goes', () => {
  it('goes to the other display when the console is on the laptop', () => {
    expect(choosePresenterDisplay([laptop, projector], { x: 100, y: 100, width: 1200, height: 800 })).toEqual(
      { bounds: projector.bounds, external: true },
    );
  });

  it('goes to the laptop when the console was dragged onto the projector', () => {
    expect(choosePresenterDisplay([laptop, projector], { x: 2000, y: 50, width: 1000, height: 600 })).toEqual(
      { bounds: laptop.bounds, external: true },
    );
  });

  it('picks the largest other display when there are several', () => {
    expect(
      choosePresenterDisplay([laptop, projector, monitor], { x: 0, y: 0, width: 800, height: 600 })?.bounds,
    ).toEqual(monitor.bounds);
  });

  it('covers the only display (a mirrored projector), and has nowhere to go with none', () => {
    expect(choosePresenterDisplay([laptop], { x: 0, y: 0, width: 800, height: 600 })).toEqual({
      bounds: laptop.bounds,
      external: false,
    });
    expect(choosePresenterDisplay([], { x: 0, y: 0, width: 800, height: 600 })).toBeNull();
  });
});
