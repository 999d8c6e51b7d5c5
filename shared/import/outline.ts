/**
 * Turns text copied from a corporate plan into a hierarchy. Plans arrive numbered ("1.", "1.2", "a)"),
 * bulleted, indented, as Markdown headings or as heading-style lines ("Theme 1: …", "OUR PRIORITIES", "…:"),
 * often with indentation lost in the copy. Rules, in order:
 *  - Markdown headings nest by their level; deeper dotted numbers ("1.2") sit under shallower ones ("1.").
 *  - More indentation means a child.
 *  - At the same indentation, a heading-style line is a parent of list items, and otherwise the marker style
 *    seen first is the parent of a style seen later (how nested lists look when a paste flattens them); but a
 *    plain line is never the parent of a numbered list, which carries its own top level.
 *  - Under a heading or heading-style line, each line is an item unless it reads as prose: several sentences, a
 *    line that starts in lower case (a wrapped line), or one sentence ending in a full stop that neither starts
 *    as a commitment ("Improve …", "We will …", "To …") nor reads as a title. After a list item, a long line or
 *    a sentence describes that item instead of being an item itself.
 *  - "Label: explanation" is the item "Label" with the explanation as its description.
 *  - No line is lost: parseOutlineLines also returns every line with its reading (item, description of the item
 *    above, or left out), for the preview where the officer can change each one.
 */
export interface OutlineNode {
  title: string;
  description: string;
  /** 1-based line in the source text (the row, for a spreadsheet), for messages. */
  line: number;
  /** Unique within one outline: several spreadsheet items can share a row, never a key. */
  key: number;
  children: OutlineNode[];
}

type Marker =
  | { kind: 'heading'; level: number }
  | { kind: 'number'; depth: number }
  | { kind: 'letter'; char: string }
  | { kind: 'roman'; numeral: string }
  | { kind: 'bullet'; char: string }
  | { kind: 'label' }
  | { kind: 'plain' };

interface Line {
  line: number;
  indent: number;
  marker: Marker;
  text: string;
  /** The explanation of a "Label: explanation" line, which becomes the item's description. */
  explanation?: string;
}

/** One line of the source as the parser read it. Blank lines and rules ("---") hold nothing and are not listed. */
export interface OutlineLine {
  /** 1-based line in the source text. */
  line: number;
  /** The line as written, without its list marker. */
  text: string;
  /** An item (with its depth in the outline, 0 at the top), the description of the item above, or left out. */
  reading: { kind: 'item'; depth: number; key: number } | { kind: 'description' } | { kind: 'omitted'; why: string; depth?: number };
}

const BULLETS = '-*•▪◦·‣○●■□–—➢➤✓✔>';

function indentWidth(raw: string): number {
  let w = 0;
  for (const c of raw) {
    if (c === ' ' || c === '\u00a0') w += 1;
    else if (c === '\t') w += 4;
    else break;
  }
  return w;
}

/** Lines that read as headings in a plan: "Theme 1: Health", "Priority two – Economy", "OUR PLACE", "Health:". */
function isLabelLike(text: string): boolean {
  if (/^(theme|priority|ambition|aim|outcome area|pillar|goal|mission|section|part)\b[\s\d\w]{0,12}[:\-–—.]/i.test(text)) return true;
  const letters = text.replace(/[^A-Za-z]/g, '');
  if (letters.length >= 4 && letters === letters.toUpperCase() && text.length <= 80) return true;
  // "We will:" and "This includes:" lead into a list; they do not name a theme.
  if (/^(we|our|this|these|they|it|to|in order to)\b/i.test(text) && text.split(/\s+/).length <= 4) return false;
  return text.endsWith(':') && text.length <= 100;
}

/** "Objective: …", "Theme – …": a word naming the level, then the title. */
const HEADING_WORD = /^(objective|theme|priority|ambition|pillar|goal|mission|outcome area)\s*[:\-–—]\s*\S/i;

