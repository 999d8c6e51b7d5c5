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
 * It works on the stream's bytes and records where each operation starts and ends, and what kind of operator ends
 * it, rather than copying its text: the result is the original bytes with a few thousand markers spliced in.
 */

/**
 * What the artifact pass needs to know of an operator. Everything else (colours, text state, q/Q, cm) is `Other`:
 * it is skipped over, never wrapped on its own, and left where it is.
 */
export const OpKind = {
  Other: 0,
  BeginMarked: 1, // BDC
  BeginMarkedPlain: 2, // BMC
  EndMarked: 3, // EMC
  PathStart: 4, // m re (also construction)
  PathBuild: 5, // l c v y h
  Paint: 6, // S s f F f* B B* b b*
  PaintNone: 7, // n (ends a path, paints nothing)
  Clip: 8, // W W*
  BeginText: 9, // BT
  EndText: 10, // ET
  ShowText: 11, // Tj TJ ' "
  Shade: 12, // sh
  Draw: 13, // Do
} as const;

/**
 * The operations of a content stream, in parallel typed arrays rather than one object and one operator string
 * each: a long report's pages hold a quarter of a million operations, and this pass runs on every export.
 * Operation k's operands and operator occupy bytes [start[k], end[k]).
 */
export interface Operations {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly kind: Uint8Array;
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

/** Byte classes: 0 regular, 1 white space, 2 delimiter. */
const CLASS = new Uint8Array(256);
for (const c of [Ch.Space, Ch.LineFeed, Ch.Return, Ch.Tab, Ch.FormFeed, 0]) CLASS[c] = 1;
for (const c of [Ch.OpenParen, Ch.CloseParen, Ch.Less, Ch.Greater, Ch.OpenBracket, Ch.CloseBracket, Ch.OpenBrace, Ch.CloseBrace, Ch.Slash, Ch.Percent]) CLASS[c] = 2;

const OPERAND = -1;
const INLINE_IMAGE = -2;
/** Operators of one or two bytes by (first byte × 256 + second byte); all the others are `Other`. */
const SHORT = new Int8Array(0x10000);
for (const [kind, words] of [
  [OpKind.PathStart, 'm re'],
  [OpKind.PathBuild, 'l c v y h'],
  [OpKind.Paint, 'S s f F f* B B* b b*'],
  [OpKind.PaintNone, 'n'],
  [OpKind.Clip, 'W W*'],
  [OpKind.BeginText, 'BT'],
  [OpKind.EndText, 'ET'],
  [OpKind.ShowText, `Tj TJ ' "`],
  [OpKind.Shade, 'sh'],
  [OpKind.Draw, 'Do'],
  [INLINE_IMAGE, 'BI ID'],
] as const)
  for (const w of words.split(' ')) SHORT[w.charCodeAt(0) * 0x100 + (w.charCodeAt(1) || 0)] = kind;

const [B, D, C, E, M] = ['B', 'D', 'C', 'E', 'M'].map((c) => c.charCodeAt(0)) as [number, number, number, number, number];

/** What a bare word is: an operand keyword, or an operator (any longer than three bytes is of no interest here). */
function classify(src: Uint8Array, start: number, end: number): number {
  const len = end - start;
  if (len <= 2) return SHORT[src[start]! * 0x100 + (len === 2 ? src[start + 1]! : 0)]!;
  if (len === 3) {
    if (src[start + 2] !== C) return OpKind.Other;
    const b0 = src[start]!;
    const b1 = src[start + 1]!;
    if (b0 === B && b1 === D) return OpKind.BeginMarked;
    if (b0 === B && b1 === M) return OpKind.BeginMarkedPlain;
    if (b0 === E && b1 === M) return OpKind.EndMarked;
    return OpKind.Other;
  }
  if (len > 5) return OpKind.Other;
  // true, false and null are operands.
  const w = String.fromCharCode(...src.subarray(start, end));
  return w === 'true' || w === 'false' || w === 'null' ? OPERAND : OpKind.Other;
}

/** Splits a content stream into operations; null when it cannot be read safely. */
export function splitOperations(src: Uint8Array): Operations | null {
  const n = src.length;
  let capacity = Math.max(16, n >> 3);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let kinds = new Uint8Array(capacity);
  let count = 0;
  let i = 0;
  let start = -1;
  while (i < n) {
    const c = src[i]!;
    const cls = CLASS[c]!;
    if (cls === 1) {
      i++;
      continue;
    }
    if (c === Ch.Percent) {
      // A comment ends at the line's end and is not part of any operation.
      while (i < n && src[i] !== Ch.LineFeed && src[i] !== Ch.Return) i++;
      continue;
    }
    if (start < 0) start = i;
    if (cls === 2) {
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
      } else if ((c === Ch.Less || c === Ch.Greater) && src[i + 1] === c) i += 2;
      else if (c === Ch.Less) {
        const close = src.indexOf(Ch.Greater, i);
        if (close < 0) return null;
        i = close + 1;
      } else if (c === Ch.Slash) {
        i++;
        while (i < n && CLASS[src[i]!] === 0) i++;
      } else if (c === Ch.OpenBracket || c === Ch.CloseBracket || c === Ch.OpenBrace || c === Ch.CloseBrace) i++;
      // A lone ) or > belongs to nothing: not a content stream this can read.
      else return null;
      continue;
    }
    // A bare word: a number, true/false/null (operands), or an operator.
    const wordStart = i;
    while (i < n && CLASS[src[i]!] === 0) i++;
    if ((c >= Ch.Zero && c <= Ch.Nine) || c === Ch.Plus || c === Ch.Minus || c === Ch.Dot) continue;
    const kind = classify(src, wordStart, i);
    if (kind === OPERAND) continue;
    if (kind === INLINE_IMAGE) return null;
    if (count === capacity) {
      capacity *= 2;
      const s2 = new Int32Array(capacity);
      const e2 = new Int32Array(capacity);
      const k2 = new Uint8Array(capacity);
      s2.set(starts);
      e2.set(ends);
      k2.set(kinds);
      [starts, ends, kinds] = [s2, e2, k2];
    }
    starts[count] = start;
    ends[count] = i;
    kinds[count] = kind;
    count++;
    start = -1;
  }
  // Operands with no operator after them: the stream is cut short or not a content stream.
  if (start >= 0) return null;
  return { count, start: starts, end: ends, kind: kinds };
}

