/**
 * Splits a laid-out presenter screen into pages by measurement. The screen is rendered with every unit (a list
 * item marked data-unit; containers that only hold units are marked data-unit-group, so a group's heading goes
 * with its items). Units are hidden and shown in place and counted onto a page until the next one would make the
 * screen taller or wider than the window. A unit too big for any page still gets a page of its own (and the
 * caller can try a roomier layout), so paging always moves on.
 */

/** True when nothing on the page reaches past the window. */
function fitsWindow(root: HTMLElement): boolean {
  const doc = document.documentElement;
  // Rounding: layout sizes are fractional, scroll sizes are whole pixels.
  return root.getBoundingClientRect().height <= doc.clientHeight + 0.5 && doc.scrollWidth <= doc.clientWidth;
}

export interface PageSplit {
  /** The index of the first unit on each page, then the number of units (page p holds starts[p-1]..starts[p]). */
  readonly starts: number[];
  /** Some unit does not fit even on a page of its own. */
  readonly tooBig: boolean;
}

export function splitIntoPages(root: HTMLElement): PageSplit {
  const units = Array.from(root.querySelectorAll<HTMLElement>('[data-unit]'));
  const groups = Array.from(root.querySelectorAll<HTMLElement>('[data-unit-group]')).map((g) => ({
    g,
    members: units.flatMap((u, i) => (g.contains(u) ? [i] : [])),
  }));
  const show = (from: number, to: number) => {
    units.forEach((u, i) => (u.style.display = i >= from && i < to ? '' : 'none'));
    for (const { g, members } of groups)
      g.style.display = members.some((i) => i >= from && i < to) ? '' : 'none';
  };
  const starts = [0];
  let tooBig = false;
  let from = 0;
  while (from < units.length) {
    show(from, from + 1);
    if (!fitsWindow(root)) tooBig = true;
    let to = from + 1;
    while (to < units.length) {
      show(from, to + 1);
      if (!fitsWindow(root)) break;
      to += 1;
    }
    starts.push(to);
    from = to;
  }
  show(0, units.length);
  if (starts.length === 1) starts.push(0);
  return { starts, tooBig };
}
