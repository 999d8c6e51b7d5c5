/**
 * Bringing the preview's document up to date in place: only the parts whose HTML changed are replaced, so an edit
 * to one answer redraws the paragraph it is in while every other section, table and chart keeps its nodes (and the
 * reader keeps their place). Runs inside the preview frame (preview-frame.ts), on the sanitised preview HTML.
 */

/** The run of items that differ between two lists: current[start, currentEnd) becomes next[start, nextEnd). */
export interface ChangedRange {
  readonly start: number;
  readonly currentEnd: number;
  readonly nextEnd: number;
}

/**
 * What differs between two lists of serialised nodes: everything between their longest common start and end. An
 * edit, an inserted or a removed block is one run, and what comes after it is still matched (by its HTML, not by
 * its position), so later sections are kept. null when the lists are the same.
 */
export function changedRange(current: readonly string[], next: readonly string[]): ChangedRange | null {
  const shorter = Math.min(current.length, next.length);
  let start = 0;
  while (start < shorter && current[start] === next[start]) start++;
  if (start === current.length && start === next.length) return null;
  let currentEnd = current.length;
  let nextEnd = next.length;
  while (currentEnd > start && nextEnd > start && current[currentEnd - 1] === next[nextEnd - 1]) {
    currentEnd--;
    nextEnd--;
  }
  return { start, currentEnd, nextEnd };
}

/** How many nodes a patch kept and how many it put in, at every level it went down. */
export interface PatchCount {
  kept: number;
  replaced: number;
}

function serialised(node: Node): string {
  if (node instanceof Element) return node.outerHTML;
  return `${node.nodeType}:${node.nodeValue ?? ''}`;
}

/** The same element apart from its children: same tag and the same attributes, in any order. */
function sameShell(a: Node, b: Node): a is Element {
  if (!(a instanceof Element) || !(b instanceof Element) || a.tagName !== b.tagName) return false;
  if (a.attributes.length !== b.attributes.length) return false;
  for (const attr of Array.from(a.attributes)) if (b.getAttribute(attr.name) !== attr.value) return false;
  return true;
}

/**
 * Makes the children of `parent` (the live document) match `next` (nodes of a parsed copy, which this moves across).
 * When one element changed into the same element with other content, it goes down into it instead of replacing it,
 * so a long section is not redrawn for one paragraph. `current` defaults to all of parent's children; the head
 * passes its children without the preview's own (the fonts and the frame's script), which stay where they are.
 */
function patchChildren(parent: Node, next: readonly Node[], count: PatchCount, current: readonly Node[] = Array.from(parent.childNodes)): void {
  const range = changedRange(current.map(serialised), next.map(serialised));
  if (!range) {
    count.kept += current.length;
    return;
  }
  const { start, currentEnd, nextEnd } = range;
  count.kept += start + (current.length - currentEnd);
  const was = current[start];
  const becomes = next[start];
  if (currentEnd - start === 1 && nextEnd - start === 1 && was && becomes && sameShell(was, becomes)) {
    count.kept++;
    patchChildren(was, Array.from(becomes.childNodes), count);
    return;
  }
  const before = current[currentEnd] ?? null;
  const owner = parent.ownerDocument ?? (parent as Document);
  for (const node of current.slice(start, currentEnd)) parent.removeChild(node);
  for (const node of next.slice(start, nextEnd)) {
    parent.insertBefore(owner.adoptNode(node), before && before.parentNode === parent ? before : null);
    count.replaced++;
  }
}

/** The preview's own parts of the head (fonts, the frame's script): never part of a document, never patched. */
export const OWN_ATTRIBUTE = 'data-preview-own';

/** Patches `live` (the frame's document) to show `next` (the new preview HTML, parsed); returns what it did. */
export function patchDocument(live: Document, next: Document): PatchCount {
  const count: PatchCount = { kept: 0, replaced: 0 };
  const ownHead = (n: Node) => !(n instanceof Element && n.hasAttribute(OWN_ATTRIBUTE));
  patchChildren(live.head, Array.from(next.head.childNodes).filter(ownHead), count, Array.from(live.head.childNodes).filter(ownHead));
  patchChildren(live.body, Array.from(next.body.childNodes), count);
  return count;
}