export interface ArtifactResult {
  readonly bytes: Uint8Array;
  readonly wrapped: number;
}

const OPEN = new TextEncoder().encode('/Artifact BMC\n');
const CLOSE = new TextEncoder().encode('\nEMC\n');

/** Bytes [start, end) as latin1 text, in slices small enough for fromCharCode's argument limit. */
function text(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i += 0x8000) out += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(end, i + 0x8000)) as unknown as number[]);
  return out;
}

const isPathBuild = (k: number) => k === OpKind.PathStart || k === OpKind.PathBuild;
const isPaint = (k: number) => k === OpKind.Paint || k === OpKind.PaintNone;
const isMarkBegin = (k: number) => k === OpKind.BeginMarked || k === OpKind.BeginMarkedPlain;

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
  const { count, start, end, kind } = ops;
  // Edits in stream order: bytes [from, to) are replaced by `insert` (an insertion when from === to).
  const edits: Array<{ from: number; to: number; insert: Uint8Array }> = [];
  let wrapped = 0;
  const wrap = (first: number, last: number) => {
    edits.push({ from: start[first]!, to: start[first]!, insert: OPEN }, { from: end[last]!, to: end[last]!, insert: CLOSE });
    wrapped++;
  };
  let depth = 0;
  for (let k = 0; k < count; k++) {
    const o = kind[k]!;
    if (isMarkBegin(o)) {
      depth++;
      if (o === OpKind.BeginMarked && artifactMcids.size > 0) {
        const mcid = /\/MCID\s+(\d+)/.exec(text(src, start[k]!, end[k]!));
        if (mcid && artifactMcids.has(Number(mcid[1]))) {
          edits.push({ from: start[k]!, to: end[k]!, insert: OPEN });
          wrapped++;
        }
      }
      continue;
    }
    if (o === OpKind.EndMarked) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth > 0) continue;
    if (o === OpKind.PathStart) {
      // Collect the path through its painting operator; clipping paths (W n) paint nothing and stay as they are.
      let j = k;
      while (j < count && isPathBuild(kind[j]!)) j++;
      let clip = false;
      while (j < count && kind[j] === OpKind.Clip) {
        clip = true;
        j++;
      }
      if (j < count && isPaint(kind[j]!)) {
        if (!clip && kind[j] !== OpKind.PaintNone) wrap(k, j);
        k = j;
      } else k = j - 1;
      continue;
    }
    if (o === OpKind.BeginText) {
      let j = k + 1;
      let marked = false;
      let shows = false;
      while (j < count && kind[j] !== OpKind.EndText) {
        const x = kind[j]!;
        if (isMarkBegin(x)) marked = true;
        else if (x === OpKind.ShowText) shows = true;
        j++;
      }
      if (j >= count) return null;
      if (!marked) {
        if (shows) wrap(k, j);
        k = j;
        continue;
      }
      // Mixed text object: walk it, wrapping unmarked show operators one by one.
      let inner = 0;
      for (k = k + 1; k < j; k++) {
        const x = kind[k]!;
        if (isMarkBegin(x)) inner++;
        else if (x === OpKind.EndMarked) inner = Math.max(0, inner - 1);
        else if (inner === 0 && x === OpKind.ShowText) wrap(k, k);
      }
      k = j;
      continue;
    }
    if (o === OpKind.Shade) {
      wrap(k, k);
      continue;
    }
    if (o === OpKind.Draw) {
      const name = /\/([^\s/]+)\s*Do$/.exec(text(src, start[k]!, end[k]!))?.[1] ?? '';
      if (!isTaggedForm(name)) wrap(k, k);
      continue;
    }
    // A painting operator with no recognisable object around it: wrap it alone.
    if (o === OpKind.ShowText || isPaint(o)) wrap(k, k);
  }
  if (edits.length === 0) return { bytes: src, wrapped };
  const size = src.length + edits.reduce((n, e) => n + e.insert.length - (e.to - e.from), 0);
  const out = new Uint8Array(size);
  let from = 0;
  let at = 0;
  for (const e of edits) {
    out.set(src.subarray(from, e.from), at);
    at += e.from - from;
    out.set(e.insert, at);
    at += e.insert.length;
    from = e.to;
  }
  out.set(src.subarray(from), at);
  return { bytes: out, wrapped };
}
