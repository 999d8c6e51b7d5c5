/**
 * Marks untagged painting in a page content stream as an artifact (PDF/UA-1 §7.1, Matterhorn 01-005). Chromium
 * paints page backgrounds, table rules outside cells, the running header and footer (CSS margin boxes) and the odd
 * space outside any marked content; each such graphics object is wrapped in "/Artifact BMC … EMC" without
 * touching tagged content, so the structure tree and its MCIDs stay exactly as they were.
 *
 * The tokeniser reads the whole content-stream grammar (strings with nesting and escapes, hex strings, names,
 * arrays, dictionaries, comments). Inline images (BI … EI) are binary and rare in Chromium output; a stream that
 * has one is returned unchanged rather than risk damaging it.
 *
 * It works on the stream's bytes and records where each operation starts and ends rather than copying its text:
 * a long report's pages hold a quarter of a million operations, and the result is the original bytes with a few
 * thousand markers spliced in.
 */

/** One operation: its operands and operator occupy bytes [start, end) of the stream. */
interface Op {
  readonly start: number;
  readonly end: number;
  readonly operator: string;
}

const enum Ch {
  Tab = 0x09,
  LineFeed = 0x0a,
  FormFeed = 0x0c,
  Return = 0x0d,
  Space = 0x20,
  Percent = 0x25,
  OpenParen = 0x28,
  CloseParen = 0x29,
  Plus = 0x2b,
  Minus = 0x2d,
  Dot = 0x2e,
  Slash = 0x2f,
  Zero = 0x30,
  Nine = 0x39,
  Less = 0x3c,
  Greater = 0x3e,
  OpenBracket = 0x5b,
  Backslash = 0x5c,
  CloseBracket = 0x5d,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
}

const isWhite = (c: number) => c === Ch.Space || c === Ch.LineFeed || c === Ch.Return || c === Ch.Tab || c === Ch.FormFeed || c === 0;
const isDelim = (c: number) =>
  c === Ch.OpenParen ||
  c === Ch.CloseParen ||
  c === Ch.Less ||
  c === Ch.Greater ||
  c === Ch.OpenBracket ||
  c === Ch.CloseBracket ||
  c === Ch.OpenBrace ||
  c === Ch.CloseBrace ||
  c === Ch.Slash ||
  c === Ch.Percent;

/** Bytes [start, end) as latin1 text, in slices small enough for fromCharCode's argument limit. */
function text(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i += 0x8000) out += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(end, i + 0x8000)) as unknown as number[]);
  return out;
}

/**
 * A word of the stream as text. Operators are one to three letters and a long report has hundreds of thousands of
 * them, so those are made from their character codes directly rather than through a copied slice.
 */
function word(src: Uint8Array, start: number, end: number): string {
  switch (end - start) {
    case 1:
      return String.fromCharCode(src[start]!);
    case 2:
      return String.fromCharCode(src[start]!, src[start + 1]!);
    case 3:
      return String.fromCharCode(src[start]!, src[start + 1]!, src[start + 2]!);
    default:
      return text(src, start, end);
  }
}

/** Splits a content stream into operations; null when it cannot be read safely. */
export function splitOperations(src: Uint8Array): Op[] | null {
  const ops: Op[] = [];
  let i = 0;
  let start = -1;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (isWhite(c)) {
      i++;
      continue;
    }
    if (c === Ch.Percent) {
      // A comment ends at the line's end and is not part of any operation.
      while (i < n && src[i] !== Ch.LineFeed && src[i] !== Ch.Return) i++;
      continue;
    }
    if (start < 0) start = i;
    if (c === Ch.OpenParen) {
      let depth = 1;
      i++;
      while (i < n && depth > 0) {
        const x = src[i]!;
        if (x === Ch.Backslash) i += 2;
        else {
          if (x === Ch.OpenParen) depth++;
          else if (x === Ch.CloseParen) depth--;
          i++;
        }
      }
      if (depth !== 0) return null;
      continue;
    }
    if ((c === Ch.Less || c === Ch.Greater) && src[i + 1] === c) {
      i += 2;
      continue;
    }
    if (c === Ch.Less) {
      const end = src.indexOf(Ch.Greater, i);
      if (end < 0) return null;
      i = end + 1;
      continue;
    }
    if (c === Ch.OpenBracket || c === Ch.CloseBracket || c === Ch.OpenBrace || c === Ch.CloseBrace) {
      i++;
      continue;
    }
    if (c === Ch.Slash) {
      i++;
      while (i < n && !isWhite(src[i]!) && !isDelim(src[i]!)) i++;
      continue;
    }
    // A bare word: a number, true/false/null (operands), or an operator.
    const wordStart = i;
    while (i < n && !isWhite(src[i]!) && !isDelim(src[i]!)) i++;
    if (i === wordStart) return null;
    if ((c >= Ch.Zero && c <= Ch.Nine) || c === Ch.Plus || c === Ch.Minus || c === Ch.Dot) continue;
    const operator = word(src, wordStart, i);
    if (operator === 'true' || operator === 'false' || operator === 'null') continue;
    if (operator === 'BI' || operator === 'ID') return null;
    ops.push({ start, end: i, operator });
    start = -1;
  }
  // Operands with no operator after them: the stream is cut short or not a content stream.
  if (start >= 0) return null;
  return ops;
}

