import { describe, expect, it } from 'vitest';
import { newActivity } from './operations';
import {
  axesProblems,
  canPlace,
  describePlacement,
  gridWarnings,
  nudge,
  place,
  quadrantOf,
  quadrants,
  unplace,
  type TwoByTwo,
} from './two-by-two';

function grid(patch: Partial<TwoByTwo> = {}): TwoByTwo {
  return { ...(newActivity('two-by-two') as TwoByTwo), ...patch };
}

describe('2×2 quadrants', () => {
  it('names impact/effort quadrants the standard way, with a letter, a shape and a named colour', () => {
    const q = quadrants(grid());
    expect(Object.values(q).map((x) => [x.id, x.name, x.letter, x.shape, x.colour.name])).toEqual([
      ['top-left', 'Quick wins', 'Q', 'circle', 'bluish green'],
      ['top-right', 'Major projects', 'M', 'square', 'blue'],
      ['bottom-left', 'Fill-ins', 'F', 'diamond', 'orange'],
      ['bottom-right', 'Time sinks', 'T', 'triangle', 'vermilion'],
    ]);
  });

  it('still names them when the axes are swapped, and describes chosen axes plainly', () => {
    expect(quadrants(grid({ xAxis: 'Impact on residents', yAxis: 'Cost' }))['bottom-right'].name).toBe(
      'Quick wins',
    );
    const custom = quadrants(grid({ xAxis: 'Urgency', yAxis: 'Reach' }));
    expect(custom['top-left'].name).toBe('High reach, low urgency');
    expect(custom['bottom-right'].letter).toBe('D');
  });

  it('puts a point on the centre lines in the upper or right quadrant', () => {
    expect(quadrantOf({ x: 0.5, y: 0.5 })).toBe('top-right');
    expect(quadrantOf({ x: 0.1, y: 0.9 })).toBe('top-left');
    expect(quadrantOf({ x: 0.49, y: 0.49 })).toBe('bottom-left');
  });

  it('requires the axes to be defined before anything is placed', () => {
    const g = grid();
    expect(canPlace(g)).toBe(false);
    expect(axesProblems(g)).toEqual([
      'Agree what “Effort” means before placing anything.',
      'Agree what “Impact” means before placing anything.',
    ]);
    expect(
      canPlace({
        ...g,
        xDefinition: 'Money, staff time, lead time',
        yDefinition: 'Contribution to the named objectives',
      }),
    ).toBe(true);
  });

  it('moves by keyboard in steps and to the edges, clamped to the grid', () => {
    expect(nudge({ x: 0.5, y: 0.5 }, 'ArrowLeft')).toEqual({ x: 0.45, y: 0.5 });
    expect(nudge({ x: 0.5, y: 0.5 }, 'ArrowUp')).toEqual({ x: 0.5, y: 0.55 });
    expect(nudge({ x: 0.98, y: 0.02 }, 'ArrowRight')).toEqual({ x: 1, y: 0.02 });
    expect(nudge({ x: 0.3, y: 0.02 }, 'ArrowDown')).toEqual({ x: 0.3, y: 0 });
    expect(nudge({ x: 0.3, y: 0.4 }, 'Home')).toEqual({ x: 0, y: 0.4 });
    expect(nudge({ x: 0.3, y: 0.4 }, 'PageUp')).toEqual({ x: 0.3, y: 1 });
    expect(nudge({ x: 0.3, y: 0.4 }, 'a')).toBeNull();
  });

  it('places, moves and removes items, keeping positions inside the grid', () => {
    const g = grid({ optionIds: ['a'] });
    place(g, 'a', { x: 1.4, y: -2 });
    expect(g.placements).toEqual([{ optionId: 'a', x: 1, y: 0 }]);
    place(g, 'a', { x: 0.25, y: 0.75 });
    expect(g.placements).toEqual([{ optionId: 'a', x: 0.25, y: 0.75 }]);
    expect(describePlacement(g, g.placements[0]!)).toBe('Quick wins (Impact 75%, Effort 25%)');
    unplace(g, 'a');
    expect(g.placements).toEqual([]);
  });

  it('warns gently when most things are quick wins or nothing is a time sink', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const g = grid({ optionIds: ids });
    for (const [i, id] of ids.entries()) place(g, id, i < 3 ? { x: 0.2, y: 0.8 } : { x: 0.8, y: 0.8 });
    expect(gridWarnings(g)).toEqual([
      'More than half the items (3 of 5) are quick wins. Is the room underestimating the effort?',
      'Nothing is in Time sinks. Is anything honestly low impact and high effort?',
    ]);
    place(g, 'a', { x: 0.9, y: 0.1 });
    place(g, 'b', { x: 0.1, y: 0.1 });
    expect(gridWarnings(g)).toEqual([]);
    // Too few placed to judge.
    expect(gridWarnings(grid({ optionIds: ['a'], placements: [{ optionId: 'a', x: 0.1, y: 0.9 }] }))).toEqual(
      [],
    );
  });
});
