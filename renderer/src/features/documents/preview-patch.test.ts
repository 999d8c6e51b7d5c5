import { describe, expect, it } from 'vitest';
import { changedRange } from './preview-patch';

const sections = ['<div class="title-page">T</div>', '<div class="section">A</div>', '<div class="section">B</div>', '<div class="section">C</div>'];

describe('changedRange: what a new version of the preview replaces', () => {
  it('is nothing when the versions are the same', () => {
    expect(changedRange(sections, [...sections])).toBeNull();
    expect(changedRange([], [])).toBeNull();
  });

  it('is the one section that changed, keeping those before and after it', () => {
    const next = [sections[0]!, sections[1]!, '<div class="section">B, edited</div>', sections[3]!];
    expect(changedRange(sections, next)).toEqual({ start: 2, currentEnd: 3, nextEnd: 3 });
  });

  it('keeps the sections after an inserted one by their content, not their position', () => {
    const next = [sections[0]!, sections[1]!, '<div class="section">new</div>', sections[2]!, sections[3]!];
    expect(changedRange(sections, next)).toEqual({ start: 2, currentEnd: 2, nextEnd: 3 });
  });

  it('removes a section without touching its neighbours', () => {
    expect(changedRange(sections, [sections[0]!, sections[2]!, sections[3]!])).toEqual({ start: 1, currentEnd: 2, nextEnd: 1 });
  });

  it('replaces one run from the first change to the last', () => {
    const next = [sections[0]!, 'A2', sections[2]!, 'C2'];
    expect(changedRange(sections, next)).toEqual({ start: 1, currentEnd: 4, nextEnd: 4 });
  });

  it('does not match the same item as both common start and common end', () => {
    // ["x"] → ["x", "x"]: one "x" kept at the start, one added after it.
    expect(changedRange(['x'], ['x', 'x'])).toEqual({ start: 1, currentEnd: 1, nextEnd: 2 });
    expect(changedRange(['x', 'x'], ['x'])).toEqual({ start: 1, currentEnd: 2, nextEnd: 1 });
  });

  it('replaces everything when nothing is shared', () => {
    expect(changedRange(['a', 'b'], ['c'])).toEqual({ start: 0, currentEnd: 2, nextEnd: 1 });
    expect(changedRange([], ['c'])).toEqual({ start: 0, currentEnd: 0, nextEnd: 1 });
  });
});