const PATH_START = new Set(['m', 're']);
const PATH_BUILD = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const PATH_PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);
const CLIP = new Set(['W', 'W*']);
const TEXT_SHOW = new Set(['Tj', 'TJ', "'", '"']);

export interface ArtifactResult {
  readonly bytes: Uint8Array;
  readonly wrapped: number;
}

const OPEN = new TextEncoder().encode('/Artifact BMC\n');
const CLOSE = new TextEncoder().encode('\nEMC\n');

/**
 * Wraps every painting operation outside marked content in an artifact sequence. Paths are wrapped from their
 * first construction operator to their painting operator; a text object with no marked content inside is wrapped
 * whole; otherwise single text-showing operators are wrapped; Do (when `isTaggedForm` says the form has no tags
 * of its own) and sh are wrapped alone. Returns null when the stream cannot be read.
 */
export function artifactUntagged(
  src: Uint8Array,
  isTaggedForm: (name: string) => boolean = () => false,
  /** Marked content to turn into artifacts (repeated table headers on continuation pages). */
  artifactMcids: ReadonlySet<number> = new Set(),
): ArtifactResult | null {
  const ops = splitOperations(src);
  if (!ops) return null;
  // Edits in stream order: bytes [start, end) are replaced by `insert` (an insertion when start === end).
  const edits: Array<{ start: number; end: number; insert: Uint8Array }> = [];
  let wrapped = 0;
  const wrap = (first: Op, last: Op) => {
    edits.push({ start: first.start, end: first.start, insert: OPEN }, { start: last.end, end: last.end, insert: CLOSE });
    wrapped++;
  };
  let depth = 0;
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!;
    const o = op.operator;
    if (o === 'BDC' || o === 'BMC') {
      depth++;
      if (o === 'BDC' && artifactMcids.size > 0) {
        const mcid = /\/MCID\s+(\d+)/.exec(text(src, op.start, op.end));
        if (mcid && artifactMcids.has(Number(mcid[1]))) {
          edits.push({ start: op.start, end: op.end, insert: OPEN });
          wrapped++;
        }
      }
      continue;
    }
    if (o === 'EMC') {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth > 0) continue;
    if (PATH_START.has(o)) {
      // Collect the path through its painting operator; clipping paths (W n) paint nothing and stay as they are.
      let j = k;
      while (j < ops.length && PATH_BUILD.has(ops[j]!.operator)) j++;
      let clip = false;
      while (j < ops.length && CLIP.has(ops[j]!.operator)) {
        clip = true;
        j++;
      }
      const paint = ops[j];
      if (paint && PATH_PAINT.has(paint.operator)) {
        if (!clip && paint.operator !== 'n') wrap(op, paint);
        k = j;
      } else k = j - 1;
      continue;
    }
    if (o === 'BT') {
      let j = k + 1;
      let marked = false;
      let shows = false;
      while (j < ops.length && ops[j]!.operator !== 'ET') {
        const x = ops[j]!.operator;
        if (x === 'BDC' || x === 'BMC') marked = true;
        else if (TEXT_SHOW.has(x)) shows = true;
        j++;
      }
      if (j >= ops.length) return null;
      if (!marked) {
        if (shows) wrap(op, ops[j]!);
        k = j;
        continue;
      }
      // Mixed text object: walk it, wrapping unmarked show operators one by one.
      let inner = 0;
      for (k = k + 1; k < j; k++) {
        const x = ops[k]!;
        if (x.operator === 'BDC' || x.operator === 'BMC') inner++;
        else if (x.operator === 'EMC') inner = Math.max(0, inner - 1);
        else if (inner === 0 && TEXT_SHOW.has(x.operator)) wrap(x, x);
      }
      k = j;
      continue;
    }
    if (o === 'sh') {
      wrap(op, op);
      continue;
    }
    if (o === 'Do') {
      const name = /\/([^\s/]+)\s*Do$/.exec(text(src, op.start, op.end))?.[1] ?? '';
      if (!isTaggedForm(name)) wrap(op, op);
      continue;
    }
    // A painting operator with no recognisable object around it: wrap it alone.
    if (TEXT_SHOW.has(o) || PATH_PAINT.has(o)) wrap(op, op);
  }
  if (edits.length === 0) return { bytes: src, wrapped };
  const size = src.length + edits.reduce((n, e) => n + e.insert.length - (e.end - e.start), 0);
  const out = new Uint8Array(size);
  let from = 0;
  let at = 0;
  for (const e of edits) {
    out.set(src.subarray(from, e.start), at);
    at += e.start - from;
    out.set(e.insert, at);
    at += e.insert.length;
    from = e.end;
  }
  out.set(src.subarray(from), at);
  return { bytes: out, wrapped };
}