function classify(raw: string, line: number): Line | null {
  const trimmed = raw.trim();
  // An empty bullet (Word pastes them) or a rule line ("---", "***") holds no item.
  if ([...trimmed].every((c) => BULLETS.includes(c) || c === ' ')) return null;
  const indent = indentWidth(raw);
  let m = /^(#{1,6})\s+(.+)$/.exec(trimmed);
  if (m) return { line, indent, marker: { kind: 'heading', level: m[1]!.length }, text: m[2]! };
  m = /^(\d{1,3}(?:\.\d{1,3}){0,4})(?:[.)]\s*|\s+)(.+)$/.exec(trimmed);
  if (m && !/^\d{4}/.test(trimmed)) {
    // "1. Objective: Great Environmental Quality" heads the numbered list that follows it (which starts at 1 again).
    if (HEADING_WORD.test(m[2]!)) return { line, indent, marker: { kind: 'label' }, text: m[2]! };
    const depth = m[1]!.split('.').filter((p) => p !== '').length;
    return { line, indent, marker: { kind: 'number', depth }, text: m[2]! };
  }
  m = /^\(?((?:i{1,3}|iv|vi{0,3}|ix|x))[.)]\s+(.+)$/i.exec(trimmed);
  if (m) return { line, indent, marker: { kind: 'roman', numeral: m[1]!.toLowerCase() }, text: m[2]! };
  m = /^\(?([a-z])[.)]\s+(.+)$/i.exec(trimmed);
  if (m) return { line, indent, marker: { kind: 'letter', char: m[1]!.toLowerCase() }, text: m[2]! };
  const first = trimmed[0]!;
  if ((BULLETS.includes(first) && /^.\s+\S/u.test(trimmed)) || /^o\s+[A-Z]/.test(trimmed)) {
    return { line, indent, marker: { kind: 'bullet', char: first }, text: trimmed.slice(1).trim() };
  }
  if (isLabelLike(trimmed)) return { line, indent, marker: { kind: 'label' }, text: trimmed };
  return { line, indent, marker: { kind: 'plain' }, text: trimmed };
}

