/**
 * Safe JSON reading for files that may be hostile: bounded size and nesting, positions reported as line and
 * column, and no prototype-bearing keys. Pure; used by the workbook reader and any importer of JSON.
 */
import { parse as parseTolerant, type ParseError, type ParseErrorCode } from 'jsonc-parser';
import type { Path } from './integrity';

export const MAX_JSON_DEPTH = 64;

export type JsonGuardError =
  | { kind: 'too-deep'; line: number; column: number; depth: number }
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

/** Finds the first point where brackets nest deeper than the limit, skipping string contents. */
function findExcessiveNesting(text: string, limit: number): number | null {
  let depth = 0;
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
      if (++depth > limit) return i;
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

function findForbiddenKey(value: unknown): { path: Path; key: string } | null {
  const stack: Array<{ value: unknown; path: Path }> = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    else if (v !== null && typeof v === 'object') {
      for (const key of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(key)) return { path: [...path, key], key };
        stack.push({ value: (v as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
  }
  return null;
}

export function parseGuardedJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonGuardResult {
  const deep = findExcessiveNesting(text, maxDepth);
  if (deep !== null) return { ok: false, error: { kind: 'too-deep', depth: maxDepth, ...lineColumnAt(text, deep) } };
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
