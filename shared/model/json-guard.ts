/**
 * Safe JSON reading for files that may be hostile: bounded size and nesting, positions reported as line and
 * column, and no prototype-bearing keys. Pure; used by the workbook reader and any importer of JSON.
 */
import { parse as parseTolerant, type ParseError, type ParseErrorCode } from 'jsonc-parser';
import type { Path } from './integrity';

export const MAX_JSON_DEPTH = 64;
/**
 * Lists and objects in one file. The largest workbook the schema allows holds well under a million (an
 * alignment, the largest collection, is one object with two lists); parsed, a million take about 64 MB.
 */
export const MAX_JSON_CONTAINERS = 1_000_000;

export type JsonGuardError =
  | { kind: 'too-deep'; line: number; column: number; depth: number }
  | { kind: 'too-many'; line: number; column: number; limit: number }
  | { kind: 'syntax'; line: number | null; column: number | null; detail: string }
  | { kind: 'forbidden-key'; path: Path; key: string };

export type JsonGuardResult = { ok: true; value: unknown } | { ok: false; error: JsonGuardError };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * One pass over the text before it is parsed: the first point where brackets nest deeper than the limit, and
 * where the count of lists and objects passes its limit (skipping string contents). Parsing millions of tiny
 * lists takes far more memory than the text itself, so such a file is refused before JSON.parse sees it.
 */
function scanStructure(text: string, depthLimit: number, containerLimit: number): { kind: 'too-deep' | 'too-many'; at: number } | null {
  let depth = 0;
  let containers = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > depthLimit) return { kind: 'too-deep', at: i };
      if (++containers > containerLimit) return { kind: 'too-many', at: i };
    } else if (c === 125 || c === 93) depth--;
  }
  return null;
}

const SYNTAX_WORDS: Partial<Record<ParseErrorCode, string>> = {
  1: 'an unexpected character',
  2: 'a badly written number',
  3: 'a property name was expected',
  4: 'a value was expected',
  5: 'a colon (:) is missing',
  6: 'a comma is missing',
  7: 'a closing } is missing',
  8: 'a closing ] is missing',
  9: 'there is text after the end of the data',
  10: 'a comment, which JSON does not allow',
  11: 'a comment is not closed',
  12: 'a piece of text is not closed with a quotation mark',
  13: 'an invalid \\u escape',
  14: 'an invalid escape character',
  15: 'an invalid character',
};

/** JSON.parse says what is wrong but not always where; a tolerant parser finds the first error's offset. */
function locateSyntaxError(text: string): { line: number; column: number; detail: string } | null {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return null;
  return { ...lineColumnAt(text, first.offset), detail: SYNTAX_WORDS[first.error] ?? 'invalid JSON' };
}

/**
 * Depth-first over the parsed value with one frame per level, so the walk is linear in the size of the input
 * and its memory is bounded by the depth (copying the path for every element made a 10 MB file of nested
 * lists need gigabytes). The frames are the path, built only for the key that is reported.
 */
function findForbiddenKey(value: unknown): { path: Path; key: string } | null {
  interface Frame {
    readonly value: object;
    readonly keys: readonly string[] | null;
    readonly step: string | number;
    next: number;
  }
  const frameFor = (v: object, step: string | number): Frame => ({
    value: v,
    keys: Array.isArray(v) ? null : Object.keys(v),
    step,
    next: 0,
  });
  if (value === null || typeof value !== 'object') return null;
  const stack: Frame[] = [frameFor(value, '')];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const size = frame.keys ? frame.keys.length : (frame.value as unknown[]).length;
    if (frame.next >= size) {
      stack.pop();
      continue;
    }
    const i = frame.next++;
    const key = frame.keys ? frame.keys[i]! : i;
    if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) return { path: [...stack.slice(1).map((f) => f.step), key], key };
    const child = (frame.value as Record<string | number, unknown>)[key];
    if (child !== null && typeof child === 'object') stack.push(frameFor(child, key));
  }
  return null;
}

export function parseGuardedJson(text: string, maxDepth = MAX_JSON_DEPTH, maxContainers = MAX_JSON_CONTAINERS): JsonGuardResult {
  const excess = scanStructure(text, maxDepth, maxContainers);
  if (excess?.kind === 'too-deep') return { ok: false, error: { kind: 'too-deep', depth: maxDepth, ...lineColumnAt(text, excess.at) } };
  if (excess?.kind === 'too-many') return { ok: false, error: { kind: 'too-many', limit: maxContainers, ...lineColumnAt(text, excess.at) } };
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const located = locateSyntaxError(text);
    if (located) return { ok: false, error: { kind: 'syntax', ...located } };
    return { ok: false, error: { kind: 'syntax', line: null, column: null, detail: e instanceof Error ? e.message : String(e) } };
  }
  const forbidden = findForbiddenKey(value);
  if (forbidden) return { ok: false, error: { kind: 'forbidden-key', ...forbidden } };
  return { ok: true, value };
}