/** Words a plan's commitments start with: an imperative ("Improve …") or "We will …". */
const COMMITMENT_START =
  /^(?:we\s+will|we['’]ll|we\s+are\s+committed|to|support|improve|increase|reduce|deliver|ensure|enable|promote|protect|develop|create|build|work|help|make|provide|maintain|encourage|invest|grow|keep|continue|strengthen|achieve|attract|empower|enhance|raise|transform|prevent|secure|champion|tackle|tackling|supporting|improving|increasing|reducing|delivering|ensuring|enabling|promoting|protecting|developing|creating|building|working|helping|making|providing|be|get|give|lead|offer|narrow|close|bring|celebrate|connect|embed|expand|focus|involve|listen|manage|plan|put|respond|restore|revitalise|safeguard|set|shape|take|use|value|widen|unlock|boost|cut|drive|double|end|halve|level|lower)\b/i;
/** A finite verb: one sentence with one of these, ending in a full stop, is a statement rather than a title. */
const FINITE_VERB = /\b(?:is|are|was|were|has|have|had|will|would|can|could|must|should|may|does|do|did)\b/i;

/** "Label: explanation", where the label is a short title and the explanation runs on. */
function splitLabel(text: string): { title: string; explanation: string } | null {
  const m = /^([^:]{2,80}?):\s+(\S.{9,})$/.exec(text);
  if (!m) return null;
  const label = m[1]!.trim();
  if (label.split(/\s+/).length > 10 || /[.!?]/.test(label) || /\d$/.test(label)) return null;
  if (/^(theme|priority|ambition|aim|outcome area|pillar|goal|mission|section|part|objective|outcome)\b/i.test(label)) return null;
  return { title: label, explanation: m[2]!.trim() };
}

function styleKey(m: Marker): string {
  switch (m.kind) {
    case 'heading':
      return `h${m.level}`;
    case 'number':
      return `n${m.depth}`;
    case 'bullet':
      return `b${m.char}`;
    default:
      return m.kind;
  }
}

/** Several sentences, or one that ends in a full stop and is a statement rather than a commitment or title. */
function readsAsProse(text: string): boolean {
  if (/[.!?]["”’)]?\s+[A-Z“"‘]/.test(text)) return true;
  if (!/[.!?]$/.test(text) || COMMITMENT_START.test(text) || text.split(/\s+/).length < 6) return false;
  return FINITE_VERB.test(text) || /^(we|our|the|this|these|it|there)\b/i.test(text);
}

/**
 * Prose that describes the previous item rather than being one: only after a heading, label or list item (in a
 * list of plain lines every line is an item, however long). Under a heading, a line is an objective unless it
 * reads as prose; after a list item, a long line or a sentence is the item's explanation.
 */
function isProse(l: Line, previous: Line | null, next: Line | undefined): boolean {
  if (l.marker.kind !== 'plain' || previous === null || previous.marker.kind === 'plain') return false;
  if (l.explanation !== undefined) return false;
  if (/^[a-z]/.test(l.text)) return true;
  // A paragraph a PDF copy broke over lines: this line runs on into a next one that starts in lower case.
  if (next?.marker.kind === 'plain' && /^[a-z]/.test(next.text) && !/[.!?:;]$/.test(l.text)) return true;
  if (previous.marker.kind === 'heading' || previous.marker.kind === 'label') return readsAsProse(l.text);
  const words = l.text.split(/\s+/).length;
  return l.text.length >= 90 || (/[.!?]$/.test(l.text) && words >= 8);
}

function cleanTitle(text: string): string {
  return text
    .replace(/^(theme|priority|ambition|aim|pillar|goal|mission)\s+(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*[:\-–—.]\s*/i, '')
    .replace(/^(objective|theme|priority|ambition|pillar|goal|mission|outcome area)\s*[:\-–—]\s*/i, '')
    .replace(/[:\s]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Open {
  node: OutlineNode;
  line: Line;
  key: string;
}

/** Is `open` a parent of `line`? Only asked when neither is a Markdown heading (headings nest by level). */
function isParentOf(open: Open, line: Line, seenOrder: Map<string, number>): boolean {
  if (open.line.indent < line.indent) return true;
  if (open.line.indent > line.indent) return false;
  const a = open.line.marker;
  const b = line.marker;
  if (a.kind === 'number' && b.kind === 'number') return a.depth < b.depth;
  // A numbered list carries its own top level; a plain line before it is a title, not its parent.
  if (a.kind === 'plain' && b.kind === 'number') return false;
  if (open.key === styleKey(b)) return false;
  if (a.kind === 'label' && b.kind !== 'label') return true;
  if (b.kind === 'label') return false;
  return (seenOrder.get(open.key) ?? 0) < (seenOrder.get(styleKey(b)) ?? 0);
}

export function parseOutline(text: string): OutlineNode[] {
  return parseOutlineLines(text).nodes;
}

/**
 * The outline and every line it was read from. `omitFirst` lines are read as left out whatever they hold (a Word
 * document's introduction, before its first heading or list).
 */
export function parseOutlineLines(text: string, options: { omitFirst?: number } = {}): { nodes: OutlineNode[]; lines: OutlineLine[] } {
  const out: OutlineLine[] = [];
  const lines: Line[] = [];
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((raw, i) => {
      const l = classify(raw, i + 1);
      if (!l) return;
      if (i < (options.omitFirst ?? 0)) {
        out.push({ line: l.line, text: l.text, reading: { kind: 'omitted', why: 'introduction' } });
        return;
      }
      if (l.marker.kind !== 'label' && l.marker.kind !== 'heading') {
        const split = splitLabel(l.text);
        if (split) {
          lines.push({ ...l, text: split.title, explanation: split.explanation });
          return;
        }
      }
      lines.push(l);
    });
  const roots: OutlineNode[] = [];
  const stack: Open[] = [];
  const seenOrder = new Map<string, number>();
  let previous: { node: OutlineNode; line: Line } | null = null;
  let lastLetter: { char: string; indent: number } | null = null;
  const fullText = (l: Line) => (l.explanation === undefined ? l.text : `${l.text}: ${l.explanation}`);

  for (let index = 0; index < lines.length; index++) {
    let line = lines[index]!;
    // "i)" straight after "h)" is the ninth letter, not roman one (likewise "v)" after "u)", "x)" after "w)").
    if (
      line.marker.kind === 'roman' &&
      lastLetter?.indent === line.indent &&
      line.marker.numeral === String.fromCharCode(lastLetter.char.charCodeAt(0) + 1)
    )
      line = { ...line, marker: { kind: 'letter', char: line.marker.numeral } };
    if (line.marker.kind === 'letter') lastLetter = { char: line.marker.char, indent: line.indent };
    if (previous && isProse(line, previous.line, lines[index + 1])) {
      const p = previous.node;
      p.description = p.description ? `${p.description} ${line.text}` : line.text;
      out.push({ line: line.line, text: line.text, reading: { kind: 'description' } });
      continue;
    }
    const key = styleKey(line.marker);
    if (!seenOrder.has(key)) seenOrder.set(key, seenOrder.size);
    const node: OutlineNode = { title: cleanTitle(line.text), description: line.explanation ?? '', line: line.line, key: line.line, children: [] };
    if (node.title === '') {
      // "Priority 1:" alone names nothing; kept in the list, left out, where the officer sees it.
      out.push({ line: line.line, text: fullText(line), reading: { kind: 'omitted', why: 'no title' } });
      continue;
    }

    if (line.marker.kind === 'heading') {
      const level = line.marker.level;
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!.line.marker;
        if (top.kind === 'heading' && top.level < level) break;
        stack.pop();
      }
    } else {
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        if (top.line.marker.kind === 'heading' || isParentOf(top, line, seenOrder)) break;
        stack.pop();
      }
    }
    const parent = stack[stack.length - 1];
    (parent ? parent.node.children : roots).push(node);
    out.push({ line: line.line, text: fullText(line), reading: { kind: 'item', depth: stack.length, key: node.key } });
    stack.push({ node, line, key });
    previous = { node, line };
  }
  out.sort((a, b) => a.line - b.line);
  markListTitles(out, lines);
  return { nodes: roots, lines: out };
}

const LIST_TITLE = 'the title of the list below it';

/**
 * A plain line or label with nothing beneath it, straight before a numbered or bulleted list it does not head
 * ("Our priorities", "We will:"), is the list's title, not an item: read as left out (the officer can keep it).
 */
function markListTitles(out: OutlineLine[], lines: readonly Line[]): void {
  const byLine = new Map(lines.map((l) => [l.line, l]));
  // Backwards, so "Our core aims" above "We will:" above a numbered list are both titles.
  for (let i = out.length - 2; i >= 0; i--) {
    const here = out[i]!;
    const next = out[i + 1]!;
    if (here.reading.kind !== 'item') continue;
    const kind = byLine.get(here.line)?.marker.kind;
    if (kind !== 'plain' && kind !== 'label') continue;
    const nextKind = byLine.get(next.line)?.marker.kind;
    const heads =
      next.reading.kind === 'item' &&
      next.reading.depth === here.reading.depth &&
      (nextKind === 'number' || nextKind === 'bullet' || (kind === 'plain' && nextKind === 'label'));
    const aboveTitle = kind === 'plain' && next.reading.kind === 'omitted' && next.reading.why === LIST_TITLE;
    if (heads || aboveTitle) out[i] = { ...here, reading: { kind: 'omitted', why: LIST_TITLE, depth: here.reading.depth } };
  }
}

export function outlineDepth(nodes: readonly OutlineNode[]): number {
  let max = 0;
  for (const n of nodes) max = Math.max(max, 1 + outlineDepth(n.children));
  return max;
}

export function countNodes(nodes: readonly OutlineNode[]): number {
  return nodes.reduce((n, node) => n + 1 + countNodes(node.children), 0);
}

/** The outline as indented text, two spaces a level: what the command line prints and tests compare. */
export function formatOutline(nodes: readonly OutlineNode[], depth = 0): string {
  return nodes.map((n) => `${'  '.repeat(depth)}${n.title}\n${formatOutline(n.children, depth + 1)}`).join('');
}
