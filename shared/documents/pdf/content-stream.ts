/**
 * Marks untagged painting in a page content stream as an artifact (PDF/UA-1 §7.1, Matterhorn 01-005). Chromium
 * paints page backgrounds, table rules outside cells, the running header and footer (CSS margin boxes) and the odd
 * space outside any marked content; each such graphics object is wrapped in "/Artifact BMC … EMC" without
 * touching tagged content, so the structure tree and its MCIDs stay exactly as they were.
 *
 * The tokeniser reads the whole content-stream grammar (strings with nesting and escapes, hex strings, names,
 * arrays, dictionaries, comments). Inline images (BI … EI) are binary and rare in Chromium output; a stream that
 * has one is returned unchanged rather than risk damaging it.
 */

interface Op {
  /** Source text of the operands and the operator, as written. */
  readonly text: string;
  readonly operator: string;
}

const DELIMS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;

/** Splits a content stream (latin1 text) into operations; null when it cannot be read safely. */
export function splitOperations(src: string): Op[] | null {
  const ops: Op[] = [];
  let i = 0;
  let start = -1;
  const n = src.length;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (isWhite(c)) {
      i++;
      continue;
    }
    if (start < 0) start = i;
    const ch = src[i]!;
    if (ch === '%') {
      while (i < n && src[i] !== '\n' && src[i] !== '\r') i++;
      if (start === i || src.slice(start, i).trim().startsWith('%')) start = -1;
      continue;
    }
    if (ch === '(') {
      let depth = 1;
      i++;
      while (i < n && depth > 0) {
        const x = src[i]!;
        if (x === '\\') i += 2;
        else {
          if (x === '(') depth++;
          else if (x === ')') depth--;
          i++;
        }
      }
      if (depth !== 0) return null;
      continue;
    }
    if (ch === '<' && src[i + 1] === '<') {
      i += 2;
      continue;
    }
    if (ch === '>' && src[i + 1] === '>') {
      i += 2;
      continue;
    }
    if (ch === '<') {
      const end = src.indexOf('>', i);
      if (end < 0) return null;
      i = end + 1;
      continue;
    }
    if (ch === '[' || ch === ']' || ch === '{' || ch === '}') {
      i++;
      continue;
    }
    if (ch === '/') {
      i++;
      while (i < n && !isWhite(src.charCodeAt(i)) && !DELIMS.has(src[i]!)) i++;
      continue;
    }
    // A bare word: a number or an operator.
    const wordStart = i;
    while (i < n && !isWhite(src.charCodeAt(i)) && !DELIMS.has(src[i]!)) i++;
    if (i === wordStart) return null;
    const word = src.slice(wordStart, i);
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) || word === 'true' || word === 'false' || word === 'null') continue;
    if (word === 'BI' || word === 'ID') return null;
    ops.push({ text: src.slice(start, i), operator: word });
    start = -1;
  }
  if (start >= 0 && src.slice(start).trim() !== '') return null;
  return ops;
}

const PATH_START = new Set(['m', 're']);
const PATH_BUILD = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const PATH_PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);
const CLIP = new Set(['W', 'W*']);
const TEXT_SHOW = new Set(['Tj', 'TJ', "'", '"']);

export interface ArtifactResult {
  readonly text: string;
  readonly wrapped: number;
}

/**
 * Wraps every painting operation outside marked content in an artifact sequence. Paths are wrapped from their
 * first construction operator to their painting operator; a text object with no marked content inside is wrapped
 * whole; otherwise single text-showing operators are wrapped; Do (when `isTaggedForm` says the form has no tags
 * of its own) and sh are wrapped alone. Returns null when the stream cannot be read.
 */
export function artifactUntagged(
  src: string,
  isTaggedForm: (name: string) => boolean = () => false,
  /** Marked content to turn into artifacts (repeated table headers on continuation pages). */
  artifactMcids: ReadonlySet<number> = new Set(),
): ArtifactResult | null {
  const ops = splitOperations(src);
  if (!ops) return null;
  const out: string[] = [];
  let depth = 0;
  let wrapped = 0;
  const wrap = (texts: string[]) => {
    out.push('/Artifact BMC', ...texts, 'EMC');
    wrapped++;
  };
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!;
    const o = op.operator;
    if (o === 'BDC' || o === 'BMC') {
      depth++;
      const mcid = o === 'BDC' ? /\/MCID\s+(\d+)/.exec(op.text) : null;
      if (mcid && artifactMcids.has(Number(mcid[1]))) {
        out.push('/Artifact BMC');
        wrapped++;
      } else out.push(op.text);
      continue;
    }
    if (o === 'EMC') {
      depth = Math.max(0, depth - 1);
      out.push(op.text);
      continue;
    }
    if (depth > 0) {
      out.push(op.text);
      continue;
    }
    if (PATH_START.has(o)) {
      // Collect the path through its painting operator; clipping paths (W n) paint nothing and stay as they are.
      let j = k;
      while (j < ops.length && PATH_BUILD.has(ops[j]!.operator)) j++;
      const texts = ops.slice(k, j).map((x) => x.text);
      let clip = false;
      while (j < ops.length && CLIP.has(ops[j]!.operator)) {
        texts.push(ops[j]!.text);
        clip = true;
        j++;
      }
      const paint = ops[j];
      if (paint && PATH_PAINT.has(paint.operator)) {
        texts.push(paint.text);
        if (clip || paint.operator === 'n') out.push(...texts);
        else wrap(texts);
        k = j;
      } else {
        out.push(...texts);
        k = j - 1;
      }
      continue;
    }
    if (o === 'BT') {
      let j = k + 1;
      let marked = false;
      while (j < ops.length && ops[j]!.operator !== 'ET') {
        if (ops[j]!.operator === 'BDC' || ops[j]!.operator === 'BMC') marked = true;
        j++;
      }
      if (j >= ops.length) return null;
      if (!marked) {
        const texts = ops.slice(k, j + 1).map((x) => x.text);
        if (ops.slice(k, j).some((x) => TEXT_SHOW.has(x.operator))) wrap(texts);
        else out.push(...texts);
        k = j;
        continue;
      }
      // Mixed text object: walk it, wrapping unmarked show operators one by one.
      out.push(op.text);
      let inner = 0;
      for (k = k + 1; k < j; k++) {
        const x = ops[k]!;
        if (x.operator === 'BDC' || x.operator === 'BMC') inner++;
        else if (x.operator === 'EMC') inner = Math.max(0, inner - 1);
        if (inner === 0 && TEXT_SHOW.has(x.operator)) wrap([x.text]);
        else out.push(x.text);
      }
      out.push(ops[j]!.text);
      k = j;
      continue;
    }
    if (o === 'sh') {
      wrap([op.text]);
      continue;
    }
    if (o === 'Do') {
      const name = /\/([^\s/]+)\s*Do$/.exec(op.text)?.[1] ?? '';
      if (isTaggedForm(name)) out.push(op.text);
      else wrap([op.text]);
      continue;
    }
    if (TEXT_SHOW.has(o) || PATH_PAINT.has(o)) {
      // A painting operator with no recognisable object around it: wrap it alone.
      wrap([op.text]);
      continue;
    }
    out.push(op.text);
  }
  return { text: `${out.join('\n')}\n`, wrapped };
}
